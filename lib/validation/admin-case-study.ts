import { z } from "zod";
import type { EditorialStatus } from "../auth/policy";
import { httpUrl, slug, territoryId, text, uniqueList, version } from "./admin-fields";
import { restoreSchema, statusChangeSchema } from "./admin-workflow";

/**
 * What a curator edits on a case study (/admin/retours-d-experience): the Markdown body (sanitised
 * when rendered, components/markdown.tsx), the territory by id, the programmes and funders it
 * relies on by slug (the public pages show these links both ways), its sources.
 */

export const caseStudyFieldLabels = {
  slug: "Identifiant (slug)",
  status: "Statut éditorial",
  title: "Titre",
  summary: "Résumé",
  body: "Récit",
  territory: "Territoire",
  programmes: "Programmes de l'annuaire",
  funders: "Financeurs de l'annuaire",
  sourceUrls: "Sources",
} as const;

export type CaseStudyField = keyof typeof caseStudyFieldLabels;
const L = caseStudyFieldLabels;

const slugList = (label: string) =>
  uniqueList(z.string({ error: `${label} : un identifiant est attendu.` }).trim().pipe(slug(label)), label, 50);

const fields = {
  slug: slug(L.slug),
  title: text(L.title, { min: 3, max: 200 }),
  summary: text(L.summary, { min: 20, max: 1000 }),
  body: text(L.body, { min: 50, max: 50_000 }),
  territory: z.preprocess((v) => (v === "" ? null : v), territoryId(L.territory).nullable()),
  programmes: slugList(L.programmes),
  funders: slugList(L.funders),
  sourceUrls: z
    .array(httpUrl("Source"), { error: `${L.sourceUrls} : une liste d'adresses est attendue.` })
    .min(1, `${L.sourceUrls} : une adresse au moins (les retours d'expérience s'appuient sur des sources publiques).`)
    .max(30, `${L.sourceUrls} : 30 adresses au plus.`)
    .transform((urls) => [...new Set(urls)]),
};

export const caseStudyInputSchema = z.strictObject(
  {
    ...fields,
    slug: fields.slug.optional(),
    territory: fields.territory.default(null),
    programmes: fields.programmes.default([]),
    funders: fields.funders.default([]),
  },
  { error: "Un objet JSON est attendu." },
);

export const caseStudyPatchSchema = z.strictObject(
  {
    ...(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    }),
    version,
  },
  { error: "Un objet JSON est attendu." },
);

export const caseStudyStatusSchema = statusChangeSchema;
export const caseStudyRestoreSchema = restoreSchema;

export type CaseStudyInput = z.output<typeof caseStudyInputSchema>;
export type CaseStudyInputDraft = z.input<typeof caseStudyInputSchema>;

/** What a Revision stores in `before`/`after`: the input's shape plus status, keys in label order. */
export type CaseStudySnapshot = { slug: string; status: EditorialStatus } & Omit<Required<CaseStudyInput>, "slug">;

export function caseStudyInputFromSnapshot(snapshot: CaseStudySnapshot): CaseStudyInput {
  const { status: _status, ...input } = snapshot;
  return input;
}
