import { formatDecimal, orNull, parseDecimal, readCheckbox, readTerritoryIds, readText, readValueRows } from "./admin-form-data";
import { fundingRecordFieldLabels, type FundingRecordSnapshot } from "./admin-funding-record";

/**
 * The funding record form (app/admin/effort/…) ↔ fundingRecordInputSchema's input, as for
 * programmes and funders: values as typed (strings) to re-render the form after an error, the same
 * from a stored record, and the input the schemas parse (« 1 500 000 » → 1500000).
 */

export interface FundingRecordFormValues {
  slug: string;
  label: string;
  kind: string;
  yearStart: string;
  yearEnd: string;
  amount: string;
  amountLow: string;
  amountHigh: string;
  note: string;
  programme: string;
  funder: string;
  funderLabel: string;
  funderType: string;
  territory: string;
  territoryLabel: string;
  partOf: string;
  overlapsOthers: boolean;
  sourceUrls: string[];
  retrievedAt: string;
}

export const emptyFundingRecordFormValues = (): FundingRecordFormValues => ({
  slug: "", label: "", kind: "committed", yearStart: "", yearEnd: "", amount: "", amountLow: "", amountHigh: "", note: "",
  programme: "", funder: "", funderLabel: "", funderType: "", territory: "", territoryLabel: "", partOf: "",
  overlapsOthers: false, sourceUrls: [], retrievedAt: "",
});

export function fundingRecordFormValues(form: FormData): FundingRecordFormValues {
  const t = (name: string) => readText(form, name);
  return {
    slug: t("slug").trim(),
    label: t("label"),
    kind: t("kind"),
    yearStart: t("yearStart").trim(),
    yearEnd: t("yearEnd").trim(),
    amount: t("amount").trim(),
    amountLow: t("amountLow").trim(),
    amountHigh: t("amountHigh").trim(),
    note: t("note"),
    programme: t("programme"),
    funder: t("funder"),
    funderLabel: t("funderLabel"),
    funderType: t("funderType"),
    territory: readTerritoryIds(form, "territory").join(" "),
    territoryLabel: t("territoryLabel"),
    partOf: t("partOf"),
    overlapsOthers: readCheckbox(form, "overlapsOthers"),
    sourceUrls: [...new Set(readValueRows(form, "sourceUrls").map((s) => s.trim()))],
    retrievedAt: t("retrievedAt").trim(),
  };
}

export function fundingRecordFormValuesFromSnapshot(s: FundingRecordSnapshot): FundingRecordFormValues {
  return {
    slug: s.slug,
    label: s.label,
    kind: s.kind,
    yearStart: String(s.yearStart),
    yearEnd: String(s.yearEnd),
    amount: formatDecimal(s.amount),
    amountLow: formatDecimal(s.amountLow),
    amountHigh: formatDecimal(s.amountHigh),
    note: s.note ?? "",
    programme: s.programme ?? "",
    funder: s.funder ?? "",
    funderLabel: s.funderLabel ?? "",
    funderType: s.funderType ?? "",
    territory: s.territory ?? "",
    territoryLabel: s.territoryLabel ?? "",
    partOf: s.partOf ?? "",
    overlapsOthers: s.overlapsOthers,
    sourceUrls: [...s.sourceUrls],
    retrievedAt: s.retrievedAt ?? "",
  };
}

/** A year as typed: a number when it is one, else the text (the schema says what is wrong); blank → undefined (required). */
const yearOf = (value: string) => (value.trim() === "" ? undefined : parseDecimal(value));

export function fundingRecordInputFromValues(v: FundingRecordFormValues): Record<string, unknown> {
  return {
    ...(v.slug ? { slug: v.slug } : {}),
    label: v.label,
    kind: v.kind || undefined,
    yearStart: yearOf(v.yearStart),
    yearEnd: yearOf(v.yearEnd),
    amount: parseDecimal(v.amount),
    amountLow: parseDecimal(v.amountLow),
    amountHigh: parseDecimal(v.amountHigh),
    note: orNull(v.note),
    programme: orNull(v.programme),
    funder: orNull(v.funder),
    funderLabel: orNull(v.funderLabel),
    funderType: orNull(v.funderType),
    territory: orNull(v.territory),
    territoryLabel: orNull(v.territoryLabel),
    partOf: orNull(v.partOf),
    overlapsOthers: v.overlapsOthers,
    sourceUrls: v.sourceUrls,
    retrievedAt: orNull(v.retrievedAt),
  };
}

/** `sourceUrls.1` → « Source 2 », other paths → their field's label. */
export function fundingRecordFieldLabel(path: string): string {
  const [head = "", index] = path.split(".");
  if (head === "sourceUrls" && index !== undefined && /^\d+$/.test(index)) return `Source ${Number(index) + 1}`;
  return (fundingRecordFieldLabels as Record<string, string>)[head] ?? "Formulaire";
}
