import { describe, expect, it } from "vitest";
import {
  CALENDAR_STATUSES,
  CLOSING_SOON_DAYS,
  type CalendarFacts,
  calendarStatus,
  calendarStatusLabels,
  isAcceptingApplications,
} from "../../lib/programmes/calendar-status";

const now = new Date("2025-06-15T12:00:00Z");
const ms = (offset: number) => new Date(now.getTime() + offset);
const DAY = 86_400_000;
const facts = (over: Partial<CalendarFacts> = {}): CalendarFacts => ({
  opensAt: null, closesAt: null, isClosed: false, recurrence: null, ...over,
});

describe("calendarStatus", () => {
  it("is open when nothing is known of the calendar", () => {
    expect(calendarStatus(facts(), now)).toBe("open");
  });

  it("is closed when a curator or the sources declared it closed, whatever the dates say", () => {
    expect(calendarStatus(facts({ isClosed: true }), now)).toBe("closed");
    expect(calendarStatus(facts({ isClosed: true, recurrence: "permanent" }), now)).toBe("closed");
    expect(calendarStatus(facts({ isClosed: true, opensAt: ms(DAY), closesAt: ms(90 * DAY) }), now)).toBe("closed");
  });

  it("is closed one millisecond after the closing instant, and not yet at that instant", () => {
    expect(calendarStatus(facts({ closesAt: ms(-1) }), now)).toBe("closed");
    expect(calendarStatus(facts({ closesAt: now }), now)).toBe("closing-soon");
  });

  it("is closed when the closing date has passed, even for a permanent programme", () => {
    expect(calendarStatus(facts({ closesAt: ms(-DAY), recurrence: "permanent" }), now)).toBe("closed");
  });

  it("is upcoming until the opening instant, and no longer at that instant", () => {
    expect(calendarStatus(facts({ opensAt: ms(1) }), now)).toBe("upcoming");
    expect(calendarStatus(facts({ opensAt: ms(1), closesAt: ms(5 * DAY) }), now)).toBe("upcoming");
    expect(calendarStatus(facts({ opensAt: ms(1), recurrence: "permanent" }), now)).toBe("upcoming");
    expect(calendarStatus(facts({ opensAt: now }), now)).toBe("open");
  });

  it("is permanent for a permanent programme with no closing date, opened or not dated", () => {
    expect(calendarStatus(facts({ recurrence: "permanent" }), now)).toBe("permanent");
    expect(calendarStatus(facts({ recurrence: "permanent", opensAt: ms(-DAY) }), now)).toBe("permanent");
  });

  it("follows the closing date of a permanent programme that has one", () => {
    expect(calendarStatus(facts({ recurrence: "permanent", closesAt: ms(10 * DAY) }), now)).toBe("closing-soon");
    expect(calendarStatus(facts({ recurrence: "permanent", closesAt: ms(60 * DAY) }), now)).toBe("open");
  });

  it(`is closing soon up to exactly ${CLOSING_SOON_DAYS} days before the closing instant, and open one millisecond earlier`, () => {
    expect(calendarStatus(facts({ closesAt: ms(CLOSING_SOON_DAYS * DAY) }), now)).toBe("closing-soon");
    expect(calendarStatus(facts({ closesAt: ms(CLOSING_SOON_DAYS * DAY + 1) }), now)).toBe("open");
  });

  it("is open or closing soon for yearly and one-off calls alike", () => {
    for (const recurrence of ["annuel", "ponctuel"] as const) {
      expect(calendarStatus(facts({ recurrence, opensAt: ms(-DAY), closesAt: ms(2 * DAY) }), now)).toBe("closing-soon");
      expect(calendarStatus(facts({ recurrence, opensAt: ms(-DAY) }), now)).toBe("open");
    }
  });

  it("uses the current time when none is given", () => {
    expect(calendarStatus(facts({ closesAt: new Date(Date.now() - 1000) }))).toBe("closed");
    expect(calendarStatus(facts({ opensAt: new Date(Date.now() + 60_000) }))).toBe("upcoming");
  });
});

describe("isAcceptingApplications", () => {
  it("is true for open, closing-soon and permanent programmes only", () => {
    const accepting = CALENDAR_STATUSES.filter(isAcceptingApplications);
    expect(accepting).toEqual(["open", "closing-soon", "permanent"]);
  });
});

describe("calendarStatusLabels", () => {
  it("names every status in French", () => {
    expect(Object.keys(calendarStatusLabels).sort()).toEqual([...CALENDAR_STATUSES].sort());
    expect(calendarStatusLabels).toMatchObject({ open: "Ouvert", closed: "Clos", upcoming: "À venir" });
  });
});
