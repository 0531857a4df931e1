/**
 * Where a programme stands in its calendar, the same rule everywhere (pages, API, SQL filter in
 * lib/data/programme-search.ts): closed wins, then upcoming, then permanent, then closing soon.
 */
export const CALENDAR_STATUSES = ["open", "closing-soon", "upcoming", "permanent", "closed"] as const;
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number];

export const CLOSING_SOON_DAYS = 30;

export const calendarStatusLabels: Record<CalendarStatus, string> = {
  open: "Ouvert",
  "closing-soon": "Clôture proche",
  upcoming: "À venir",
  permanent: "Permanent",
  closed: "Clos",
};

export interface CalendarFacts {
  opensAt: Date | null;
  closesAt: Date | null;
  isClosed: boolean;
  recurrence: "ponctuel" | "annuel" | "permanent" | null;
}

export function calendarStatus(p: CalendarFacts, now = new Date()): CalendarStatus {
  if (p.isClosed || (p.closesAt && p.closesAt < now)) return "closed";
  if (p.opensAt && p.opensAt > now) return "upcoming";
  if (p.recurrence === "permanent" && !p.closesAt) return "permanent";
  if (p.closesAt && p.closesAt.getTime() - now.getTime() <= CLOSING_SOON_DAYS * 86_400_000) return "closing-soon";
  return "open";
}

/** Open for applications now: open, closing soon or permanent. */
export const isAcceptingApplications = (status: CalendarStatus) =>
  status === "open" || status === "closing-soon" || status === "permanent";
