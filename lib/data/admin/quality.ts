import "server-only";
import { type Actor, canReviewContributions, type EditorialStatus, isCurator } from "../../auth/policy";
import { getPrisma } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { QUALITY_KINDS, type QualityKind, type QualityQueueFilters } from "../../validation/quality-queue";
import { DASHBOARD_STALE_MONTHS, monthsBefore } from "./dashboard";

/**
 * The quality queue (/admin/qualite): what in the catalogue needs a curator, one kind per problem.
 *
 *   broken-link         published; its application URL has a link_check row with consecutive_failures ≥ 2
 *                       (the link checker's « failed twice in a row »).
 *   past-closing        published, not declared closed (is_closed false), and either
 *                       (a) its closing date has passed — the site shows « Clos » from the date, but the
 *                           entry still reads as a running call: declare it closed or enter the next session; or
 *                       (b) no closing date of its own, not permanent, not opening later, with sessions
 *                           (programme_round) that ALL closed before now: calendarStatus()
 *                           (lib/programmes/calendar-status.ts) then shows it « Ouvert » although every
 *                           known session is over.
 *   contribution        a pending public proposal or correction (curators: canReviewContributions).
 *   review-note         in review with a reviewNote (the importer's or researcher's doubt).
 *   no-application-url  published, still accepting or upcoming (not closed by flag or date), no application
 *                       URL, and not verified for DASHBOARD_STALE_MONTHS months;
 *   no-amount           the same with no amount (total, min, max) and no amount note. « Vérifié
 *                       aujourd'hui » settles these two: it records that the source gives nothing more
 *                       (a fact no source gives stays empty, prisma/seed-data/README.md).
 *   unverified          published, never verified or not for DASHBOARD_STALE_MONTHS months.
 *
 * Items are programmes (with every kind they have) and contributions. Visibility is in the WHERE: a
 * contributor sees only the programmes they created, and no contributions. Two queries per page: the
 * counts of every kind (one scan), then the page (programmes and contributions together, ordered by
 * urgency, with the total).
 */

export interface QualityLinkFailure {
  failures: number;
  failingSince: Date | null;
  checkedAt: Date;
}

export interface QualityProgrammeItem {
  type: "programme";
  id: string;
  slug: string;
  title: string;
  status: EditorialStatus;
  version: number;
  funder: { slug: string; name: string };
  kinds: QualityKind[];
  lastVerifiedAt: Date | null;
  closesAt: Date | null;
  /** past-closing (b): the last session's closing date. */
  lastRoundClosesAt: Date | null;
  applicationUrl: string | null;
  reviewNote: string | null;
  link: QualityLinkFailure | null;
}

export interface QualityContributionItem {
  type: "contribution";
  id: string;
  kinds: ["contribution"];
  contributionKind: "proposal" | "correction";
  /** The proposed title (proposal) or the corrected programme's title. */
  title: string;
  funderName: string | null;
  programme: { slug: string; title: string } | null;
  createdAt: Date;
}

export type QualityItem = QualityProgrammeItem | QualityContributionItem;
export type QualityCounts = Record<QualityKind, number> & { total: number };

export interface QualityPage {
  items: QualityItem[];
  total: number;
  page: number;
  perPage: number;
  counts: QualityCounts;
  /** The boundary of « not verified for 6 months ». */
  verifiedBefore: Date;
}

const KIND_COLUMNS: Record<Exclude<QualityKind, "contribution">, string> = {
  "broken-link": "broken_link",
  "past-closing": "past_closing",
  "review-note": "review_note_flag",
  "no-application-url": "no_application_url",
  "no-amount": "no_amount",
  unverified: "unverified",
};
const PROGRAMME_KINDS = QUALITY_KINDS.filter((k): k is Exclude<QualityKind, "contribution"> => k !== "contribution");
const flag = (kind: Exclude<QualityKind, "contribution">) => Prisma.raw(`f.${KIND_COLUMNS[kind]}`);
const anyFlag = Prisma.join(PROGRAMME_KINDS.map(flag), " OR ");
/** Rank of a programme's most urgent kind (QUALITY_KINDS order). */
const rank = Prisma.sql`LEAST(${Prisma.join(
  PROGRAMME_KINDS.map((k) => Prisma.sql`CASE WHEN ${flag(k)} THEN ${QUALITY_KINDS.indexOf(k)}::int END`),
  ", ",
)})`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const matches = (column: Prisma.Sql, q: string) =>
  Prisma.sql`immutable_unaccent(${column}) ILIKE immutable_unaccent(${likePattern(q)}::text)`;

interface Scope {
  actor: Actor;
  now: Date;
  verifiedBefore: Date;
  funder?: string;
  q?: string;
}

/** Every programme that may be in the queue, with one boolean per kind. */
function flaggedProgrammes({ actor, now, verifiedBefore, funder, q }: Scope): Prisma.Sql {
  const conditions = [Prisma.sql`p.status IN ('published', 'in_review')`];
  if (!isCurator(actor)) conditions.push(Prisma.sql`p.created_by_id = ${actor.id}::uuid`);
  if (funder) conditions.push(Prisma.sql`fu.slug = ${funder}`);
  if (q) conditions.push(Prisma.sql`(${matches(Prisma.sql`p.title`, q)} OR p.slug ILIKE ${likePattern(q)})`);
  const published = Prisma.sql`p.status = 'published'`;
  const notClosed = Prisma.sql`(NOT p.is_closed AND (p.closes_at IS NULL OR p.closes_at >= ${now}::timestamptz))`;
  const stale = Prisma.sql`(p.last_verified_at IS NULL OR p.last_verified_at < ${verifiedBefore}::timestamptz)`;
  return Prisma.sql`
    SELECT p.id, p.slug, p.title, p.status, p.version, fu.slug AS funder_slug, fu.name AS funder_name,
           p.last_verified_at, p.closes_at, p.application_url, p.review_note, rounds.last_closes_at,
           lc.consecutive_failures, lc.failing_since, lc.checked_at AS link_checked_at,
           (${published} AND coalesce(lc.consecutive_failures, 0) >= 2) AS broken_link,
           (${published} AND NOT p.is_closed AND (p.closes_at < ${now}::timestamptz
              OR (p.closes_at IS NULL AND p.recurrence IS DISTINCT FROM 'permanent'
                  AND (p.opens_at IS NULL OR p.opens_at <= ${now}::timestamptz)
                  AND rounds.n > 0 AND rounds.past = rounds.n))) AS past_closing,
           (p.status = 'in_review' AND nullif(btrim(p.review_note), '') IS NOT NULL) AS review_note_flag,
           (${published} AND ${notClosed} AND ${stale} AND nullif(btrim(p.application_url), '') IS NULL) AS no_application_url,
           (${published} AND ${notClosed} AND ${stale} AND p.amount_total IS NULL AND p.amount_min IS NULL
              AND p.amount_max IS NULL AND nullif(btrim(p.amount_note), '') IS NULL) AS no_amount,
           (${published} AND ${stale}) AS unverified
      FROM programme p
      JOIN funder fu ON fu.id = p.funder_id
      LEFT JOIN link_check lc ON lc.url = p.application_url
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS n, count(*) FILTER (WHERE r.closes_at < ${now}::timestamptz)::int AS past, max(r.closes_at) AS last_closes_at
          FROM programme_round r WHERE r.programme_id = p.id
      ) rounds ON true
     WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** Pending contributions (none for an actor who may not review them). */
function pendingContributions({ actor, funder, q }: Scope): Prisma.Sql {
  const conditions = [Prisma.sql`c.status = 'pending'`];
  if (!canReviewContributions(actor)) conditions.push(Prisma.sql`false`);
  if (funder) conditions.push(Prisma.sql`fu.slug = ${funder}`);
  if (q) conditions.push(Prisma.sql`(${matches(Prisma.sql`coalesce(p.title, c.payload->>'title', '')`, q)})`);
  return Prisma.sql`
    SELECT c.id, c.kind, c.created_at, coalesce(p.title, c.payload->>'title', '') AS title,
           coalesce(fu.name, c.payload->>'funderName') AS funder_name, p.slug AS programme_slug, p.title AS programme_title
      FROM contribution c
      LEFT JOIN programme p ON p.id = c.programme_id
      LEFT JOIN funder fu ON fu.id = p.funder_id
     WHERE ${Prisma.join(conditions, " AND ")}`;
}

interface CountRow {
  broken_link: number;
  past_closing: number;
  review_note: number;
  no_application_url: number;
  no_amount: number;
  unverified: number;
  programmes: number;
  contributions: number;
}

async function countQueue(scope: Scope): Promise<QualityCounts> {
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRaw<CountRow[]>`
    WITH flagged AS (${flaggedProgrammes(scope)})
    SELECT count(*) FILTER (WHERE f.broken_link)::int AS broken_link,
           count(*) FILTER (WHERE f.past_closing)::int AS past_closing,
           count(*) FILTER (WHERE f.review_note_flag)::int AS review_note,
           count(*) FILTER (WHERE f.no_application_url)::int AS no_application_url,
           count(*) FILTER (WHERE f.no_amount)::int AS no_amount,
           count(*) FILTER (WHERE f.unverified)::int AS unverified,
           count(*) FILTER (WHERE ${anyFlag})::int AS programmes,
           (SELECT count(*)::int FROM (${pendingContributions(scope)}) c) AS contributions
      FROM flagged f`;
  const r = row ?? { broken_link: 0, past_closing: 0, review_note: 0, no_application_url: 0, no_amount: 0, unverified: 0, programmes: 0, contributions: 0 };
  return {
    "broken-link": r.broken_link,
    "past-closing": r.past_closing,
    contribution: r.contributions,
    "review-note": r.review_note,
    "no-application-url": r.no_application_url,
    "no-amount": r.no_amount,
    unverified: r.unverified,
    total: r.programmes + r.contributions,
  };
}

/** The counts alone (the dashboard): one query. */
export async function getQualityCounts(actor: Actor, { now = new Date() }: { now?: Date } = {}): Promise<QualityCounts> {
  return countQueue({ actor, now, verifiedBefore: monthsBefore(now, DASHBOARD_STALE_MONTHS) });
}

interface PageRow {
  item_type: "programme" | "contribution";
  id: string;
  slug: string | null;
  title: string;
  status: EditorialStatus | null;
  version: number | null;
  funder_slug: string | null;
  funder_name: string | null;
  last_verified_at: Date | null;
  closes_at: Date | null;
  last_closes_at: Date | null;
  application_url: string | null;
  review_note: string | null;
  consecutive_failures: number | null;
  failing_since: Date | null;
  link_checked_at: Date | null;
  kinds: string;
  contribution_kind: "proposal" | "correction" | null;
  programme_slug: string | null;
  programme_title: string | null;
  created_at: Date | null;
  total: number;
}

export async function getQualityQueue(actor: Actor, filters: QualityQueueFilters, { now = new Date() }: { now?: Date } = {}): Promise<QualityPage> {
  const prisma = await getPrisma();
  const verifiedBefore = monthsBefore(now, DASHBOARD_STALE_MONTHS);
  const scope: Scope = { actor, now, verifiedBefore, funder: filters.funder, q: filters.q };
  const kind = filters.kind;
  const programmeFilter = kind === "contribution" ? Prisma.sql`false` : kind ? flag(kind) : anyFlag;
  const withContributions = kind === undefined || kind === "contribution";
  const kindsArray = Prisma.sql`concat_ws(',', ${Prisma.join(
    PROGRAMME_KINDS.map((k) => Prisma.sql`CASE WHEN ${flag(k)} THEN ${k}::text END`),
    ", ",
  )})`;
  const contributionRank = QUALITY_KINDS.indexOf("contribution");
  const offset = (filters.page - 1) * filters.perPage;

  const [counts, rows] = await Promise.all([
    countQueue(scope),
    prisma.$queryRaw<PageRow[]>`
      WITH flagged AS (${flaggedProgrammes(scope)}),
           items AS (
             SELECT 'programme' AS item_type, f.id::text AS id, f.slug, f.title, f.status::text AS status, f.version,
                    f.funder_slug, f.funder_name, f.last_verified_at, f.closes_at, f.last_closes_at, f.application_url,
                    f.review_note, f.consecutive_failures, f.failing_since, f.link_checked_at, ${kindsArray} AS kinds,
                    NULL::text AS contribution_kind, NULL::text AS programme_slug, NULL::text AS programme_title,
                    NULL::timestamptz AS created_at, ${rank} AS rank, coalesce(f.last_verified_at, '-infinity') AS sort_at
               FROM flagged f WHERE ${programmeFilter}
             UNION ALL
             SELECT 'contribution', c.id::text, NULL, c.title, NULL, NULL, NULL, c.funder_name, NULL, NULL, NULL, NULL,
                    NULL, NULL, NULL, NULL, 'contribution', c.kind::text, c.programme_slug, c.programme_title,
                    c.created_at, ${contributionRank}::int, c.created_at
               FROM (${pendingContributions(scope)}) c WHERE ${withContributions}::boolean
           )
      SELECT i.*, count(*) OVER ()::int AS total
        FROM items i
       ORDER BY i.rank, i.sort_at, i.title, i.id
       LIMIT ${filters.perPage} OFFSET ${offset}`,
  ]);

  return {
    items: rows.map(toItem),
    total: rows[0]?.total ?? (offset > 0 ? (kind ? counts[kind] : counts.total) : 0),
    page: filters.page,
    perPage: filters.perPage,
    counts,
    verifiedBefore,
  };
}

function toItem(row: PageRow): QualityItem {
  if (row.item_type === "contribution") {
    return {
      type: "contribution",
      id: row.id,
      kinds: ["contribution"],
      contributionKind: row.contribution_kind ?? "proposal",
      title: row.title,
      funderName: row.funder_name,
      programme: row.programme_slug && row.programme_title ? { slug: row.programme_slug, title: row.programme_title } : null,
      createdAt: row.created_at ?? new Date(0),
    };
  }
  return {
    type: "programme",
    id: row.id,
    slug: row.slug ?? "",
    title: row.title,
    status: row.status ?? "published",
    version: row.version ?? 1,
    funder: { slug: row.funder_slug ?? "", name: row.funder_name ?? "" },
    kinds: row.kinds.split(",").filter((k): k is QualityKind => (QUALITY_KINDS as readonly string[]).includes(k)),
    lastVerifiedAt: row.last_verified_at,
    closesAt: row.closes_at,
    lastRoundClosesAt: row.last_closes_at,
    applicationUrl: row.application_url,
    reviewNote: row.review_note,
    link:
      row.consecutive_failures !== null && row.consecutive_failures >= 2 && row.link_checked_at
        ? { failures: row.consecutive_failures, failingSince: row.failing_since, checkedAt: row.link_checked_at }
        : null,
  };
}
