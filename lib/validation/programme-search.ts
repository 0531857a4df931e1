import { z } from "zod";
import { aidKinds, beneficiaries, financedItems, funderTypes } from "../codes";
import { SEARCH_STATUSES } from "../programmes/reopening";

/**
 * The search parameters of /financements and GET /api/v1/programmes: one schema, one meaning.
 * Repeatable parameters arrive as arrays (`?finances=equipement&finances=fonctionnement`); a single
 * parameter given twice keeps its first value; empty values (`?amountMin=`) count as absent.
 * Every message is French and names its parameter: the page shows it, the API returns it.
 */

export const SORTS = ["relevance", "closing", "recent", "amount"] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;

export const TERRITORY_ID = /^(region|departement|epci|commune):[0-9AB]{2,9}$/;
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Control characters (NUL included) cannot reach the database: they become spaces. */
export const withoutControlCharacters = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");

/** A repeatable parameter: absent, one value or several; empty values dropped, duplicates removed. */
const list = <O extends string>(item: z.ZodType<O, string>, name: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${name} doit être une valeur ou une liste de valeurs.` })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""))
    .pipe(z.array(item).max(20, `Trop de valeurs pour ${name} (20 au plus).`))
    .transform((values) => [...new Set(values)]);

const many = <const T extends readonly string[]>(codes: T, name: string) =>
  list(z.enum(codes, { error: (issue) => `Valeur inconnue pour ${name} : « ${String(issue.input).slice(0, 80)} ».` }), name);

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first;
  }, schema);

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} doit être un nombre.` })
    .int(`${name} doit être un nombre entier.`)
    .min(min, `${name} doit valoir au moins ${min}.`)
    .max(max, `${name} doit valoir au plus ${max}.`);

export const programmeSearchSchema = z.object({
  q: single(
    z
      .string({ error: "q doit être un texte." })
      .max(MAX_QUERY_LENGTH, `La recherche (q) est limitée à ${MAX_QUERY_LENGTH} caractères.`)
      .transform((s) => withoutControlCharacters(s).trim() || undefined)
      .optional(),
  ),
  territory: single(
    z
      .string({ error: "territory doit être un texte." })
      .regex(TERRITORY_ID, "Territoire (territory) invalide : attendu region:53, departement:56, epci:<SIREN> ou commune:<code INSEE>.")
      .optional(),
  ),
  funderType: many(funderTypes.codes, "funderType"),
  funder: list(
    z
      .string()
      .max(120, "Identifiant de financeur (funder) trop long.")
      .regex(SLUG, "Identifiant de financeur (funder) invalide : lettres minuscules, chiffres et tirets."),
    "funder",
  ),
  beneficiary: many(beneficiaries.codes, "beneficiary"),
  finances: many(financedItems.codes, "finances"),
  aidKind: many(aidKinds.codes, "aidKind"),
  /** A calendar status, or `expected`: closed calls whose reopening is predicted (lib/programmes/reopening.ts). */
  status: many(SEARCH_STATUSES, "status"),
  amountMin: single(integer("amountMin", 0, 1e12).optional()),
  sort: single(z.enum(SORTS, { error: "Tri (sort) inconnu : relevance, closing, recent ou amount." }).optional()),
  page: single(integer("page", 1, MAX_PAGE).default(1)),
  perPage: single(integer("perPage", 1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE)),
});

export type ProgrammeSearchInput = z.input<typeof programmeSearchSchema>;
export type ProgrammeSearch = z.output<typeof programmeSearchSchema>;

/** The parameter names the API accepts; any other is refused with a 400. */
export const SEARCH_PARAM_NAMES = Object.keys(programmeSearchSchema.shape) as (keyof ProgrammeSearch)[];

/** URLSearchParams → plain object with arrays for repeated keys. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}

/** Back to a query string, in a stable order, leaving defaults out: for links and the URL bar. */
export function toQueryString(search: Partial<ProgrammeSearch>): string {
  const params = new URLSearchParams();
  for (const key of SEARCH_PARAM_NAMES) {
    const value = search[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "perPage" && value === DEFAULT_PER_PAGE) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
