import "server-only";
import { Prisma } from "../generated/prisma/client";
import { CLOSING_SOON_DAYS } from "../programmes/calendar-status";

/**
 * The SQL twin of calendarStatus() (lib/programmes/calendar-status.ts), case for case, on a
 * programme `p`: closed wins, then upcoming, then permanent, then closing soon (within
 * CLOSING_SOON_DAYS × 24 h). Filters, facets and sorts themselves are decided in memory
 * (lib/data/programme-index.ts), with the same rule.
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

export const FACETS = ["funderType", "funder", "beneficiary", "finances", "aidKind", "status"] as const;
export type Facet = (typeof FACETS)[number];
