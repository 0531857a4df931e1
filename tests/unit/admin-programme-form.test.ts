import { describe, expect, it } from "vitest";
import { programmeInputSchema, programmeInputFromSnapshot, type ProgrammeSnapshot } from "@/lib/validation/admin-programme";
import { fieldErrors } from "@/lib/validation/admin-fields";
import {
  programmeFieldLabel,
  programmeFormValues,
  programmeFormValuesFromSnapshot,
  programmeInputFromValues,
} from "@/lib/validation/admin-programme-form";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

const minimal: [string, string][] = [
  ["title", "Appel à projets test"],
  ["summary", "Un résumé de plus de dix caractères."],
  ["description", "Une description de plus de dix caractères."],
  ["funder", "anct"],
  ["aidKinds", "subvention"],
  ["isNational", "on"],
];

const snapshot: ProgrammeSnapshot = {
  slug: "aap-test",
  status: "draft",
  title: "Appel à projets test",
  summary: "Un résumé de plus de dix caractères.",
  description: "Une description de plus de dix caractères.",
  funder: "anct",
  coFunders: ["banque-des-territoires"],
  funderNote: null,
  aidKinds: ["subvention", "appel-a-projets"],
  financed: ["equipement"],
  beneficiaries: ["association", "commune"],
  eligibility: ["Être une association", "Avoir un lieu ouvert au public"],
  isNational: false,
  territories: ["region:53", "commune:29019"],
  coverageNote: "Bretagne",
  amountTotal: 1_500_000,
  amountMin: 5000,
  amountMax: 25_000.5,
  fundingRateMax: 80,
  currency: "EUR",
  amountNote: null,
  opensAt: "2026-01-15",
  closesAt: "2026-03-31",
  recurrence: "annuel",
  isClosed: false,
  rounds: [{ label: "Session 1", opensAt: "2026-01-15", closesAt: "2026-02-15" }],
  calendarNote: null,
  applicationUrl: "https://example.org/candidater",
  contact: "contact@example.org",
  confidence: "high",
  sources: [{ url: "https://example.org/aap", title: "Page de l'appel", retrievedAt: "2026-01-10" }],
  lastVerifiedAt: "2026-01-10",
  verificationNote: "Règlement relu",
};

describe("the programme form's FormData conversion", () => {
  it("reads a minimal form into an input the schema accepts", () => {
    const values = programmeFormValues(form(minimal));
    const parsed = programmeInputSchema.safeParse(programmeInputFromValues(values));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ title: "Appel à projets test", isNational: true, territories: [], amountMax: null, currency: "EUR" });
    expect(parsed.data).not.toHaveProperty("slug");
  });

  it("reads amounts typed the French way, and keeps an unreadable amount for the schema to refuse", () => {
    const values = programmeFormValues(
      form([...minimal, ["amountTotal", "1 500 000 €"], ["amountMin", "12,5"], ["fundingRateMax", "80 %"], ["amountMax", "beaucoup"]]),
    );
    const input = programmeInputFromValues(values);
    expect(input).toMatchObject({ amountTotal: 1_500_000, amountMin: 12.5, fundingRateMax: 80, amountMax: "beaucoup" });
    const parsed = programmeInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!)).toEqual({ amountMax: "Montant maximal : un montant en euros est attendu." });
  });

  it("orders list rows by their position fields, drops blank rows, and the error paths follow that order", () => {
    const values = programmeFormValues(
      form([
        ...minimal,
        ["eligibility.0", "Troisième"], ["position.eligibility.0", "3"],
        ["eligibility.1", "Premier"], ["position.eligibility.1", "1"],
        ["eligibility.2", "   "], ["position.eligibility.2", "2"],
        ["eligibility.7", "Deuxième"], ["position.eligibility.7", "2"],
        ["sources.0.url", ""], ["sources.0.title", ""], ["sources.0.retrievedAt", ""],
        ["sources.1.url", "https://example.org/a"], ["sources.1.title", "A"], ["sources.1.retrievedAt", "2026-01-01"],
        ["sources.2.url", "ftp://example.org/b"], ["sources.2.title", ""], ["sources.2.retrievedAt", ""],
      ]),
    );
    expect(values.eligibility).toEqual(["Premier", "Deuxième", "Troisième"]);
    expect(values.sources).toEqual([
      { url: "https://example.org/a", title: "A", retrievedAt: "2026-01-01" },
      { url: "ftp://example.org/b", title: "", retrievedAt: "" },
    ]);
    const parsed = programmeInputSchema.safeParse(programmeInputFromValues(values));
    const errors = fieldErrors(parsed.error!);
    expect(Object.keys(errors)).toEqual(["sources.1.url"]);
    expect(programmeFieldLabel("sources.1.url")).toBe("Source 2 : adresse");
  });

  it("reads territories typed in one field without JavaScript, or sent one per hidden input", () => {
    expect(programmeFormValues(form([["territories", "region:53, commune:29019  departement:29"]])).territories).toEqual([
      "region:53", "commune:29019", "departement:29",
    ]);
    expect(programmeFormValues(form([["territories", "region:53"], ["territories", "region:53"], ["territories", "epci:200067072"]])).territories).toEqual([
      "region:53", "epci:200067072",
    ]);
  });

  it("reads co-funders from their rows and the checkboxes as lists of codes", () => {
    const values = programmeFormValues(
      form([["coFunders.0", "banque-des-territoires"], ["coFunders.1", ""], ["coFunders.2", "anct"], ["financed", "equipement"], ["financed", "formation-aidants"]]),
    );
    expect(values.coFunders).toEqual(["banque-des-territoires", "anct"]);
    expect(values.financed).toEqual(["equipement", "formation-aidants"]);
    expect(values.isNational).toBe(false);
    expect(values.isClosed).toBe(false);
  });

  it("round-trips a stored programme: snapshot → form values → input is the snapshot's input", () => {
    const values = programmeFormValuesFromSnapshot(snapshot);
    expect(values.amountMax).toBe("25000,5");
    const parsed = programmeInputSchema.parse(programmeInputFromValues(values));
    expect(parsed).toEqual(programmeInputFromSnapshot(snapshot));
  });

  it("round-trips the same programme through a submitted FormData", () => {
    const v = programmeFormValuesFromSnapshot(snapshot);
    const entries: [string, string][] = [
      ["slug", v.slug], ["title", v.title], ["summary", v.summary], ["description", v.description], ["funder", v.funder],
      ...v.coFunders.map((c, i) => [`coFunders.${i}`, c] as [string, string]),
      ...v.aidKinds.map((c) => ["aidKinds", c] as [string, string]),
      ...v.financed.map((c) => ["financed", c] as [string, string]),
      ...v.beneficiaries.map((c) => ["beneficiaries", c] as [string, string]),
      ...v.eligibility.map((c, i) => [`eligibility.${i}`, c] as [string, string]),
      ["territories", v.territories.join(" ")], ["coverageNote", v.coverageNote],
      ["amountTotal", v.amountTotal], ["amountMin", v.amountMin], ["amountMax", v.amountMax], ["fundingRateMax", v.fundingRateMax],
      ["currency", "eur"], ["opensAt", v.opensAt], ["closesAt", v.closesAt], ["recurrence", v.recurrence],
      ["rounds.0.label", "Session 1"], ["rounds.0.opensAt", "2026-01-15"], ["rounds.0.closesAt", "2026-02-15"],
      ["applicationUrl", v.applicationUrl], ["contact", v.contact], ["confidence", v.confidence],
      ["sources.0.url", "https://example.org/aap"], ["sources.0.title", "Page de l'appel"], ["sources.0.retrievedAt", "2026-01-10"],
      ["lastVerifiedAt", v.lastVerifiedAt], ["verificationNote", v.verificationNote],
    ];
    expect(programmeFormValues(form(entries))).toEqual(v);
  });

  it("labels each error path for the summary", () => {
    expect(programmeFieldLabel("title")).toBe("Titre");
    expect(programmeFieldLabel("rounds.0.closesAt")).toBe("Session 1 : clôture");
    expect(programmeFieldLabel("eligibility.3")).toBe("Critère 4");
    expect(programmeFieldLabel("_")).toBe("Formulaire");
  });
});
