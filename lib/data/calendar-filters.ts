import "server-only";
import { CLOSING_SOON_DAYS, type CalendarStatus } from "../programmes/calendar-status";
import type { Prisma } from "../generated/prisma/client";

/**
 * The SQL side of lib/programmes/calendar-status.ts: a Prisma filter per calendar status,
 * so that counting and filtering happen in the database with the same rule as the pages.
 */
export function calendarStatusWhere(status: CalendarStatus, now = new Date()): Prisma.ProgrammeWhereInput {
  const soon = new Date(now.getTime() + CLOSING_SOON_DAYS * 86_400_000);
  const notClosed: Prisma.ProgrammeWhereInput = { isClosed: false, OR: [{ closesAt: null }, { closesAt: { gte: now } }] };
  const started: Prisma.ProgrammeWhereInput = { OR: [{ opensAt: null }, { opensAt: { lte: now } }] };
  switch (status) {
    case "closed":
      return { OR: [{ isClosed: true }, { closesAt: { lt: now } }] };
    case "upcoming":
      return { AND: [notClosed, { opensAt: { gt: now } }] };
    case "permanent":
      return { AND: [notClosed, started, { recurrence: "permanent", closesAt: null }] };
    case "closing-soon":
      return { AND: [started, { isClosed: false, closesAt: { gte: now, lte: soon } }] };
    case "open":
      // Not "permanent": spelt out, because NOT (recurrence = 'permanent' AND …) is NULL, not true,
      // when recurrence is NULL, and would drop the undated calls of unknown recurrence.
      return {
        AND: [notClosed, started,
          { OR: [{ recurrence: null }, { recurrence: { not: "permanent" } }, { closesAt: { not: null } }] },
          { OR: [{ closesAt: null }, { closesAt: { gt: soon } }] }],
      };
  }
}

/** Accepting applications now: open, closing soon or permanent. */
export function acceptingApplicationsWhere(now = new Date()): Prisma.ProgrammeWhereInput {
  return { AND: [{ isClosed: false, OR: [{ closesAt: null }, { closesAt: { gte: now } }] }, { OR: [{ opensAt: null }, { opensAt: { lte: now } }] }] };
}
