import { describe, expect, it } from "vitest";
import { calendarStatus } from "../../lib/programmes/calendar-status";
import {
  mayReopen,
  parisMonthOf,
  parisMonthStart,
  predictReopening,
  type ReopeningFacts,
  reopeningEvidence,
} from "../../lib/programmes/reopening";

const now = new Date("2026-12-06T10:00:00Z");
const d = (iso: string) => new Date(iso);

type Round = ReopeningFacts["rounds"][number];
/** A programme's facts; its calendar status computed by the app's rule (isClosed, dates) unless given. */
function facts(over: Partial<ReopeningFacts> & { isClosed?: boolean } = {}, at = now): ReopeningFacts {
  const { isClosed = false, ...rest } = over;
  const base = { recurrence: null, opensAt: null, closesAt: null, rounds: [] as Round[], ...rest };
  return { status: over.status ?? calendarStatus({ ...base, isClosed }, at), ...base };
}
/** One round a year, opening and closing on these days of these months. */
const yearly = (years: number[], opens: string | null, closes: string | null): Round[] =>
  years.map((y) => ({
    label: `Édition ${y}`,
    opensAt: opens ? d(`${y}-${opens}T08:00:00Z`) : null,
    closesAt: closes ? d(`${y}-${closes}T21:59:59Z`) : null,
  }));

const marchSince2021 = () => yearly([2021, 2022, 2023, 2024, 2025, 2026], "03-10", "05-15");

describe("predictReopening: a yearly rhythm in dated rounds", () => {
  it("predicts March 2027 for a call opened every March since 2021, worded as a prediction", () => {
    const p = predictReopening(facts({ rounds: marchSince2021(), closesAt: d("2026-05-15T21:59:59Z") }), now);
    expect(p).toEqual({
      month: "2027-03",
      monthIs: "opening",
      basis: "rhythm",
      headline: "Reprise attendue vers mars 2027",
      reasoning: "ouvert chaque année en mars depuis 2021",
      text: "Reprise attendue vers mars 2027 (prévision : ouvert chaque année en mars depuis 2021 ; date non annoncée par le financeur)",
    });
  });

  it("reads the rhythm from the closings when no opening is dated, and says the call reopens before", () => {
    const p = predictReopening(facts({ rounds: yearly([2022, 2023, 2024, 2025, 2026], null, "06-30"), isClosed: true }), now);
    expect(p).toMatchObject({ month: "2027-06", monthIs: "closing", headline: "Reprise attendue avant juin 2027", reasoning: "clos chaque année en juin depuis 2022" });
  });

  it("tolerates a month of drift, and names the months", () => {
    const rounds = [...yearly([2023, 2025], "03-02", null), ...yearly([2024, 2026], "04-01", null)];
    const p = predictReopening(facts({ rounds, isClosed: true }), now);
    expect(p).toMatchObject({ month: "2027-04", reasoning: "ouvert chaque année entre mars et avril depuis 2023" });
  });

  it("finds no rhythm in scattered months, unless the call is marked yearly (then no month is given)", () => {
    const rounds = [
      { label: "2023", opensAt: d("2023-03-01T08:00:00Z"), closesAt: null },
      { label: "2024", opensAt: d("2024-07-01T08:00:00Z"), closesAt: null },
      { label: "2025", opensAt: d("2025-11-03T08:00:00Z"), closesAt: null },
    ];
    expect(predictReopening(facts({ rounds, isClosed: true }), now)).toBeNull();
    const p = predictReopening(facts({ rounds, isClosed: true, recurrence: "annuel" }), now);
    expect(p).toMatchObject({ month: null, basis: "recurrence", headline: "Reprise annuelle attendue, mois inconnu" });
    expect(p?.reasoning).toBe("appel annuel, éditions passées à des mois différents : mars 2023, juillet 2024 et novembre 2025");
  });

  it("does not take two sessions in one year for a yearly rhythm", () => {
    const rounds = [...yearly([2025, 2026], "02-01", null), ...yearly([2025, 2026], "09-01", null)];
    expect(predictReopening(facts({ rounds, isClosed: true }), now)).toBeNull();
  });

  it("wraps around the year: December and January are one month apart", () => {
    const rounds = [
      { label: "a", opensAt: d("2022-12-05T08:00:00Z"), closesAt: null },
      { label: "b", opensAt: d("2024-01-08T08:00:00Z"), closesAt: null },
      { label: "c", opensAt: d("2025-01-06T08:00:00Z"), closesAt: null },
      { label: "d", opensAt: d("2026-01-12T08:00:00Z"), closesAt: null },
    ];
    const p = predictReopening(facts({ rounds, isClosed: true }), now);
    expect(p).toMatchObject({ month: "2027-01", headline: "Reprise attendue vers janvier 2027", reasoning: "ouvert chaque année entre décembre et janvier depuis 2022" });
    // The last edition in December: as many Decembers as Januaries, the latest month wins: this month.
    const lastInDecember = [...rounds.slice(0, 3), { label: "d", opensAt: d("2025-12-15T08:00:00Z"), closesAt: null }];
    expect(predictReopening(facts({ rounds: lastInDecember, isClosed: true }), now)?.headline).toBe("Reprise attendue vers décembre 2026");
  });

  it("says « de … à … » when the last editions are missing, and lists the years when one is skipped", () => {
    const until2024 = predictReopening(facts({ rounds: yearly([2021, 2022, 2023, 2024], "03-10", "05-15"), isClosed: true }), now);
    expect(until2024).toMatchObject({ month: "2027-03", reasoning: "ouvert chaque année en mars de 2021 à 2024" });
    const skipped = predictReopening(facts({ rounds: yearly([2022, 2023, 2025, 2026], "03-10", "05-15"), isClosed: true }), now);
    expect(skipped).toMatchObject({ month: "2027-03", reasoning: "ouvert en mars : 2022, 2023, 2025 et 2026" });
  });

  it("moves with the time: this month while it is not over, next year once it is", () => {
    const closed = { rounds: marchSince2021(), isClosed: true };
    expect(predictReopening(facts(closed, d("2027-03-20T10:00:00Z")), d("2027-03-20T10:00:00Z"))?.month).toBe("2027-03");
    expect(predictReopening(facts(closed, d("2027-04-02T10:00:00Z")), d("2027-04-02T10:00:00Z"))?.month).toBe("2028-03");
  });
});

describe("predictReopening: a yearly call with one dated edition, or none", () => {
  it("predicts the same month, with a weaker wording, from a single opening", () => {
    const p = predictReopening(facts({ recurrence: "annuel", opensAt: d("2026-02-02T08:00:00Z"), closesAt: d("2026-04-30T21:59:59Z") }), now);
    expect(p).toMatchObject({ month: "2027-02", basis: "single", headline: "Reprise possible vers février 2027" });
    expect(p?.reasoning).toBe("appel annuel, une seule édition datée : ouverture en février 2026");
  });

  it("from a single closing, the next such month after the current one", () => {
    const p = predictReopening(facts({ recurrence: "annuel", closesAt: d("2024-10-15T21:59:59Z") }), now);
    expect(p).toMatchObject({ month: "2027-10", monthIs: "closing", headline: "Reprise possible avant octobre 2027" });
  });

  it("predicts nothing from a single edition of a call not marked yearly", () => {
    expect(predictReopening(facts({ closesAt: d("2026-04-30T21:59:59Z") }), now)).toBeNull();
    expect(predictReopening(facts({ rounds: yearly([2026], "02-02", "04-30"), isClosed: true }), now)).toBeNull();
  });

  it("gives no month for a closed yearly call without any date: it never invents one", () => {
    const p = predictReopening(facts({ recurrence: "annuel", isClosed: true }), now);
    expect(p).toMatchObject({ month: null, monthIs: null, basis: "recurrence", reasoning: "appel annuel, aucune édition passée datée" });
    expect(p?.text).toBe("Reprise annuelle attendue, mois inconnu (prévision : appel annuel, aucune édition passée datée ; date non annoncée par le financeur)");
  });
});

describe("predictReopening: when nothing is predicted", () => {
  it("not for an open call, nor one closing soon, nor an upcoming one", () => {
    const rounds = marchSince2021();
    expect(predictReopening(facts({ rounds, recurrence: "annuel", closesAt: d("2027-06-30T21:59:59Z") }), now)).toBeNull();
    expect(predictReopening(facts({ rounds, recurrence: "annuel", closesAt: d("2026-12-20T22:59:59Z") }), now)).toBeNull();
    expect(predictReopening(facts({ rounds, recurrence: "annuel", opensAt: d("2027-01-10T08:00:00Z") }), now)).toBeNull();
  });

  it("not for a permanent scheme, nor a call marked one-off, whatever its dates", () => {
    expect(predictReopening(facts({ rounds: marchSince2021(), recurrence: "permanent", isClosed: true }), now)).toBeNull();
    expect(predictReopening(facts({ rounds: marchSince2021(), recurrence: "ponctuel", isClosed: true }), now)).toBeNull();
    expect(mayReopen(reopeningEvidence({ recurrence: "permanent", opensAt: null, closesAt: null, rounds: marchSince2021() }))).toBe(false);
  });

  it("not on stale evidence: the last edition more than three years ago", () => {
    expect(predictReopening(facts({ rounds: yearly([2020, 2021, 2022, 2023], "03-10", "05-15"), isClosed: true }), now)).toBeNull();
    expect(predictReopening(facts({ recurrence: "annuel", closesAt: d("2023-09-15T21:59:59Z") }), now)).toBeNull();
    // Three years exactly is still evidence.
    expect(predictReopening(facts({ rounds: yearly([2022, 2023], "12-01", "12-20"), isClosed: true }), now)?.month).toBe("2026-12");
  });

  it("not when a session is already dated after now: the funder announced it", () => {
    const rounds = [...marchSince2021(), { label: "Édition 2027", opensAt: null, closesAt: d("2027-05-15T21:59:59Z") }];
    expect(predictReopening(facts({ rounds, isClosed: true }), now)).toBeNull();
  });
});

describe("Paris months", () => {
  it("agree with the time-zone database on thousands of instants, near every month's end too", () => {
    const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" });
    const expected = (at: number) => {
      const [year, month] = intl.format(at).split("-").map(Number) as [number, number];
      return year * 12 + month - 1;
    };
    const instants: number[] = [];
    for (let year = 1996; year <= 2040; year++) {
      for (let month = 0; month < 12; month++) {
        const start = Date.UTC(year, month, 1);
        // Around midnight UTC on the 1st: Paris is already in the new month an hour or two before.
        for (const minutes of [-150, -121, -120, -119, -61, -60, -59, -1, 0, 1]) instants.push(start + minutes * 60_000);
        instants.push(Date.UTC(year, month, 15, 12));
      }
      // Around the clock changes (last Sundays of March and October, 01:00 UTC).
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        for (const minutes of [-61, -1, 0, 1, 61]) instants.push(change + minutes * 60_000);
      }
    }
    const wrong = instants.filter((at) => parisMonthOf(at) !== expected(at)).map((at) => new Date(at).toISOString());
    expect(wrong).toEqual([]);
    expect(instants.length).toBeGreaterThan(5000);
  });

  it("counts a closing at 23:59 in Paris in its Paris month", () => {
    expect(parisMonthOf(d("2025-05-31T22:30:00Z"))).toBe(2025 * 12 + 5); // 1 June, 00:30 in Paris
    expect(parisMonthOf(d("2025-05-31T21:30:00Z"))).toBe(2025 * 12 + 4);
  });
  it("starts a month at midnight in Paris", () => {
    expect(new Date(parisMonthStart(2027 * 12 + 2)).toISOString()).toBe("2027-02-28T23:00:00.000Z");
    expect(new Date(parisMonthStart(2027 * 12 + 5)).toISOString()).toBe("2027-05-31T22:00:00.000Z");
  });
});
