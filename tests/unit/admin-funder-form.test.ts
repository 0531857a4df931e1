import { describe, expect, it } from "vitest";
import { funderInputSchema, funderInputFromSnapshot, type FunderSnapshot } from "@/lib/validation/admin-funder";
import { fieldErrors } from "@/lib/validation/admin-fields";
import { funderFormValues, funderFormValuesFromSnapshot, funderInputFromValues } from "@/lib/validation/admin-funder-form";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("the funder form's FormData conversion", () => {
  it("reads a minimal form: blanks become null, the slug is left to the title", () => {
    const values = funderFormValues(form([["name", "Fondation test"], ["type", "fondation-privee"], ["website", " "], ["territory", ""]]));
    const input = funderInputFromValues(values);
    expect(input).toEqual({
      name: "Fondation test", acronym: null, type: "fondation-privee", website: null, description: null, logoUrl: null,
      territory: null, lastVerifiedAt: null,
    });
    expect(funderInputSchema.safeParse(input).success).toBe(true);
  });

  it("refuses a javascript: logo and two territories with field messages", () => {
    const values = funderFormValues(
      form([["name", "Fondation test"], ["type", "fondation-privee"], ["logoUrl", "javascript:alert(1)"], ["territory", "region:53 region:11"]]),
    );
    const parsed = funderInputSchema.safeParse(funderInputFromValues(values));
    expect(Object.keys(fieldErrors(parsed.error!)).sort()).toEqual(["logoUrl", "territory"]);
  });

  it("round-trips a stored funder", () => {
    const snapshot: FunderSnapshot = {
      slug: "fondation-test", status: "published", name: "Fondation test", acronym: "FT", type: "fondation-privee",
      website: "https://example.org", description: "Une fondation.", logoUrl: null, territory: "region:53", lastVerifiedAt: "2026-02-01",
    };
    const values = funderFormValuesFromSnapshot(snapshot);
    expect(funderInputSchema.parse(funderInputFromValues(values))).toEqual(funderInputFromSnapshot(snapshot));
  });
});
