import {
  formatDecimal,
  orNull,
  parseDecimal,
  readAll,
  readCheckbox,
  readRows,
  readTerritoryIds,
  readText,
  readValueRows,
} from "./admin-form-data";
import { programmeFieldLabels, type ProgrammeSnapshot } from "./admin-programme";

/**
 * The programme form (app/admin/programmes/…) ↔ programmeInputSchema's input.
 *
 *   programmeFormValues(formData)      what the person typed, as strings, lists in their order
 *                                      (rows sorted by their position fields, blank rows dropped):
 *                                      the form is re-rendered from it after an error, nothing lost
 *   programmeFormValuesFromSnapshot()  the same from a stored programme (the edit form's start)
 *   programmeInputFromValues(values)   the object programmeInputSchema / programmePatchSchema parse
 *                                      (amounts typed the French way become numbers, blanks null)
 *   programmeFieldLabel(path)          « Source 2 : adresse » for `sources.1.url` (error summary)
 *
 * Field names: `title`, `aidKinds` (one checkbox per code), `eligibility.<i>`, `rounds.<i>.label`,
 * `sources.<i>.url`, `coFunders.<i>`, `position.<list>.<i>` (order without JavaScript),
 * `territories` (ids, one per hidden input or several in one text field). The indexes of the
 * values are those of the schema's error paths (`sources.1.url`), so a message finds its field.
 */

export interface ProgrammeFormValues {
  slug: string;
  title: string;
  summary: string;
  description: string;
  funder: string;
  coFunders: string[];
  funderNote: string;
  aidKinds: string[];
  financed: string[];
  beneficiaries: string[];
  eligibility: string[];
  isNational: boolean;
  territories: string[];
  coverageNote: string;
  amountTotal: string;
  amountMin: string;
  amountMax: string;
  fundingRateMax: string;
  currency: string;
  amountNote: string;
  opensAt: string;
  closesAt: string;
  recurrence: string;
  isClosed: boolean;
  rounds: { label: string; opensAt: string; closesAt: string }[];
  calendarNote: string;
  applicationUrl: string;
  contact: string;
  confidence: string;
  sources: { url: string; title: string; retrievedAt: string }[];
  lastVerifiedAt: string;
  verificationNote: string;
}

export const emptyProgrammeFormValues = (): ProgrammeFormValues => ({
  slug: "", title: "", summary: "", description: "", funder: "", coFunders: [], funderNote: "",
  aidKinds: [], financed: [], beneficiaries: [], eligibility: [], isNational: false, territories: [],
  coverageNote: "", amountTotal: "", amountMin: "", amountMax: "", fundingRateMax: "", currency: "EUR",
  amountNote: "", opensAt: "", closesAt: "", recurrence: "", isClosed: false, rounds: [], calendarNote: "",
  applicationUrl: "", contact: "", confidence: "", sources: [], lastVerifiedAt: "", verificationNote: "",
});

export function programmeFormValues(form: FormData): ProgrammeFormValues {
  const t = (name: string) => readText(form, name);
  return {
    slug: t("slug").trim(),
    title: t("title"),
    summary: t("summary"),
    description: t("description"),
    funder: t("funder").trim(),
    coFunders: [...new Set(readValueRows(form, "coFunders").map((s) => s.trim()))],
    funderNote: t("funderNote"),
    aidKinds: readAll(form, "aidKinds"),
    financed: readAll(form, "financed"),
    beneficiaries: readAll(form, "beneficiaries"),
    eligibility: readValueRows(form, "eligibility"),
    isNational: readCheckbox(form, "isNational"),
    territories: readTerritoryIds(form, "territories"),
    coverageNote: t("coverageNote"),
    amountTotal: t("amountTotal"),
    amountMin: t("amountMin"),
    amountMax: t("amountMax"),
    fundingRateMax: t("fundingRateMax"),
    currency: t("currency").trim().toUpperCase() || "EUR",
    amountNote: t("amountNote"),
    opensAt: t("opensAt").trim(),
    closesAt: t("closesAt").trim(),
    recurrence: t("recurrence"),
    isClosed: readCheckbox(form, "isClosed"),
    rounds: readRows(form, "rounds", ["label", "opensAt", "closesAt"] as const),
    calendarNote: t("calendarNote"),
    applicationUrl: t("applicationUrl").trim(),
    contact: t("contact"),
    confidence: t("confidence"),
    sources: readRows(form, "sources", ["url", "title", "retrievedAt"] as const),
    lastVerifiedAt: t("lastVerifiedAt").trim(),
    verificationNote: t("verificationNote"),
  };
}

export function programmeFormValuesFromSnapshot(s: ProgrammeSnapshot): ProgrammeFormValues {
  return {
    slug: s.slug,
    title: s.title,
    summary: s.summary,
    description: s.description,
    funder: s.funder,
    coFunders: [...s.coFunders],
    funderNote: s.funderNote ?? "",
    aidKinds: [...s.aidKinds],
    financed: [...s.financed],
    beneficiaries: [...s.beneficiaries],
    eligibility: [...s.eligibility],
    isNational: s.isNational,
    territories: [...s.territories],
    coverageNote: s.coverageNote ?? "",
    amountTotal: formatDecimal(s.amountTotal),
    amountMin: formatDecimal(s.amountMin),
    amountMax: formatDecimal(s.amountMax),
    fundingRateMax: formatDecimal(s.fundingRateMax),
    currency: s.currency,
    amountNote: s.amountNote ?? "",
    opensAt: s.opensAt ?? "",
    closesAt: s.closesAt ?? "",
    recurrence: s.recurrence ?? "",
    isClosed: s.isClosed,
    rounds: s.rounds.map((r) => ({ label: r.label, opensAt: r.opensAt ?? "", closesAt: r.closesAt ?? "" })),
    calendarNote: s.calendarNote ?? "",
    applicationUrl: s.applicationUrl ?? "",
    contact: s.contact ?? "",
    confidence: s.confidence ?? "",
    sources: s.sources.map((x) => ({ url: x.url, title: x.title ?? "", retrievedAt: x.retrievedAt ?? "" })),
    lastVerifiedAt: s.lastVerifiedAt ?? "",
    verificationNote: s.verificationNote ?? "",
  };
}

/**
 * The input the schemas parse. Blank texts become null; an amount that is not a number stays a
 * string (the schema then says « un montant en euros est attendu »); the slug is left out when blank
 * (create: derived from the title).
 */
export function programmeInputFromValues(v: ProgrammeFormValues): Record<string, unknown> {
  return {
    ...(v.slug ? { slug: v.slug } : {}),
    title: v.title,
    summary: v.summary,
    description: v.description,
    funder: v.funder,
    coFunders: v.coFunders,
    funderNote: orNull(v.funderNote),
    aidKinds: v.aidKinds,
    financed: v.financed,
    beneficiaries: v.beneficiaries,
    eligibility: v.eligibility,
    isNational: v.isNational,
    territories: v.territories,
    coverageNote: orNull(v.coverageNote),
    amountTotal: parseDecimal(v.amountTotal),
    amountMin: parseDecimal(v.amountMin),
    amountMax: parseDecimal(v.amountMax),
    fundingRateMax: parseDecimal(v.fundingRateMax),
    currency: v.currency || "EUR",
    amountNote: orNull(v.amountNote),
    opensAt: orNull(v.opensAt),
    closesAt: orNull(v.closesAt),
    recurrence: orNull(v.recurrence),
    isClosed: v.isClosed,
    rounds: v.rounds.map((r) => ({ label: r.label, opensAt: orNull(r.opensAt), closesAt: orNull(r.closesAt) })),
    calendarNote: orNull(v.calendarNote),
    applicationUrl: orNull(v.applicationUrl),
    contact: orNull(v.contact),
    confidence: orNull(v.confidence),
    sources: v.sources.map((s) => ({ url: s.url, title: orNull(s.title), retrievedAt: orNull(s.retrievedAt) })),
    lastVerifiedAt: orNull(v.lastVerifiedAt),
    verificationNote: orNull(v.verificationNote),
  };
}

const rowLabels: Record<string, [string, Record<string, string>]> = {
  rounds: ["Session", { label: "intitulé", opensAt: "ouverture", closesAt: "clôture" }],
  sources: ["Source", { url: "adresse", title: "titre", retrievedAt: "consultée le" }],
  eligibility: ["Critère", {}],
  coFunders: ["Cofinanceur", {}],
};

/** The label of the field a path names, for the error summary (`sources.1.url` → « Source 2 : adresse »). */
export function programmeFieldLabel(path: string): string {
  const [head = "", index, key] = path.split(".");
  const row = rowLabels[head];
  if (row && index !== undefined && /^\d+$/.test(index)) {
    const [noun, keys] = row;
    return key && keys[key] ? `${noun} ${Number(index) + 1} : ${keys[key]}` : `${noun} ${Number(index) + 1}`;
  }
  return (programmeFieldLabels as Record<string, string>)[head] ?? "Formulaire";
}

