import { describe, expect, it } from "vitest";
import { filterQuery, parseFundingMapFilters } from "../../lib/funding-map/filters";

describe("parseFundingMapFilters", () => {
  it("reads the territory, repeated beneficiaries and statuses and the place typed", () => {
    const { filters, ignored } = parseFundingMapFilters({ territory: "commune:29019", beneficiary: ["association", "commune"], status: "open", lieu: "  Brest " });
    expect(filters).toEqual({ territory: "commune:29019", lieu: "Brest", beneficiary: ["association", "commune"], status: ["open"] });
    expect(ignored).toEqual([]);
    expect(filterQuery(filters)).toBe("territory=commune%3A29019&beneficiary=association&beneficiary=commune&status=open");
  });

  it("ignores a wrong filter with its French message and keeps the others", () => {
    const { filters, ignored } = parseFundingMapFilters({ territory: "paris", beneficiary: "martiens", status: "closed" });
    expect(filters).toEqual({ territory: undefined, lieu: undefined, beneficiary: [], status: ["closed"] });
    expect(ignored).toHaveLength(2);
    expect(ignored[0]).toMatch(/Territoire \(territory\) invalide/);
    expect(ignored[1]).toMatch(/Valeur inconnue pour beneficiary : « martiens »/);
  });

  it("gives an empty query without filters", () => {
    expect(filterQuery(parseFundingMapFilters({}).filters)).toBe("");
  });
});
