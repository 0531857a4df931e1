import { z } from "zod";
import type { EditorialStatus } from "../auth/policy";
import { aidKinds, beneficiaries, financedItems, recurrences } from "../codes";
import {
  boolean,
  code,
  httpUrl,
  nullableAmount,
  nullableHttpUrl,
  nullableIsoDay,
  nullableText,
  slug,
  territoryId,
  text,
  uniqueList,
  version,
} from "./admin-fields";
import { restoreSchema, statusChangeSchema, verifySchema } from "./admin-workflow";

/**
 * What a curator edits on a programme, as the form, the server actions and /api/v1/admin send it:
 * public codes (`appel-a-projets`), the funder and co-funders by slug, territories by id
 * (`commune:29019`), days as `YYYY-MM-DD` (Paris days: opening at 00:00, closing at 23:59:59.999),
 * amounts in euros. Every message is French and starts with the field's label.
 *
 *   programmeInputSchema   create (slug optional: derived from the title)
 *   programmePatchSchema   any subset of the fields + the `version` the person started from
 *   programmeStatusSchema  a workflow step
 * The cross-field rules (min ≤ max, closing after opening, national or territories…) are in
 * programmeInputSchema; a patch is checked by merging it into the current state and parsing the
 * whole with programmeInputSchema (lib/data/admin/programme-write.ts).
 */

/** The snapshot's fields in their stable order, with their French labels (forms, history, diff). */
export const programmeFieldLabels = {
  slug: "Identifiant (slug)",
  status: "Statut éditorial",
  title: "Titre",
  summary: "Résumé",
  description: "Description",
  funder: "Financeur principal",
  coFunders: "Cofinanceurs",
  funderNote: "Précision sur les financeurs",
  aidKinds: "Nature de l'aide",
  financed: "Ce qui est financé",
  beneficiaries: "Bénéficiaires",
  eligibility: "Critères d'éligibilité",
  isNational: "Couverture nationale",
  territories: "Territoires couverts",
  coverageNote: "Précision sur la couverture",
  amountTotal: "Enveloppe totale",
  amountMin: "Montant minimal",
  amountMax: "Montant maximal",
  fundingRateMax: "Taux de financement maximal",
  currency: "Devise",
  amountNote: "Précision sur les montants",
  opensAt: "Date d'ouverture",
  closesAt: "Date de clôture",
  recurrence: "Récurrence",
  isClosed: "Déclaré clos",
  rounds: "Sessions",
  calendarNote: "Précision sur le calendrier",
  applicationUrl: "Lien pour candidater",
  contact: "Contact",
  confidence: "Fiabilité des informations",
  sources: "Sources",
  lastVerifiedAt: "Vérifié auprès de la source le",
  verificationNote: "Note de vérification",
} as const;

export type ProgrammeField = keyof typeof programmeFieldLabels;
const L = programmeFieldLabels;

export const CONFIDENCES = ["high", "medium", "low"] as const;

export const roundSchema = z.strictObject(
  {
    label: text("Session : intitulé", { max: 200 }),
    opensAt: nullableIsoDay("Session : ouverture").default(null),
    closesAt: nullableIsoDay("Session : clôture").default(null),
  },
  { error: "Session : un objet { label, opensAt, closesAt } est attendu." },
);

export const sourceSchema = z.strictObject(
  {
    url: httpUrl("Source : adresse"),
    title: nullableText("Source : titre", 300).default(null),
    retrievedAt: nullableIsoDay("Source : consultée le").default(null),
  },
  { error: "Source : un objet { url, title, retrievedAt } est attendu." },
);

/** Each field without default, so that a patch never resets what it does not name. */
const fields = {
  slug: slug(L.slug),
  title: text(L.title, { min: 3, max: 250 }),
  summary: text(L.summary, { min: 10, max: 1000 }),
  description: text(L.description, { min: 10, max: 50_000 }),
  funder: slug(L.funder),
  coFunders: uniqueList(slug(L.coFunders), L.coFunders, 30),
  funderNote: nullableText(L.funderNote, 1000),
  aidKinds: uniqueList(code(aidKinds.codes, L.aidKinds), L.aidKinds, 20).refine((v) => v.length > 0, {
    message: `${L.aidKinds} : choisissez au moins une valeur.`,
  }),
  financed: uniqueList(code(financedItems.codes, L.financed), L.financed, 20),
  beneficiaries: uniqueList(code(beneficiaries.codes, L.beneficiaries), L.beneficiaries, 20),
  eligibility: z
    .array(text(`${L.eligibility} : critère`, { max: 1000 }), { error: `${L.eligibility} : une liste est attendue.` })
    .max(50, `${L.eligibility} : 50 critères au plus.`),
  isNational: boolean(L.isNational),
  territories: uniqueList(territoryId(L.territories), L.territories, 500),
  coverageNote: nullableText(L.coverageNote, 1000),
  amountTotal: nullableAmount(L.amountTotal),
  amountMin: nullableAmount(L.amountMin),
  amountMax: nullableAmount(L.amountMax),
  fundingRateMax: z
    .number({ error: `${L.fundingRateMax} : un pourcentage est attendu.` })
    .gt(0, `${L.fundingRateMax} : un pourcentage supérieur à 0 est attendu.`)
    .max(100, `${L.fundingRateMax} : 100 % au plus.`)
    .multipleOf(0.01, `${L.fundingRateMax} : deux décimales au plus.`)
    .nullable(),
  currency: z
    .string({ error: `${L.currency} : un code ISO 4217 est attendu.` })
    .regex(/^[A-Z]{3}$/, `${L.currency} : code à trois lettres majuscules (EUR).`),
  amountNote: nullableText(L.amountNote, 1000),
  opensAt: nullableIsoDay(L.opensAt),
  closesAt: nullableIsoDay(L.closesAt),
  recurrence: code(recurrences.codes, L.recurrence).nullable(),
  isClosed: boolean(L.isClosed),
  rounds: z.array(roundSchema, { error: `${L.rounds} : une liste est attendue.` }).max(50, `${L.rounds} : 50 au plus.`),
  calendarNote: nullableText(L.calendarNote, 1000),
  applicationUrl: nullableHttpUrl(L.applicationUrl),
  contact: nullableText(L.contact, 500),
  confidence: code(CONFIDENCES, L.confidence).nullable(),
  sources: z.array(sourceSchema, { error: `${L.sources} : une liste est attendue.` }).max(50, `${L.sources} : 50 au plus.`),
  lastVerifiedAt: nullableIsoDay(L.lastVerifiedAt),
  verificationNote: nullableText(L.verificationNote, 2000),
};

/** The rules across fields, with the path of the field the message belongs to. */
function crossFieldRules(p: z.output<z.ZodObject<typeof fields>>, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (p.amountMin !== null && p.amountMax !== null && p.amountMin > p.amountMax) {
    issue(["amountMax"], `${L.amountMax} : il doit être supérieur ou égal au montant minimal.`);
  }
  if (p.opensAt && p.closesAt && p.closesAt < p.opensAt) {
    issue(["closesAt"], `${L.closesAt} : elle doit suivre la date d'ouverture.`);
  }
  p.rounds.forEach((r, i) => {
    if (r.opensAt && r.closesAt && r.closesAt < r.opensAt) {
      issue(["rounds", i, "closesAt"], "Session : la clôture doit suivre l'ouverture.");
    }
  });
  if (p.isNational && p.territories.length > 0) {
    issue(["territories"], `${L.territories} : un programme national n'en a pas (retirez-les ou décochez « national »).`);
  }
  if (!p.isNational && p.territories.length === 0) {
    issue(["territories"], `${L.territories} : choisissez au moins un territoire, ou indiquez que le programme est national.`);
  }
  if (p.coFunders.includes(p.funder)) {
    issue(["coFunders"], `${L.coFunders} : le financeur principal n'est pas aussi cofinanceur.`);
  }
  const seen = new Set<string>();
  p.sources.forEach((s, i) => {
    if (seen.has(s.url)) issue(["sources", i, "url"], "Source : cette adresse figure déjà dans la liste.");
    seen.add(s.url);
  });
}

export const programmeInputSchema = z
  .strictObject(
    {
      ...fields,
      slug: fields.slug.optional(),
      coFunders: fields.coFunders.default([]),
      funderNote: fields.funderNote.default(null),
      financed: fields.financed.default([]),
      beneficiaries: fields.beneficiaries.default([]),
      eligibility: fields.eligibility.default([]),
      isNational: fields.isNational.default(false),
      territories: fields.territories.default([]),
      coverageNote: fields.coverageNote.default(null),
      amountTotal: fields.amountTotal.default(null),
      amountMin: fields.amountMin.default(null),
      amountMax: fields.amountMax.default(null),
      fundingRateMax: fields.fundingRateMax.default(null),
      currency: fields.currency.default("EUR"),
      amountNote: fields.amountNote.default(null),
      opensAt: fields.opensAt.default(null),
      closesAt: fields.closesAt.default(null),
      recurrence: fields.recurrence.default(null),
      isClosed: fields.isClosed.default(false),
      rounds: fields.rounds.default([]),
      calendarNote: fields.calendarNote.default(null),
      applicationUrl: fields.applicationUrl.default(null),
      contact: fields.contact.default(null),
      confidence: fields.confidence.default(null),
      sources: fields.sources.default([]),
      lastVerifiedAt: fields.lastVerifiedAt.default(null),
      verificationNote: fields.verificationNote.default(null),
    },
    { error: "Un objet JSON est attendu." },
  )
  .superRefine((p, ctx) => crossFieldRules({ ...p, slug: p.slug ?? "" }, ctx));

/** Any subset of the fields, and the version the person started from. */
export const programmePatchSchema = z.strictObject(
  {
    ...(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    }),
    version,
  },
  { error: "Un objet JSON est attendu." },
);

export const programmeStatusSchema = statusChangeSchema;
export const programmeVerifySchema = verifySchema;
export const programmeRestoreSchema = restoreSchema;

export type ProgrammeInput = z.output<typeof programmeInputSchema>;
/** What a caller may send to create (defaults omitted). */
export type ProgrammeInputDraft = z.input<typeof programmeInputSchema>;
export type ProgrammePatch = z.output<typeof programmePatchSchema>;
export type ProgrammeRound = z.output<typeof roundSchema>;
export type ProgrammeSourceInput = z.output<typeof sourceSchema>;

/**
 * What a Revision stores in `before` and `after`, and what the edit form starts from: the input's
 * shape, every field present (null or [] when empty), plus the editorial status, keys in the order
 * of programmeFieldLabels.
 */
export type ProgrammeSnapshot = { slug: string; status: EditorialStatus } & Omit<Required<ProgrammeInput>, "slug">;

export const PROGRAMME_SNAPSHOT_KEYS = Object.keys(programmeFieldLabels) as ProgrammeField[];

/** The snapshot without its status: the input that recreates it (restore, re-apply after a conflict). */
export function programmeInputFromSnapshot(snapshot: ProgrammeSnapshot): ProgrammeInput {
  const { status: _status, ...input } = snapshot;
  return input;
}

/** Keys of the input that exist in the patch's shape (for the API's error on unknown keys). */
export const PROGRAMME_INPUT_KEYS = Object.keys(fields) as (keyof typeof fields)[];
