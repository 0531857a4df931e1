import type { SqlRunner } from "../db/connect";

/**
 * The URLs to check: every application link and every source of the programmes that are not archived
 * (drafts and entries in review included: a curator learns of a dead link before publishing), each
 * distinct URL once; only http and https. `onlyFailing` keeps those whose last check failed.
 */
export async function listLinkTargets(sql: SqlRunner, { onlyFailing = false }: { onlyFailing?: boolean } = {}): Promise<string[]> {
  const rows = await sql.query<{ url: string }>(
    `select u.url from (
       select application_url as url from programme where application_url is not null and status <> 'archived'
       union
       select s.url from programme_source s join programme p on p.id = s.programme_id where p.status <> 'archived'
     ) u
     where u.url ~* '^https?://'
       and ($1::boolean = false or exists (select 1 from link_check lc where lc.url = u.url and lc.consecutive_failures > 0))
     order by u.url`,
    [onlyFailing],
  );
  return rows.map((r) => r.url);
}

/** The host part of a URL, or the URL itself when it does not parse (it then fails on its own). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
