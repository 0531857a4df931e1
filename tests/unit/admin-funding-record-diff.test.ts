import { describe, expect, it } from "vitest";
import { diffSnapshots, inSnapshotOrder, referencedNames, referencedProgrammes, snapshotEntityType } from "@/lib/revisions/diff";

/** The history's field-by-field differences for the two observatory entities (lib/revisions/diff.ts). */

const record = {
  slug: "pass-aveyron", status: "draft", label: "Pass numérique en Aveyron", kind: "committed", yearStart: 2020, yearEnd: 2022,
  amount: 300_000, amountLow: null, amountHigh: null, note: null, programme: "pass-numerique-2019", funder: null,
  funderLabel: "Conseil départemental de l'Aveyron", funderType: "departement", territory: "departement:12", territoryLabel: null,
  partOf: null, overlapsOthers: false, sourceUrls: ["https://aveyron.fr/a"], retrievedAt: null,
};
const study = {
  slug: "aveyron", status: "published", title: "Aveyron", summary: "Résumé", body: "Récit", territory: "departement:12",
  programmes: ["pass-numerique-2019"], funders: ["anct"], sourceUrls: ["https://aveyron.fr/a"],
};

describe("differences of funding records and case studies", () => {
  it("recognises each kind of snapshot", () => {
    expect(snapshotEntityType(record)).toBe("funding-record");
    expect(snapshotEntityType(study)).toBe("case-study");
  });

  it("reads a funding record's changes in French: kinds, euros, ranges, yes/no, programme titles", () => {
    const after = { ...record, kind: "planned", amount: null, amountLow: 280_000, amountHigh: 320_000, overlapsOthers: true, sourceUrls: ["https://aveyron.fr/a", "https://aveyron.fr/b"] };
    const changes = diffSnapshots(record, after, { entityType: "funding-record", names: { programmes: { "pass-numerique-2019": "Pass numérique 2019" } } });
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["Nature du montant", "Engagé", "Prévu (loi de finances, budget)"],
      ["Montant", expect.stringMatching(/^300\s000,00\s€$/), null],
      ["Fourchette : montant le plus bas", null, expect.stringMatching(/^280\s000,00\s€$/)],
      ["Fourchette : montant le plus haut", null, expect.stringMatching(/^320\s000,00\s€$/)],
      ["Recoupe d'autres montants", "Non", "Oui"],
      ["Sources", ["https://aveyron.fr/a"], ["https://aveyron.fr/a", "https://aveyron.fr/b"]],
    ]);
    expect(diffSnapshots(null, record, { entityType: "funding-record", names: { programmes: { "pass-numerique-2019": "Pass numérique 2019" } } }).find((c) => c.field === "programme")?.after).toBe(
      "Pass numérique 2019",
    );
  });

  it("reads a case study's links as the programmes and funders added and removed, by name", () => {
    const after = { ...study, programmes: [], funders: ["anct", "region-occitanie"] };
    const changes = diffSnapshots(study, after, { entityType: "case-study", names: { funders: { anct: "ANCT", "region-occitanie": "Région Occitanie" } } });
    expect(changes).toEqual([
      expect.objectContaining({ label: "Programmes de l'annuaire", kind: "removed", removed: ["pass-numerique-2019"] }),
      expect.objectContaining({ label: "Financeurs de l'annuaire", kind: "changed", added: ["Région Occitanie"], removed: [] }),
    ]);
    expect(referencedNames(after)).toEqual({ funders: ["anct", "region-occitanie"], territories: ["departement:12"] });
    expect(referencedProgrammes(study)).toEqual(["pass-numerique-2019"]);
    expect(referencedProgrammes(record)).toEqual(["pass-numerique-2019"]);
  });

  it("puts a snapshot read back from jsonb in the form's order again", () => {
    const shuffled = Object.fromEntries(Object.entries(record).reverse());
    expect(Object.keys(inSnapshotOrder(shuffled, "funding-record")!)).toEqual(Object.keys(record));
  });
});
