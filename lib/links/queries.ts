import "server-only";
import type { Actor } from "../auth/policy";
import { isCurator } from "../auth/policy";
import { getDatabase } from "../db/client";
import type { EditorialStatus } from "../auth/policy";
import type { LinkOutcome } from "./check-url";
import { type LinkCheckDetail, LINK_CHECK_JOB, STALE_AFTER_MS } from "./job-run";
import { LINK_LIST_PER_PAGE, type LinkListParams, outcomesOf } from "./list-params";

/** An application link fails « twice in a row »: the public notice and the quality queue both start there. */
export const NOTICE_AFTER_FAILURES = 2;

/**
 * The public notice of a programme page: when its application link failed at least twice in a row,
 * the day the failures began (or of the last check). One query, by URL (url is unique).
 */
export async function findApplicationLinkWarning(url: string | null | undefined): Promise<{ since: Date } | null> {
  if (!url) return null;
  const { prisma } = await getDatabase();
  const row = await prisma.linkCheck.findUnique({
    where: { url },
    select: { consecutiveFailures: true, failingSince: true, checkedAt: true },
  });
  if (!row || row.consecutiveFailures < NOTICE_AFTER_FAILURES) return null;
  return { since: row.failingSince ?? row.checkedAt };
}

export interface ProgrammeWithBrokenLink {
  id: string;
  slug: string;
  title: string;
  status: EditorialStatus;
  applicationUrl: string;
  outcome: LinkOutcome;
  httpStatus: number | null;
  error: string | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  checkedAt: Date;
}

/**
 * Programmes (not archived) whose application link failed at least twice in a row, the longest failing
 * first: what the quality queue calls « lien cassé ».
 */
export async function listProgrammesWithBrokenApplicationLink(): Promise<ProgrammeWithBrokenLink[]> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{
    id: string;
    slug: string;
    title: string;
    status: EditorialStatus;
    application_url: string;
    outcome: LinkOutcome;
    http_status: number | null;
    error: string | null;
    consecutive_failures: number;
    failing_since: string | Date | null;
    checked_at: string | Date;
  }>(
    `select p.id, p.slug, p.title, p.status::text as status, p.application_url, lc.outcome::text as outcome,
            lc.http_status, lc.error, lc.consecutive_failures, lc.failing_since, lc.checked_at
     from programme p join link_check lc on lc.url = p.application_url
     where p.status <> 'archived' and lc.consecutive_failures >= $1
     order by lc.failing_since asc nulls last, p.title`,
    [NOTICE_AFTER_FAILURES],
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    applicationUrl: r.application_url,
    outcome: r.outcome,
    httpStatus: r.http_status,
    error: r.error,
    consecutiveFailures: r.consecutive_failures,
    failingSince: r.failing_since ? new Date(r.failing_since) : null,
    checkedAt: new Date(r.checked_at),
  }));
}

// ------------------------------------------------------------------ /admin/liens

export interface LinkProgrammeRef {
  slug: string;
  title: string;
  status: EditorialStatus;
  /** Used as the application link (else: as a source). */
  application: boolean;
  source: boolean;
  /** The actor may open it in the workspace (else: its public page, when published). */
  editable: boolean;
}

export interface LinkProblem {
  url: string;
  outcome: LinkOutcome;
  httpStatus: number | null;
  finalUrl: string | null;
  error: string | null;
  consecutiveFailures: number;
  checkedAt: Date;
  failingSince: Date | null;
  lastOkAt: Date | null;
  programmes: LinkProgrammeRef[];
}

export interface LinkProblemList {
  items: LinkProblem[];
  total: number;
  page: number;
  perPage: number;
  /** Rows per outcome among the links this person may see (whatever the filters). */
  counts: Record<LinkOutcome, number>;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The checked links that are not simply ok, with the programmes using them. Curators see every
 * programme that is not archived; a contributor sees the published ones and their own entries.
 */
const USAGE = `
  with usage as (
    select url, slug, title, status, created_by_id, bool_or(application) as application, bool_or(not application) as source
    from (
      select p.application_url as url, p.slug, p.title, p.status::text as status, p.created_by_id, true as application
      from programme p where p.application_url is not null and p.status <> 'archived'
      union all
      select s.url, p.slug, p.title, p.status::text, p.created_by_id, false
      from programme_source s join programme p on p.id = s.programme_id where p.status <> 'archived'
    ) u
    group by url, slug, title, status, created_by_id
  ), visible as (
    select * from usage where $1::boolean or status = 'published' or created_by_id = $2::uuid
  )`;

export async function listLinkProblems(actor: Actor, params: Pick<LinkListParams, "outcome" | "q" | "page">): Promise<LinkProblemList> {
  const { sql } = await getDatabase();
  const curator = isCurator(actor);
  const perPage = LINK_LIST_PER_PAGE;
  const pattern = params.q ? `%${escapeLike(params.q)}%` : null;
  const [rows, countRows] = await Promise.all([
    sql.query<{
      url: string;
      outcome: LinkOutcome;
      http_status: number | null;
      final_url: string | null;
      error: string | null;
      consecutive_failures: number;
      checked_at: string | Date;
      failing_since: string | Date | null;
      last_ok_at: string | Date | null;
      programmes: { slug: string; title: string; status: EditorialStatus; application: boolean; source: boolean; mine: boolean }[] | string;
      total: number;
    }>(
      `${USAGE}
       select lc.url, lc.outcome::text as outcome, lc.http_status, lc.final_url, lc.error, lc.consecutive_failures,
              lc.checked_at, lc.failing_since, lc.last_ok_at,
              jsonb_agg(jsonb_build_object('slug', v.slug, 'title', v.title, 'status', v.status, 'application', v.application,
                                           'source', v.source, 'mine', coalesce(v.created_by_id = $2::uuid, false))
                        order by v.title, v.slug) as programmes,
              (count(*) over ())::int as total
       from link_check lc join visible v on v.url = lc.url
       where lc.outcome::text = any(string_to_array($3, ','))
       group by lc.id
       having $4::text is null or lc.url ilike $4 or coalesce(lc.final_url, '') ilike $4 or bool_or(v.title ilike $4)
       order by case lc.outcome when 'broken' then 0 when 'unreachable' then 1 else 2 end,
                lc.consecutive_failures desc, lc.failing_since asc nulls last, lc.url
       limit $5 offset $6`,
      [curator, actor.id, outcomesOf[params.outcome].join(","), pattern, perPage, (params.page - 1) * perPage],
    ),
    sql.query<{ outcome: LinkOutcome; count: number }>(
      `${USAGE}
       select lc.outcome::text as outcome, count(distinct lc.id)::int as count
       from link_check lc join visible v on v.url = lc.url group by lc.outcome`,
      [curator, actor.id],
    ),
  ]);
  const counts: Record<LinkOutcome, number> = { ok: 0, redirected: 0, broken: 0, unreachable: 0 };
  for (const row of countRows) counts[row.outcome] = row.count;
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return {
    total: rows[0]?.total ?? 0,
    page: params.page,
    perPage,
    counts,
    items: rows.map((r) => ({
      url: r.url,
      outcome: r.outcome,
      httpStatus: r.http_status,
      finalUrl: r.final_url,
      error: r.error,
      consecutiveFailures: r.consecutive_failures,
      checkedAt: new Date(r.checked_at),
      failingSince: date(r.failing_since),
      lastOkAt: date(r.last_ok_at),
      programmes: (typeof r.programmes === "string" ? (JSON.parse(r.programmes) as Exclude<typeof r.programmes, string>) : r.programmes).map(
        (p) => ({ slug: p.slug, title: p.title, status: p.status, application: p.application, source: p.source, editable: curator || p.mine }),
      ),
    })),
  };
}

export interface LinkCheckRunView {
  id: string;
  trigger: string;
  status: "running" | "succeeded" | "failed";
  /** A running row whose heartbeat stopped: its process died (the next run marks it failed). */
  stalled: boolean;
  total: number | null;
  done: number;
  detail: LinkCheckDetail | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The latest run of the link check (progress while it runs, its summary after). */
export async function getLatestLinkCheckRun(now = new Date()): Promise<LinkCheckRunView | null> {
  const { prisma } = await getDatabase();
  const run = await prisma.jobRun.findFirst({
    where: { job: LINK_CHECK_JOB },
    orderBy: { startedAt: "desc" },
    select: { id: true, trigger: true, status: true, total: true, done: true, detail: true, startedAt: true, heartbeatAt: true, finishedAt: true },
  });
  if (!run) return null;
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    stalled: run.status === "running" && now.getTime() - run.heartbeatAt.getTime() > STALE_AFTER_MS,
    total: run.total,
    done: run.done,
    detail: (run.detail as LinkCheckDetail | null) ?? null,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
