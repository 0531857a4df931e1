import { z } from "zod";
import type { LinkOutcome } from "./check-url";

/** The filters of /admin/liens, read from the page's searchParams (one schema, zod). */
export const LINK_LIST_FILTERS = ["problems", "failing", "broken", "unreachable", "redirected"] as const;
export type LinkListFilter = (typeof LINK_LIST_FILTERS)[number];

export const linkListFilterLabels: Record<LinkListFilter, string> = {
  problems: "Cassés, injoignables et redirigés",
  failing: "En échec (cassés et injoignables)",
  broken: "Cassés",
  unreachable: "Injoignables",
  redirected: "Redirigés",
};

export const outcomesOf: Record<LinkListFilter, LinkOutcome[]> = {
  problems: ["broken", "unreachable", "redirected"],
  failing: ["broken", "unreachable"],
  broken: ["broken"],
  unreachable: ["unreachable"],
  redirected: ["redirected"],
};

export const LINK_LIST_PER_PAGE = 25;

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first;
  }, schema);

export const linkListSchema = z.object({
  outcome: single(z.enum(LINK_LIST_FILTERS).default("problems")).catch("problems"),
  q: single(
    z
      .string()
      .max(200)
      .transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim() || undefined)
      .optional(),
  ).catch(undefined),
  page: single(z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
  /** What the « Lancer » button answered (the page says it once). */
  lancement: single(z.enum(["ok", "deja"]).optional()).catch(undefined),
});

export type LinkListParams = z.output<typeof linkListSchema>;
