import { randomUUID } from "node:crypto";
import type { SqlRunner } from "../db/connect";
import { isFailure, type LinkResult } from "./check-url";

/**
 * Keeps a URL's last result, in one statement (two processes can never mix their counts): a failure
 * (broken or unreachable) adds one to consecutive_failures and keeps the first day of the current run
 * of failures in failing_since; a success (ok or redirected) resets both and sets last_ok_at.
 */
export async function recordLinkResult(sql: SqlRunner, url: string, result: LinkResult, checkedAt: Date): Promise<void> {
  const failed = isFailure(result.outcome);
  await sql.query(
    `insert into link_check (id, url, outcome, http_status, final_url, error, consecutive_failures, checked_at, failing_since, last_ok_at)
     values ($1::uuid, $2, $3::"LinkOutcome", $4, $5, $6,
             case when $7::boolean then 1 else 0 end, $8::timestamptz,
             case when $7::boolean then $8::timestamptz end,
             case when $7::boolean then null else $8::timestamptz end)
     on conflict (url) do update set
       outcome = excluded.outcome,
       http_status = excluded.http_status,
       final_url = excluded.final_url,
       error = excluded.error,
       checked_at = excluded.checked_at,
       consecutive_failures = case when $7::boolean then link_check.consecutive_failures + 1 else 0 end,
       failing_since = case when $7::boolean then coalesce(link_check.failing_since, excluded.checked_at) else null end,
       last_ok_at = case when $7::boolean then link_check.last_ok_at else excluded.checked_at end`,
    [randomUUID(), url, result.outcome, result.httpStatus, result.finalUrl, result.error, failed, checkedAt.toISOString()],
  );
}

/** Forgets the results of URLs no programme uses any more (after a full run). */
export async function pruneUnusedLinkChecks(sql: SqlRunner): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `delete from link_check lc
     where not exists (select 1 from programme p where p.application_url = lc.url)
       and not exists (select 1 from programme_source s where s.url = lc.url)
     returning lc.id`,
  );
  return rows.length;
}
