import { isClosedBySources } from "../db/seed/catalogue";
import { toParisIsoDate } from "../paris-time";

/**
 * « Déclaré clos » for researched entries (the seed's shape and the research's): the calendar status
 * (lib/programmes/calendar-status.ts) says « ouvert » for anything not closed and without dates, so a
 * researched call is closed unless a date says it is still open or to come (a closing day not past,
 * an opening day ahead), or it is a standing scheme; and always when its sources say it is over
 * (lib/db/seed/catalogue.ts isClosedBySources). Curators reopen it when a new edition is announced.
 */
export function closedUnlessDated(
  p: { sourceStatus: unknown; years: unknown; recurrence: unknown; opensAt: unknown; closesAt: unknown },
  now = new Date(),
): boolean {
  const recurrence = p.recurrence === "ponctuel" || p.recurrence === "annuel" || p.recurrence === "permanent" ? p.recurrence : null;
  const years = Array.isArray(p.years) ? p.years.filter((y): y is string => typeof y === "string") : null;
  const sourceStatus = p.sourceStatus === "clos" || p.sourceStatus === "recurrent" ? p.sourceStatus : null;
  if (isClosedBySources({ sourceStatus, recurrence, years }, now)) return true;
  if (recurrence === "permanent") return false;
  const today = toParisIsoDate(now);
  const day = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const closes = day(p.closesAt);
  const opens = day(p.opensAt);
  return !((closes !== null && closes >= today) || (opens !== null && opens > today));
}
