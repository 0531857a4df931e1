import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/validation/admin-fields";
import { fundingRecordInputSchema, fundingRecordRuleErrors } from "@/lib/validation/admin-funding-record";
import {
  fundingRecordFieldLabel,
  fundingRecordFormValues,
  fundingRecordFormValuesFromSnapshot,
  fundingRecordInputFromValues,
} from "@/lib/validation/admin-funding-record-form";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

const minimal: [string, string][] = [
  ["label", "Conseillers numériques, crédits 2024"],
  ["kind", "committed"],
  ["yearStart", "2024"],
  ["yearEnd", "2024"],
  ["funder", "anct"],
  ["sourceUrls.0", "https://www.senat.fr/rap/l23-128-321/l23-128-321.html"],
];

const parse = (entries: [string, string][]) => fundingRecordInputSchema.safeParse(fundingRecordInputFromValues(fundingRecordFormValues(form(entries))));

describe("the funding record form's FormData conversion", () => {
  it("reads amounts typed the French way and years as numbers; blanks become null", () => {
    const parsed = parse([...minimal, ["amount", "1 500 000,50 €"], ["territory", ""], ["overlapsOthers", "on"]]);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ amount: 1_500_000.5, amountLow: null, amountHigh: null, yearStart: 2024, territory: null, overlapsOthers: true, partOf: null });
  });

  it("keeps the sources in the order of their positions, without duplicates", () => {
    const values = fundingRecordFormValues(
      form([...minimal, ["sourceUrls.1", "https://a.example.fr/"], ["position.sourceUrls.1", "1"], ["position.sourceUrls.0", "2"], ["sourceUrls.2", "https://a.example.fr/"]]),
    );
    expect(values.sourceUrls).toEqual(["https://a.example.fr/", "https://www.senat.fr/rap/l23-128-321/l23-128-321.html"]);
  });

  it("answers a year that is not one and a missing last year in French, on their fields", () => {
    const parsed = parse(minimal.map(([k, v]): [string, string] => (k === "yearStart" ? [k, "deux mille"] : k === "yearEnd" ? [k, ""] : [k, v])));
    const errors = fieldErrors(parsed.error!);
    expect(errors.yearStart).toBe("Première année : une année est attendue (ex. 2024).");
    expect(errors.yearEnd).toBe("Dernière année : ce champ est obligatoire.");
  });

  it("round-trips a stored record through the form unchanged", () => {
    const snapshot = {
      slug: "aveyron-pass", status: "published" as const, label: "Pass numérique en Aveyron", kind: "committed" as const, yearStart: 2020, yearEnd: 2022,
      amount: null, amountLow: 300_000, amountHigh: 320_000.5, note: null, programme: null, funder: null, funderLabel: "Conseil départemental",
      funderType: "departement" as const, territory: "departement:12", territoryLabel: null, partOf: null, overlapsOthers: false,
      sourceUrls: ["https://aveyron.fr/"], retrievedAt: "2026-11-30",
    };
    const values = fundingRecordFormValuesFromSnapshot(snapshot);
    expect(values.amountHigh).toBe("320000,5");
    const parsed = fundingRecordInputSchema.parse(fundingRecordInputFromValues(values));
    const { status: _status, ...input } = snapshot;
    expect(parsed).toEqual(input);
  });

  it("names the row of a source in the error summary", () => {
    expect(fundingRecordFieldLabel("sourceUrls.2")).toBe("Source 3");
    expect(fundingRecordFieldLabel("amountHigh")).toBe("Fourchette : montant le plus haut");
  });
});

describe("the rules of funding_record's CHECK constraints", () => {
  const base = { slug: "x", yearStart: 2020, yearEnd: 2020, amount: null, amountLow: null, amountHigh: null, programme: null, funder: "anct", funderLabel: null, funderType: null, partOf: null };

  it("accept a record without any amount yet (a curator has not found one)", () => {
    expect(fundingRecordRuleErrors(base)).toEqual({});
  });

  it("each violation is one message on the field to correct", () => {
    expect(Object.keys(fundingRecordRuleErrors({ ...base, yearEnd: 2019 }))).toEqual(["yearEnd"]);
    expect(Object.keys(fundingRecordRuleErrors({ ...base, amount: 1, amountLow: 1, amountHigh: 2 }))).toEqual(["amount"]);
    expect(Object.keys(fundingRecordRuleErrors({ ...base, amountHigh: 2 }))).toEqual(["amountLow"]);
    expect(Object.keys(fundingRecordRuleErrors({ ...base, amountLow: 3, amountHigh: 2 }))).toEqual(["amountHigh"]);
    expect(Object.keys(fundingRecordRuleErrors({ ...base, funder: null }))).toEqual(["funder"]);
    expect(Object.keys(fundingRecordRuleErrors({ ...base, funder: null, funderLabel: "Un syndicat mixte" }))).toEqual(["funderType"]);
    expect(Object.keys(fundingRecordRuleErrors({ ...base, partOf: "x" }))).toEqual(["partOf"]);
  });
});
