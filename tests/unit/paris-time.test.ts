import { describe, expect, it } from "vitest";
import { formatParisDate, parisEndOfDay, parisStartOfDay, toParisIsoDate } from "../../lib/paris-time";

describe("parisEndOfDay", () => {
  it("closes a July day at 23:59:59.999 summer time (+02:00)", () => {
    expect(parisEndOfDay("2025-07-14").toISOString()).toBe("2025-07-14T21:59:59.999Z");
    expect(parisEndOfDay("2025-07-14").getTime()).toBe(new Date("2025-07-14T23:59:59.999+02:00").getTime());
  });

  it("closes a January day at 23:59:59.999 winter time (+01:00)", () => {
    expect(parisEndOfDay("2025-01-15").getTime()).toBe(new Date("2025-01-15T23:59:59.999+01:00").getTime());
  });

  it("closes the days the clocks change at the right hour", () => {
    expect(parisEndOfDay("2025-03-30").getTime()).toBe(new Date("2025-03-30T23:59:59.999+02:00").getTime());
    expect(parisEndOfDay("2025-10-26").getTime()).toBe(new Date("2025-10-26T23:59:59.999+01:00").getTime());
  });

  it("is still the same day in Paris, one millisecond before the next one starts", () => {
    for (const day of ["2024-02-29", "2025-03-29", "2025-03-30", "2025-07-14", "2025-10-26", "2025-12-31"]) {
      const end = parisEndOfDay(day);
      expect(toParisIsoDate(end)).toBe(day);
      expect(toParisIsoDate(new Date(end.getTime() + 1))).not.toBe(day);
    }
  });
});

describe("parisStartOfDay", () => {
  it("opens a July day at midnight summer time and a January day at midnight winter time", () => {
    expect(parisStartOfDay("2025-07-14").toISOString()).toBe("2025-07-13T22:00:00.000Z");
    expect(parisStartOfDay("2025-01-15").toISOString()).toBe("2025-01-14T23:00:00.000Z");
  });

  it("opens the days the clocks change at midnight, Paris time", () => {
    expect(parisStartOfDay("2025-03-30").getTime()).toBe(new Date("2025-03-30T00:00:00+01:00").getTime());
    expect(parisStartOfDay("2025-10-26").getTime()).toBe(new Date("2025-10-26T00:00:00+02:00").getTime());
  });
});

describe("formatting", () => {
  it("writes a day the French way", () => {
    expect(formatParisDate(new Date("2023-09-15T10:00:00Z"))).toBe("15 septembre 2023");
  });

  it("formats the instant in Paris, not in UTC", () => {
    // 23:30 UTC on 14 July is already 15 July in Paris.
    expect(formatParisDate(new Date("2025-07-14T23:30:00Z"))).toBe("15 juillet 2025");
    expect(toParisIsoDate(new Date("2025-07-14T23:30:00Z"))).toBe("2025-07-15");
  });
});
