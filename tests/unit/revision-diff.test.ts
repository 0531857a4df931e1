import { describe, expect, it } from "vitest";
import { diffSnapshots, formatDay, inSnapshotOrder, referencedNames } from "../../lib/revisions/diff";
import { programmeInputSchema, type ProgrammeSnapshot } from "../../lib/validation/admin-programme";

const snapshot = (overrides: Partial<ProgrammeSnapshot> = {}): ProgrammeSnapshot => ({
  ...programmeInputSchema.parse({
    title: "Appel à projets",
    summary: "Un résumé du programme.",
    description: "Une description du programme.",
    funder: "anct",
    aidKinds: ["subvention"],
    isNational: true,
  }),
  slug: "appel-a-projets",
  status: "draft",
  ...overrides,
});

describe("diffSnapshots", () => {
  it("returns nothing for two equal snapshots", () => {
    expect(diffSnapshots(snapshot(), snapshot())).toEqual([]);
  });

  it("reads a changed text with its French label", () => {
    expect(diffSnapshots(snapshot(), snapshot({ title: "Nouveau titre" }))).toEqual([
      { field: "title", label: "Titre", kind: "changed", before: "Appel à projets", after: "Nouveau titre" },
    ]);
  });

  it("gives list items added and removed, codes as their labels", () => {
    const [change] = diffSnapshots(snapshot({ aidKinds: ["subvention", "pret"] }), snapshot({ aidKinds: ["subvention", "appel-a-projets"] }));
    expect(change).toEqual({
      field: "aidKinds", label: "Nature de l'aide", kind: "changed",
      before: ["Subvention", "Prêt"], after: ["Subvention", "Appel à projets"],
      added: ["Appel à projets"], removed: ["Prêt"],
    });
  });

  it("calls a list that starts « added » and one that empties « removed »", () => {
    const changes = diffSnapshots(snapshot({ eligibility: [], financed: ["equipement"] }), snapshot({ eligibility: ["Être une association"], financed: [] }));
    expect(changes.map((c) => [c.field, c.kind, c.added, c.removed])).toEqual([
      ["financed", "removed", [], ["Équipement"]],
      ["eligibility", "added", ["Être une association"], []],
    ]);
  });

  it("notices a reordering of a list without items added or removed", () => {
    const [change] = diffSnapshots(snapshot({ eligibility: ["A", "B"] }), snapshot({ eligibility: ["B", "A"] }));
    expect(change).toMatchObject({ field: "eligibility", kind: "changed", added: [], removed: [], after: ["B", "A"] });
  });

  it("writes days, amounts, rates, booleans and statuses in French", () => {
    const changes = diffSnapshots(
      snapshot({ closesAt: "2026-03-31", amountMax: null, fundingRateMax: 80, isClosed: false, status: "in_review" }),
      snapshot({ closesAt: "2026-09-15", amountMax: 15000.5, fundingRateMax: 62.5, isClosed: true, status: "published" }),
    );
    const read = Object.fromEntries(changes.map((c) => [c.field, [c.kind, c.before, c.after]]));
    expect(read.status).toEqual(["changed", "En relecture", "Publié"]);
    expect(read.closesAt).toEqual(["changed", "31 mars 2026", "15 septembre 2026"]);
    expect(read.amountMax?.[0]).toBe("added");
    expect(String(read.amountMax?.[2]).replace(/\s/g, " ")).toBe("15 000,50 €");
    expect(read.fundingRateMax).toEqual(["changed", "80 %", "62,5 %"]);
    expect(read.isClosed).toEqual(["changed", "Non", "Oui"]);
  });

  it("names funders and territories when their names are given, and falls back to the slug or id", () => {
    const changes = diffSnapshots(
      snapshot({ isNational: true, territories: [], funder: "anct" }),
      snapshot({ isNational: false, territories: ["commune:29019", "region:53"], funder: "banque-des-territoires" }),
      { names: { funders: { anct: "ANCT" }, territories: { "commune:29019": "Brest" } } },
    );
    const read = Object.fromEntries(changes.map((c) => [c.field, c]));
    expect(read.funder).toMatchObject({ before: "ANCT", after: "banque-des-territoires" });
    expect(read.territories).toMatchObject({ kind: "added", added: ["Brest (commune)", "region:53"] });
    expect(read.isNational).toMatchObject({ before: "Oui", after: "Non" });
  });

  it("reads rounds and sources as sentences", () => {
    const [rounds, sources] = diffSnapshots(
      snapshot(),
      snapshot({
        rounds: [{ label: "Vague 1", opensAt: "2026-01-05", closesAt: "2026-03-31" }, { label: "Vague 2", opensAt: null, closesAt: "2026-06-30" }],
        sources: [{ url: "https://example.org/a", title: "L'appel", retrievedAt: "2026-01-02" }],
      }),
    );
    expect(rounds?.added).toEqual(["Vague 1 (du 5 janvier 2026 au 31 mars 2026)", "Vague 2 (jusqu'au 30 juin 2026)"]);
    expect(sources?.added).toEqual(["L'appel — https://example.org/a (consultée le 2 janvier 2026)"]);
  });

  it("lists every filled field of a creation as added, in the snapshot's order", () => {
    const changes = diffSnapshots(null, snapshot());
    expect(changes.every((c) => c.kind === "added")).toBe(true);
    expect(changes.map((c) => c.field).slice(0, 5)).toEqual(["slug", "status", "title", "summary", "description"]);
    expect(changes.find((c) => c.field === "amountMax")).toBeUndefined();
  });

  it("reads funder snapshots with the funders' labels", () => {
    const base = { slug: "f", status: "draft", name: "Fondation", acronym: null, type: "fondation-privee", website: null, description: null, logoUrl: null, territory: null, lastVerifiedAt: null };
    expect(diffSnapshots(base, { ...base, type: "entreprise", territory: "region:53" }, { names: { territories: { "region:53": "Bretagne" } } })).toEqual([
      { field: "type", label: "Type de financeur", kind: "changed", before: "Fondation", after: "Entreprise" },
      { field: "territory", label: "Territoire", kind: "added", before: null, after: "Bretagne (région)" },
    ]);
  });
});

describe("helpers", () => {
  it("formats a calendar day without shifting it", () => {
    expect(formatDay("2026-01-01")).toBe("1 janvier 2026");
    expect(formatDay(null)).toBeNull();
  });

  it("lists the funders and territories a snapshot names", () => {
    expect(referencedNames(snapshot({ coFunders: ["b"], territories: ["commune:29019"] }))).toEqual({ funders: ["anct", "b"], territories: ["commune:29019"] });
  });

  it("puts a snapshot read from jsonb back in the label order", () => {
    const shuffled = { title: "t", slug: "s", zzz: 1, status: "draft" };
    expect(Object.keys(inSnapshotOrder(shuffled, "programme")!)).toEqual(["slug", "status", "title", "zzz"]);
  });
});
