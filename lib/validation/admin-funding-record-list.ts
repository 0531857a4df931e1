import { z } from "zod";
import { EDITORIAL_STATUSES } from "../auth/policy";
import { funderTypes } from "../codes";
import { ADMIN_DEFAULT_PER_PAGE, ADMIN_MAX_PER_PAGE } from "./admin-list";
import { FUNDING_KINDS } from "./admin-funding-record";

/**
 * The filters of /admin/effort (searchParams, read with lib/validation/admin-list.ts parseListParams):
 * search, status, kind, a year the record covers, the funder's type; repeatable ones as arrays.
 */

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first;
  }, schema);

const codes = <const T extends readonly string[]>(values: T, name: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""))
    .pipe(z.array(z.enum(values, { error: `Valeur inconnue pour ${name}.` })).max(20))
    .transform((list) => [...new Set(list)]);

const integer = (name: string, min: number, max: number) =>
  z.coerce.number({ error: `${name} doit être un nombre.` }).int(`${name} doit être un nombre entier.`).min(min).max(max);

export const FUNDING_RECORD_LIST_SORTS = ["updated", "year", "label"] as const;
export const fundingRecordListSortLabels: Record<(typeof FUNDING_RECORD_LIST_SORTS)[number], string> = {
  updated: "Dernière modification",
  year: "Années (les plus récentes d'abord)",
  label: "Intitulé (A → Z)",
};

export const fundingRecordListSchema = z.object({
  q: single(z.string().max(200).transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim() || undefined).optional()),
  status: codes(EDITORIAL_STATUSES, "status"),
  kind: codes(FUNDING_KINDS, "kind"),
  /** Records whose span covers that year. */
  year: single(integer("year", 1990, 2100).optional()),
  funderType: single(z.enum(funderTypes.codes).optional()),
  sort: single(z.enum(FUNDING_RECORD_LIST_SORTS).default("updated")),
  page: single(integer("page", 1, 100_000).default(1)),
  perPage: single(integer("perPage", 1, ADMIN_MAX_PER_PAGE).default(ADMIN_DEFAULT_PER_PAGE)),
});

export type FundingRecordListFilters = z.output<typeof fundingRecordListSchema>;
