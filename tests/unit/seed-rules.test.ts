import { describe, expect, it } from "vitest";
import { isClosedBySources, lastKnownYear } from "../../lib/db/seed/catalogue";
import { seedProgramme } from "../fixtures/seed-programme";

describe("lastKnownYear", () => {
  it("is null when the sources give no year", () => {
    expect(lastKnownYear(null)).toBeNull();
    expect(lastKnownYear([])).toBeNull();
    expect(lastKnownYear(["sans date"])).toBeNull();
  });

  it("is the end of a range", () => {
    expect(lastKnownYear(["2021-2027"])).toBe(2027);
  });

  it("is the latest of several years or ranges, whatever their order", () => {
    expect(lastKnownYear(["2021", "2019"])).toBe(2021);
    expect(lastKnownYear(["2022", "2014-2020"])).toBe(2022);
  });

  it("is null for a range still open (« 2008- »), even beside closed years", () => {
    expect(lastKnownYear(["2008-"])).toBeNull();
    expect(lastKnownYear(["2020", "2008-"])).toBeNull();
  });
});

describe("isClosedBySources", () => {
  const now = new Date("2025-06-15T12:00:00Z");

  it("is true when the sources say the programme is closed, even a permanent one", () => {
    expect(isClosedBySources(seedProgramme({ sourceStatus: "clos" }), now)).toBe(true);
    expect(isClosedBySources(seedProgramme({ sourceStatus: "clos", recurrence: "permanent", years: ["2030"] }), now)).toBe(true);
  });

  it("is false for a permanent programme whose years are all past", () => {
    expect(isClosedBySources(seedProgramme({ recurrence: "permanent", years: ["2015-2018"] }), now)).toBe(false);
  });

  it("is true when the last year the sources mention is before this year", () => {
    expect(isClosedBySources(seedProgramme({ years: ["2021-2024"] }), now)).toBe(true);
    expect(isClosedBySources(seedProgramme({ recurrence: "annuel", years: ["2024"] }), now)).toBe(true);
  });

  it("is false during the last year the sources mention, and after it when the range is open", () => {
    expect(isClosedBySources(seedProgramme({ years: ["2021-2025"] }), now)).toBe(false);
    expect(isClosedBySources(seedProgramme({ years: ["2008-"] }), now)).toBe(false);
  });

  it("is false when nothing is known", () => {
    expect(isClosedBySources(seedProgramme(), now)).toBe(false);
    expect(isClosedBySources(seedProgramme({ sourceStatus: "recurrent" }), now)).toBe(false);
  });
});
