import { z } from "zod";
import { EDITORIAL_STATUSES } from "../auth/policy";
import { ADMIN_DEFAULT_PER_PAGE, ADMIN_MAX_PER_PAGE } from "./admin-list";

/** The filters of /admin/retours-d-experience (searchParams, read with parseListParams of admin-list.ts). */

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first;
  }, schema);

const integer = (name: string, min: number, max: number) =>
  z.coerce.number({ error: `${name} doit être un nombre.` }).int(`${name} doit être un nombre entier.`).min(min).max(max);

export const CASE_STUDY_LIST_SORTS = ["updated", "title"] as const;
export const caseStudyListSortLabels: Record<(typeof CASE_STUDY_LIST_SORTS)[number], string> = {
  updated: "Dernière modification",
  title: "Titre (A → Z)",
};

export const caseStudyListSchema = z.object({
  q: single(z.string().max(200).transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim() || undefined).optional()),
  status: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""))
    .pipe(z.array(z.enum(EDITORIAL_STATUSES)).max(4))
    .transform((list) => [...new Set(list)]),
  sort: single(z.enum(CASE_STUDY_LIST_SORTS).default("updated")),
  page: single(integer("page", 1, 100_000).default(1)),
  perPage: single(integer("perPage", 1, ADMIN_MAX_PER_PAGE).default(ADMIN_DEFAULT_PER_PAGE)),
});

export type CaseStudyListFilters = z.output<typeof caseStudyListSchema>;
