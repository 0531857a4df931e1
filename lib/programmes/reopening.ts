import type { RecurrenceCode } from "../codes";
import { parisStartOfDay } from "../paris-time";
import { CALENDAR_STATUSES, type CalendarStatus, calendarStatusLabels } from "./calendar-status";

/**
 * When a closed call is likely to come back: a PREDICTION, never a date the funder announced, the
 * same rule for the programme page, the cards, the search (status=expected) and the matcher. Pure.
 *
 * Evidence: the dates of past editions, in Paris months: openings (the programme's opensAt and its
 * rounds' opensAt) and closings (closesAt, same), those not after `now`; and the recurrence.
 *
 * 1. Only a call the calendar says is CLOSED (calendarStatus(): a curator's isClosed or a passed
 *    closing date); never a permanent one, nor one marked `ponctuel` (the curator's word that it
 *    will not come back), nor one with a round dated after `now` (a session is announced: the page
 *    shows it). Callers only pass published programmes (archived ones are never shown).
 * 2. Stale evidence: the latest dated edition more than 36 months before the current month → none.
 * 3. Yearly rhythm: at least two past openings (tried first) or closings whose successive gaps are
 *    one year ± 1 month (two years ± 1 month when one edition is missing from the record), all in
 *    the same month ± 1 (December and January are neighbours). The predicted month is that month
 *    (the most frequent, the latest on a tie) at its first occurrence from the current month on
 *    (for closings: after it) and at least 7 months after the last edition. Wording « Reprise
 *    attendue vers mars 2027 » (openings) or « avant juin 2027 » (closings: the call reopens before).
 * 4. Marked `annuel` with one dated edition only (at most one opening month and one closing month,
 *    the opening preferred): that month, same placement, weaker wording « Reprise possible vers … ».
 * 5. Marked `annuel` without a usable month (no dated edition, or editions in scattered months):
 *    « Reprise annuelle attendue, mois inconnu ». We never invent a month; a yearly call closed by a
 *    curator is still worth telling apart from a one-off, and the matcher needs that distinction.
 * 6. A predicted month more than 18 months away → none (a guard: rules 3 and 4 stay within ~13).
 * Unmarked calls with no rhythm: none.
 *
 * The prediction only changes when `now` enters another Paris month, when a dated edition passes,
 * or with the calendar status (lib/data/programme-index.ts recomputes at those instants only).
 */

export const REOPENING_STATUS = "expected" as const;
/** The search's status filter: the calendar statuses, plus the closed calls expected to reopen. */
export const SEARCH_STATUSES = [...CALENDAR_STATUSES, REOPENING_STATUS] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];
export const searchStatusLabels: Record<SearchStatus, string> = { ...calendarStatusLabels, expected: "Réouverture attendue" };

export const STALE_AFTER_MONTHS = 36;
export const HORIZON_MONTHS = 18;
const MIN_MONTHS_AFTER_LAST = 7;

export interface ReopeningFacts {
  status: CalendarStatus;
  recurrence: RecurrenceCode | null;
  opensAt: Date | null;
  closesAt: Date | null;
  rounds: readonly { label?: string; opensAt: Date | null; closesAt: Date | null }[];
}

export interface ReopeningPrediction {
  /** The predicted month, YYYY-MM (Paris); null when it is unknown. */
  month: string | null;
  /** What the month is of: the next opening, or the next closing (the call reopens before). */
  monthIs: "opening" | "closing" | null;
  /** A yearly rhythm in the dates, a single dated edition of a yearly call, or the recurrence alone. */
  basis: "rhythm" | "single" | "recurrence";
  /** « Reprise attendue vers mars 2027 » */
  headline: string;
  /** « ouvert chaque année en mars depuis 2021 » */
  reasoning: string;
  /** « Reprise attendue vers mars 2027 (prévision : … ; date non annoncée par le financeur) » */
  text: string;
}

/** A dated edition: the instant (ms) and its Paris month (year × 12 + month index). */
interface Dated {
  at: number;
  ym: number;
}

/** What the prediction reads, prepared once (time-independent): see reopeningEvidence(). */
export interface ReopeningEvidence {
  recurrence: RecurrenceCode | null;
  openings: Dated[];
  closings: Dated[];
  /** The latest date of a round (−∞ without any): a round after `now` is an announced session. */
  lastRoundDate: number;
}

export const FRENCH_MONTHS = [
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
] as const;

const HOUR = 3_600_000;
/** The last Sunday of a month (0-based) of a year, at 01:00 UTC: when Europe's clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * The Paris month of an instant, as year × 12 + month index (0 = January). Arithmetic, not Intl
 * (a hundred times faster: the index reads thousands of dates): UTC+2 from the last Sunday of March
 * to the last Sunday of October at 01:00 UTC, UTC+1 otherwise — the rule since 1996 (before, autumn
 * came in September: only an instant within an hour of a month's end could be misplaced).
 */
export function parisMonthOf(at: number | Date): number {
  const ms = typeof at === "number" ? at : at.getTime();
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAt1Utc(year, 2) && ms < lastSundayAt1Utc(year, 9);
  const paris = new Date(ms + (summer ? 2 : 1) * HOUR);
  return paris.getUTCFullYear() * 12 + paris.getUTCMonth();
}

const monthIndex = (ym: number) => ((ym % 12) + 12) % 12;
const yearOf = (ym: number) => Math.floor(ym / 12);
const monthYear = (ym: number) => `${FRENCH_MONTHS[monthIndex(ym)]} ${yearOf(ym)}`;
const isoMonth = (ym: number) => `${yearOf(ym)}-${String(monthIndex(ym) + 1).padStart(2, "0")}`;
/** Months between two months of the year, around the year (December and January are 1 apart). */
const monthDistance = (a: number, b: number) => {
  const d = Math.abs(monthIndex(a) - monthIndex(b));
  return Math.min(d, 12 - d);
};

const joinFrench = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`);

/** The evidence of a programme, independent of the time: built once per programme (the search index). */
export function reopeningEvidence(facts: Omit<ReopeningFacts, "status">): ReopeningEvidence {
  const dated = (dates: (Date | null)[]) =>
    dates.filter((d): d is Date => d !== null).map((d) => ({ at: d.getTime(), ym: parisMonthOf(d) })).sort((a, b) => a.at - b.at);
  let lastRoundDate = -Infinity;
  for (const r of facts.rounds) {
    for (const d of [r.opensAt, r.closesAt]) if (d && d.getTime() > lastRoundDate) lastRoundDate = d.getTime();
  }
  return {
    recurrence: facts.recurrence,
    openings: dated([facts.opensAt, ...facts.rounds.map((r) => r.opensAt)]),
    closings: dated([facts.closesAt, ...facts.rounds.map((r) => r.closesAt)]),
    lastRoundDate,
  };
}

/**
 * Whether a prediction can ever be made from this evidence, whatever the time: a yearly call, or
 * two dates at least (a rhythm), and neither permanent nor one-off. The index keeps only these.
 */
export const mayReopen = (e: ReopeningEvidence) =>
  e.recurrence !== "permanent" && e.recurrence !== "ponctuel" && (e.recurrence === "annuel" || e.openings.length + e.closings.length >= 2);

/** The distinct months of the past editions, ascending (the evidence is sorted by date). */
function pastMonths(list: Dated[], now: number): number[] {
  const months: number[] = [];
  for (const d of list) {
    if (d.at > now) break;
    if (!months.includes(d.ym)) months.push(d.ym);
  }
  return months.sort((a, b) => a - b);
}

/** Scratch for rhythmOf(): how many editions fell in each month of the year. */
const perMonth = new Int32Array(12);

/** The month (index) of a yearly rhythm in these months (ascending, distinct), or −1: rule 3. */
function rhythmMonth(months: number[]): number {
  if (months.length < 2) return -1;
  for (let k = 1; k < months.length; k++) {
    const gap = (months[k] as number) - (months[k - 1] as number);
    const years = Math.round(gap / 12);
    if (years < 1 || years > 2 || Math.abs(gap - 12 * years) > 1) return -1;
  }
  perMonth.fill(0);
  for (const m of months) perMonth[monthIndex(m)] = (perMonth[monthIndex(m)] as number) + 1;
  // The most frequent month; on a tie, the latest edition's.
  let month = monthIndex(months[months.length - 1] as number);
  for (let k = months.length - 1; k >= 0; k--) {
    const m = monthIndex(months[k] as number);
    if ((perMonth[m] as number) > (perMonth[month] as number)) month = m;
  }
  for (const m of months) if (monthDistance(m, month) > 1) return -1;
  return month;
}

const consecutive = (months: number[]) => months.every((m, k) => k === 0 || m - (months[k - 1] as number) <= 13);

/** The first month `month` (index) from `from` on, at least MIN_MONTHS_AFTER_LAST after `last`. */
function nextOccurrence(month: number, from: number, last: number): number {
  let ym = Math.max(from, last + MIN_MONTHS_AFTER_LAST);
  while (monthIndex(ym) !== month) ym++;
  return ym;
}

function monthsPhrase(months: number[], month: number): string {
  const used = new Set(months.map(monthIndex));
  if (used.size === 1) return `en ${FRENCH_MONTHS[month]}`;
  const before = used.has(monthIndex(month - 1)) ? monthIndex(month - 1) : month;
  const after = used.has(monthIndex(month + 1)) ? monthIndex(month + 1) : month;
  return `entre ${FRENCH_MONTHS[before]} et ${FRENCH_MONTHS[after]}`;
}

function rhythmReasoning(months: number[], month: number, kind: "opening" | "closing", predicted: number): string {
  const verb = kind === "opening" ? "ouvert" : "clos";
  const first = yearOf(months[0] as number);
  const lastMonth = months.at(-1) as number;
  if (consecutive(months)) {
    // « depuis » only when the last edition is the one just before the predicted one.
    return predicted - lastMonth <= 13
      ? `${verb} chaque année ${monthsPhrase(months, month)} depuis ${first}`
      : `${verb} chaque année ${monthsPhrase(months, month)} de ${first} à ${yearOf(lastMonth)}`;
  }
  return `${verb} ${monthsPhrase(months, month)} : ${joinFrench([...new Set(months.map(yearOf))].map(String))}`;
}

/** What the rule decides, before any wording (cheap: the index decides it for every candidate). */
interface Decision {
  basis: ReopeningPrediction["basis"];
  monthIs: "opening" | "closing" | null;
  /** The predicted month (year × 12 + index), or NaN. */
  ym: number;
  /** The months of the editions the decision rests on. */
  months: number[];
  month: number;
}

function decide(e: ReopeningEvidence, status: CalendarStatus, now: number, nowMonth: number): Decision | null {
  if (status !== "closed" || !mayReopen(e) || e.lastRoundDate > now) return null;
  const openings = pastMonths(e.openings, now);
  const closings = pastMonths(e.closings, now);
  const latest = Math.max(openings.at(-1) ?? -Infinity, closings.at(-1) ?? -Infinity);
  if (latest !== -Infinity && latest < nowMonth - STALE_AFTER_MONTHS) return null;
  const within = (d: Decision) => (d.ym - nowMonth > HORIZON_MONTHS ? null : d);
  const openingMonth = rhythmMonth(openings);
  if (openingMonth >= 0) {
    const ym = nextOccurrence(openingMonth, nowMonth, openings.at(-1) as number);
    return within({ basis: "rhythm", monthIs: "opening", ym, months: openings, month: openingMonth });
  }
  const closingMonth = rhythmMonth(closings);
  if (closingMonth >= 0) {
    // A closing in the current month would mean the call is open now: the next one is later.
    const ym = nextOccurrence(closingMonth, nowMonth + 1, closings.at(-1) as number);
    return within({ basis: "rhythm", monthIs: "closing", ym, months: closings, month: closingMonth });
  }
  if (e.recurrence !== "annuel") return null;
  if (openings.length <= 1 && closings.length <= 1 && latest !== -Infinity) {
    const kind = openings.length === 1 ? "opening" : "closing";
    const months = kind === "opening" ? openings : closings;
    const edition = months[0] as number;
    const ym = nextOccurrence(monthIndex(edition), kind === "opening" ? nowMonth : nowMonth + 1, edition);
    return within({ basis: "single", monthIs: kind, ym, months, month: monthIndex(edition) });
  }
  const seen = [...new Set([...openings, ...closings])].sort((a, b) => a - b).slice(-4);
  return { basis: "recurrence", monthIs: null, ym: Number.NaN, months: seen, month: -1 };
}

/** Whether a reopening is predicted at `now` (the index's test for status=expected: no wording built). */
export const expectsReopening = (e: ReopeningEvidence, status: CalendarStatus, now: number, nowMonth: number = parisMonthOf(now)) =>
  decide(e, status, now, nowMonth) !== null;

function worded(d: Decision): ReopeningPrediction {
  const around = d.monthIs === "opening" ? "vers" : "avant";
  const { headline, reasoning } =
    d.basis === "rhythm"
      ? { headline: `Reprise attendue ${around} ${monthYear(d.ym)}`, reasoning: rhythmReasoning(d.months, d.month, d.monthIs ?? "opening", d.ym) }
      : d.basis === "single"
        ? {
          headline: `Reprise possible ${around} ${monthYear(d.ym)}`,
          reasoning: `appel annuel, une seule édition datée : ${d.monthIs === "opening" ? "ouverture" : "clôture"} en ${monthYear(d.months[0] as number)}`,
        }
        : {
          headline: "Reprise annuelle attendue, mois inconnu",
          reasoning: d.months.length
            ? `appel annuel, éditions passées à des mois différents : ${joinFrench(d.months.map(monthYear))}`
            : "appel annuel, aucune édition passée datée",
        };
  return {
    month: Number.isNaN(d.ym) ? null : isoMonth(d.ym),
    monthIs: d.monthIs,
    basis: d.basis,
    headline,
    reasoning,
    text: `${headline} (prévision : ${reasoning} ; date non annoncée par le financeur)`,
  };
}

/** The prediction at `now` (ms; `nowMonth` its Paris month, when the caller has it), or null. */
export function predictFromEvidence(
  e: ReopeningEvidence,
  status: CalendarStatus,
  now: number,
  nowMonth: number = parisMonthOf(now),
): ReopeningPrediction | null {
  const d = decide(e, status, now, nowMonth);
  return d && worded(d);
}

/** The prediction for a programme at `now`, or null (the whole rule: see the top of this file). */
export function predictReopening(facts: ReopeningFacts, now: Date = new Date()): ReopeningPrediction | null {
  return predictFromEvidence(reopeningEvidence(facts), facts.status, now.getTime());
}

/** The instant the Paris month `ym` starts (for the index: predictions hold within a month). */
export const parisMonthStart = (ym: number): number => parisStartOfDay(`${isoMonth(ym)}-01`).getTime();
