import { z } from "zod";
import type { EditorialStatus } from "../auth/policy";
import { funderTypes } from "../codes";
import { code, nullableHttpUrl, nullableIsoDay, nullableText, slug, territoryId, text, version } from "./admin-fields";
import { restoreSchema, statusChangeSchema, verifySchema } from "./admin-workflow";

/**
 * What a curator edits on a funder (form, server actions, /api/v1/admin/funders): the type as its
 * public code (`fondation-privee`), the territory by id (`region:53`), days as `YYYY-MM-DD`.
 *
 *   funderInputSchema   create (slug optional: derived from the name)
 *   funderPatchSchema   any subset of the fields + the `version` the person started from
 *   funderStatusSchema  a workflow step
 */

/** The snapshot's fields in their stable order, with their French labels. */
export const funderFieldLabels = {
  slug: "Identifiant (slug)",
  status: "Statut éditorial",
  name: "Nom",
  acronym: "Sigle",
  type: "Type de financeur",
  website: "Site web",
  description: "Description",
  logoUrl: "Logo (adresse de l'image)",
  territory: "Territoire",
  lastVerifiedAt: "Vérifié auprès de la source le",
} as const;

export type FunderField = keyof typeof funderFieldLabels;
const L = funderFieldLabels;

const fields = {
  slug: slug(L.slug),
  name: text(L.name, { min: 2, max: 200 }),
  acronym: nullableText(L.acronym, 40),
  type: code(funderTypes.codes, L.type),
  website: nullableHttpUrl(L.website),
  description: nullableText(L.description, 20_000),
  logoUrl: nullableHttpUrl(L.logoUrl),
  territory: z.preprocess((v) => (v === "" ? null : v), territoryId(L.territory).nullable()),
  lastVerifiedAt: nullableIsoDay(L.lastVerifiedAt),
};

export const funderInputSchema = z.strictObject(
  {
    ...fields,
    slug: fields.slug.optional(),
    acronym: fields.acronym.default(null),
    website: fields.website.default(null),
    description: fields.description.default(null),
    logoUrl: fields.logoUrl.default(null),
    territory: fields.territory.default(null),
    lastVerifiedAt: fields.lastVerifiedAt.default(null),
  },
  { error: "Un objet JSON est attendu." },
);

export const funderPatchSchema = z.strictObject(
  {
    ...(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    }),
    version,
  },
  { error: "Un objet JSON est attendu." },
);

export const funderStatusSchema = statusChangeSchema;
export const funderVerifySchema = verifySchema;
export const funderRestoreSchema = restoreSchema;

export type FunderInput = z.output<typeof funderInputSchema>;
export type FunderInputDraft = z.input<typeof funderInputSchema>;
export type FunderPatch = z.output<typeof funderPatchSchema>;

/** What a Revision stores in `before`/`after` for a funder: the input's shape plus status, keys in label order. */
export type FunderSnapshot = { slug: string; status: EditorialStatus } & Omit<Required<FunderInput>, "slug">;

export const FUNDER_SNAPSHOT_KEYS = Object.keys(funderFieldLabels) as FunderField[];

export function funderInputFromSnapshot(snapshot: FunderSnapshot): FunderInput {
  const { status: _status, ...input } = snapshot;
  return input;
}

export const FUNDER_INPUT_KEYS = Object.keys(fields) as (keyof typeof fields)[];
