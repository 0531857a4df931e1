import "server-only";
import { Prisma } from "../generated/prisma/client";
import { CLOSING_SOON_DAYS } from "../programmes/calendar-status";
import type { ProgrammeSearch, Sort } from "../validation/programme-search";

/**
 * SQL pieces of the programme search, all parameterised. Table aliases are fixed: `p` programme,
 * `f` its funder and `cf` its co-funders inside the `base` set; `b` a row of that set in the
 * filters, facets and sorts.
 */

/**
 * The SQL twin of calendarStatus() (lib/programmes/calendar-status.ts), case for case:
 * closed wins, then upcoming, then permanent, then closing soon (within CLOSING_SOON_DAYS × 24 h).
 */
export function calendarStatusSql(now: Date): Prisma.Sql {
  const soon = new Date(now.getTime() + CLOSING_SOON_DAYS * 86_400_000);
  return Prisma.sql`(CASE
    WHEN p.is_closed OR p.closes_at < ${now}::timestamptz THEN 'closed'
    WHEN p.opens_at > ${now}::timestamptz THEN 'upcoming'
    WHEN p.recurrence = 'permanent' AND p.closes_at IS NULL THEN 'permanent'
    WHEN p.closes_at <= ${soon}::timestamptz THEN 'closing-soon'
    ELSE 'open' END)`;
}

/**
 * FROM and JOIN of the base set: the programme `p` and its funder `f`. Every column the filters and
 * facets read is in the covering index programme_search_facts_idx, so that PostgreSQL answers
 * them from the index alone, without reading the programmes' long texts.
 */
export const baseFromSql = Prisma.sql`programme p JOIN funder f ON f.id = p.funder_id`;

/** "Available in this territory": national, or covering the territory or one that contains it. */
export const availableInSql = (territoryIds: string[]) => Prisma.sql`(p.is_national OR EXISTS (
  SELECT 1 FROM programme_territory pt WHERE pt.programme_id = p.id AND pt.territory_id = ANY(${territoryIds}::text[])))`;

/** Known amount: the maximum per project, or the whole envelope when no maximum is given. */
export const amountAtLeastSql = (amount: number) =>
  Prisma.sql`coalesce(p.amount_max, p.amount_total) >= ${amount}::numeric`;

export const FACETS = ["funderType", "funder", "beneficiary", "finances", "aidKind", "status"] as const;
export type Facet = (typeof FACETS)[number];

/**
 * The condition each facet's selection puts on a row `b` of the base set (columns id, funder_id,
 * funder_type, beneficiaries, financed, aid_kinds, calendar_status); null when nothing is chosen.
 */
export function facetConditions(search: ProgrammeSearch): Record<Facet, Prisma.Sql | null> {
  const any = (values: string[], sql: Prisma.Sql) => (values.length ? sql : null);
  return {
    funderType: any(search.funderType, Prisma.sql`b.funder_type::text = ANY(${search.funderType}::text[])`),
    // Funded or co-funded by one of the funders chosen.
    funder: any(
      search.funder,
      Prisma.sql`(b.funder_id IN (SELECT x.id FROM funder x WHERE x.slug = ANY(${search.funder}::text[]))
        OR b.id IN (SELECT c.programme_id FROM programme_co_funder c JOIN funder x ON x.id = c.funder_id
                     WHERE x.slug = ANY(${search.funder}::text[])))`,
    ),
    beneficiary: any(search.beneficiary, Prisma.sql`b.beneficiaries && ${search.beneficiary}::text[]::"Beneficiary"[]`),
    finances: any(search.finances, Prisma.sql`b.financed && ${search.finances}::text[]::"FinancedItem"[]`),
    aidKind: any(search.aidKind, Prisma.sql`b.aid_kinds && ${search.aidKind}::text[]::"AidKind"[]`),
    // No calendar chosen: everything but the closed calls.
    status: search.status.length
      ? Prisma.sql`b.calendar_status = ANY(${search.status}::text[])`
      : Prisma.sql`b.calendar_status <> 'closed'`,
  };
}

/** AND of the conditions of every facet but `except`. */
export function whereFacets(conditions: Record<Facet, Prisma.Sql | null>, except?: Facet): Prisma.Sql {
  const parts = FACETS.filter((f) => f !== except).flatMap((f) => conditions[f] ?? []);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`;
}

/**
 * ORDER BY for a row alias (the same order is applied inside the page query and around it).
 * - relevance: rank, then like `closing`;
 * - closing: calls still running first, soonest closing date first (unknown dates last), then the
 *   closed ones, most recently closed first;
 * - recent: most recently published, then most recently updated;
 * - amount: largest maximum amount first (unknown last).
 * Ties end on the title then the slug, so pages never overlap.
 */
export function orderBySql(sort: Sort, alias: "b" | "page"): Prisma.Sql {
  const a = Prisma.raw(alias);
  const closing = Prisma.sql`(${a}.calendar_status = 'closed'),
    (CASE WHEN ${a}.calendar_status <> 'closed' THEN ${a}.closes_at END) ASC NULLS LAST,
    (CASE WHEN ${a}.calendar_status = 'closed' THEN ${a}.closes_at END) DESC NULLS LAST`;
  const tail = Prisma.sql`${a}.title, ${a}.slug`;
  switch (sort) {
    case "relevance":
      return Prisma.sql`${a}.rank DESC, ${closing}, ${tail}`;
    case "closing":
      return Prisma.sql`${closing}, ${tail}`;
    case "recent":
      return Prisma.sql`${a}.published_at DESC NULLS LAST, ${a}.updated_at DESC, ${tail}`;
    case "amount":
      return Prisma.sql`${a}.amount_max DESC NULLS LAST, ${closing}, ${tail}`;
  }
}
