import { z } from "zod";
import { EDITORIAL_STATUSES } from "../auth/policy";
import { funderTypes } from "../codes";
import { SLUG_PATTERN } from "./admin-fields";

/**
 * The filters of the workspace's tables (/admin/programmes, /admin/financeurs) and of
 * GET /api/v1/admin/programmes|funders: one schema each, read from a page's searchParams
 * (`Record<string, string | string[] | undefined>`) or from a URL (lib/api/responses.ts parseQuery).
 * Repeatable parameters (`?status=draft&status=in_review`) arrive as arrays; empty values are absent.
 */

export const ADMIN_MAX_PER_PAGE = 100;
export const ADMIN_DEFAULT_PER_PAGE = 25;

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first;
  }, schema);

const list = <O extends string>(item: z.ZodType<O, string>, name: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${name} : une valeur ou une liste de valeurs est attendue.` })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""))
    .pipe(z.array(item).max(50, `Trop de valeurs pour ${name} (50 au plus).`))
    .transform((values) => [...new Set(values)]);

const codes = <const T extends readonly string[]>(values: T, name: string) =>
  list(z.enum(values, { error: (issue) => `Valeur inconnue pour ${name} : « ${String(issue.input).slice(0, 60)} ».` }), name);

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} doit être un nombre.` })
    .int(`${name} doit être un nombre entier.`)
    .min(min, `${name} doit valoir au moins ${min}.`)
    .max(max, `${name} doit valoir au plus ${max}.`);

const q = single(
  z
    .string({ error: "q doit être un texte." })
    .max(200, "La recherche (q) est limitée à 200 caractères.")
    .transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim() || undefined)
    .optional(),
);

const verifiedBefore = single(
  z.iso.date({ error: "verifiedBefore : date invalide (attendu AAAA-MM-JJ)." }).optional(),
);

const paging = {
  page: single(integer("page", 1, 100_000).default(1)),
  perPage: single(integer("perPage", 1, ADMIN_MAX_PER_PAGE).default(ADMIN_DEFAULT_PER_PAGE)),
};

export const PROGRAMME_LIST_SORTS = ["title", "updated", "closing", "verified"] as const;
export const programmeListSortLabels: Record<(typeof PROGRAMME_LIST_SORTS)[number], string> = {
  title: "Titre (A → Z)",
  updated: "Dernière modification",
  closing: "Clôture la plus proche",
  verified: "Vérification la plus ancienne",
};

export const programmeListSchema = z.object({
  q,
  status: codes(EDITORIAL_STATUSES, "status"),
  funderType: codes(funderTypes.codes, "funderType"),
  funder: list(z.string().max(120).regex(SLUG_PATTERN, "funder : identifiant de financeur invalide."), "funder"),
  /** Not verified since that day (never verified included). */
  verifiedBefore,
  /** Entries created by that account (the dashboard's « mes brouillons »). */
  createdBy: single(z.uuid({ error: "createdBy : identifiant de compte invalide." }).optional()),
  sort: single(z.enum(PROGRAMME_LIST_SORTS, { error: "Tri (sort) inconnu : title, updated, closing ou verified." }).default("updated")),
  ...paging,
});

export const FUNDER_LIST_SORTS = ["name", "updated", "verified"] as const;
export const funderListSortLabels: Record<(typeof FUNDER_LIST_SORTS)[number], string> = {
  name: "Nom (A → Z)",
  updated: "Dernière modification",
  verified: "Vérification la plus ancienne",
};

export const funderListSchema = z.object({
  q,
  status: codes(EDITORIAL_STATUSES, "status"),
  type: codes(funderTypes.codes, "type"),
  verifiedBefore,
  createdBy: single(z.uuid({ error: "createdBy : identifiant de compte invalide." }).optional()),
  sort: single(z.enum(FUNDER_LIST_SORTS, { error: "Tri (sort) inconnu : name, updated ou verified." }).default("name")),
  ...paging,
});

/** The entity types of the history (lib/revisions/diff.ts DiffEntityType). */
export const ACTIVITY_ENTITY_TYPES = ["programme", "funder", "funding-record", "case-study"] as const;

export const activityListSchema = z.object({
  author: single(z.uuid({ error: "author : identifiant de compte invalide." }).optional()),
  entityType: single(
    z.enum(ACTIVITY_ENTITY_TYPES, { error: "entityType : programme, funder, funding-record ou case-study." }).optional(),
  ),
  ...paging,
});

export type ProgrammeListFilters = z.output<typeof programmeListSchema>;
export type FunderListFilters = z.output<typeof funderListSchema>;
export type ActivityListFilters = z.output<typeof activityListSchema>;

/**
 * A page's searchParams → filters; an invalid value is dropped (the table shows everything rather
 * than an error page), which is what a person who edited the URL by hand expects.
 */
export function parseListParams<S extends z.ZodObject>(
  schema: S,
  params: Record<string, string | string[] | undefined>,
): z.output<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(params).filter(([k]) => !bad.has(k)));
  return schema.parse(kept);
}
