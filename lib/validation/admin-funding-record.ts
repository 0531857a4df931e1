import { z } from "zod";
import type { EditorialStatus } from "../auth/policy";
import { funderTypes } from "../codes";
import {
  boolean,
  code,
  httpUrl,
  nullableAmount,
  nullableIsoDay,
  nullableText,
  slug,
  territoryId,
  text,
  version,
} from "./admin-fields";
import { restoreSchema, statusChangeSchema, verifySchema } from "./admin-workflow";

/**
 * What a curator edits on a funding record (/admin/effort, its server action): the rules of the
 * database's CHECK constraints (migration 20261206120000_funding_effort) written again as field
 * messages, so that the form says what to correct before the database has to refuse it.
 *
 *   fundingRecordInputSchema   create and the full state an update is checked against
 *   fundingRecordPatchSchema   any subset of the fields + the `version` the person started from
 */

export const FUNDING_KINDS = ["spent", "committed", "planned"] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export const fundingKindLabels: Record<FundingKind, string> = {
  spent: "Dépensé",
  committed: "Engagé",
  planned: "Prévu (loi de finances, budget)",
};

/** The snapshot's fields in their stable order, with their French labels. */
export const fundingRecordFieldLabels = {
  slug: "Identifiant (slug)",
  status: "Statut éditorial",
  label: "Intitulé",
  kind: "Nature du montant",
  yearStart: "Première année",
  yearEnd: "Dernière année",
  amount: "Montant",
  amountLow: "Fourchette : montant le plus bas",
  amountHigh: "Fourchette : montant le plus haut",
  note: "Note",
  programme: "Programme",
  funder: "Financeur de l'annuaire",
  funderLabel: "Financeur (tel que les sources le nomment)",
  funderType: "Type de financeur",
  territory: "Territoire",
  territoryLabel: "Territoire (tel que les sources le nomment)",
  partOf: "Part d'un autre montant (« dont »)",
  overlapsOthers: "Recoupe d'autres montants",
  sourceUrls: "Sources",
  retrievedAt: "Sources consultées le",
} as const;

export type FundingRecordField = keyof typeof fundingRecordFieldLabels;
const L = fundingRecordFieldLabels;

const year = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined || issue.input === null ? `${label} : ce champ est obligatoire.` : `${label} : une année est attendue (ex. 2024).`) })
    .int(`${label} : une année est attendue (ex. 2024).`)
    .min(1990, `${label} : entre 1990 et 2100.`)
    .max(2100, `${label} : entre 1990 et 2100.`);

const nullableSlug = (label: string) => z.preprocess((v) => (v === "" ? null : v), slug(label).nullable());

const fields = {
  slug: slug(L.slug),
  label: text(L.label, { min: 3, max: 300 }),
  kind: code(FUNDING_KINDS, L.kind),
  yearStart: year(L.yearStart),
  yearEnd: year(L.yearEnd),
  amount: nullableAmount(L.amount),
  amountLow: nullableAmount(L.amountLow),
  amountHigh: nullableAmount(L.amountHigh),
  note: nullableText(L.note, 4000),
  programme: nullableSlug(L.programme),
  funder: nullableSlug(L.funder),
  funderLabel: nullableText(L.funderLabel, 300),
  funderType: z.preprocess((v) => (v === "" ? null : v), code(funderTypes.codes, L.funderType).nullable()),
  territory: z.preprocess((v) => (v === "" ? null : v), territoryId(L.territory).nullable()),
  territoryLabel: nullableText(L.territoryLabel, 300),
  partOf: nullableSlug(L.partOf),
  overlapsOthers: boolean(L.overlapsOthers),
  sourceUrls: z
    .array(httpUrl("Source"), { error: `${L.sourceUrls} : une liste d'adresses est attendue.` })
    .min(1, `${L.sourceUrls} : une adresse au moins (la page ou le document qui donne le montant).`)
    .max(20, `${L.sourceUrls} : 20 adresses au plus.`)
    .transform((urls) => [...new Set(urls)]),
  retrievedAt: nullableIsoDay(L.retrievedAt),
};

type RuleInput = {
  slug?: string | null;
  yearStart: number;
  yearEnd: number;
  amount: number | null;
  amountLow: number | null;
  amountHigh: number | null;
  programme: string | null;
  funder: string | null;
  funderLabel: string | null;
  funderType: string | null;
  partOf: string | null;
};

/**
 * The CHECK constraints of funding_record, each as the message of the field to correct
 * (funding_record_years_ordered, _amount_or_range, _range_complete, _range_low_le_high,
 * _has_subject, _typed_funder, _not_part_of_itself).
 */
export function fundingRecordRuleErrors(r: RuleInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (r.yearEnd < r.yearStart) errors.yearEnd = `${L.yearEnd} : elle ne peut pas précéder la première année (${r.yearStart}).`;
  const hasRange = r.amountLow !== null || r.amountHigh !== null;
  if (r.amount !== null && hasRange) {
    errors.amount = `${L.amount} : donnez soit un montant, soit une fourchette (quand les sources divergent), pas les deux.`;
  } else if (r.amountLow !== null && r.amountHigh === null) {
    errors.amountHigh = `${L.amountHigh} : une fourchette a deux bornes ; donnez aussi le montant le plus haut.`;
  } else if (r.amountLow === null && r.amountHigh !== null) {
    errors.amountLow = `${L.amountLow} : une fourchette a deux bornes ; donnez aussi le montant le plus bas.`;
  } else if (r.amountLow !== null && r.amountHigh !== null && r.amountLow > r.amountHigh) {
    errors.amountHigh = `${L.amountHigh} : il doit être supérieur ou égal au montant le plus bas.`;
  }
  if (!r.programme && !r.funder && !r.funderLabel) {
    errors.funder = `${L.funder} : choisissez un programme ou un financeur de l'annuaire, ou nommez le financeur tel que les sources le nomment.`;
  } else if (!r.programme && !r.funder && !r.funderType) {
    errors.funderType = `${L.funderType} : obligatoire quand ni programme ni financeur de l'annuaire n'est choisi.`;
  }
  if (r.partOf && r.slug && r.partOf === r.slug) errors.partOf = `${L.partOf} : un montant ne peut pas être une part de lui-même.`;
  return errors;
}

const withRules = <T extends z.ZodType<RuleInput>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    for (const [path, message] of Object.entries(fundingRecordRuleErrors(value))) ctx.addIssue({ code: "custom", path: [path], message });
  });

export const fundingRecordInputSchema = withRules(
  z.strictObject(
    {
      ...fields,
      slug: fields.slug.optional(),
      kind: fields.kind.default("committed"),
      amount: fields.amount.default(null),
      amountLow: fields.amountLow.default(null),
      amountHigh: fields.amountHigh.default(null),
      note: fields.note.default(null),
      programme: fields.programme.default(null),
      funder: fields.funder.default(null),
      funderLabel: fields.funderLabel.default(null),
      funderType: fields.funderType.default(null),
      territory: fields.territory.default(null),
      territoryLabel: fields.territoryLabel.default(null),
      partOf: fields.partOf.default(null),
      overlapsOthers: fields.overlapsOthers.default(false),
      retrievedAt: fields.retrievedAt.default(null),
    },
    { error: "Un objet JSON est attendu." },
  ),
);

export const fundingRecordPatchSchema = z.strictObject(
  {
    ...(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    }),
    version,
  },
  { error: "Un objet JSON est attendu." },
);

export const fundingRecordStatusSchema = statusChangeSchema;
/** « Sources consultées aujourd'hui »: retrievedAt becomes today. */
export const fundingRecordVerifySchema = verifySchema;
export const fundingRecordRestoreSchema = restoreSchema;

export type FundingRecordInput = z.output<typeof fundingRecordInputSchema>;
export type FundingRecordInputDraft = z.input<typeof fundingRecordInputSchema>;

/** What a Revision stores in `before`/`after`: the input's shape plus status, keys in label order. */
export type FundingRecordSnapshot = { slug: string; status: EditorialStatus } & Omit<Required<FundingRecordInput>, "slug">;

export function fundingRecordInputFromSnapshot(snapshot: FundingRecordSnapshot): FundingRecordInput {
  const { status: _status, ...input } = snapshot;
  return input;
}
