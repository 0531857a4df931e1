import { z } from "zod";

/**
 * « Ce n'est pas un doublon, créer quand même »: the one field that lets a creation go ahead when
 * lib/data/admin/duplicates.ts found similar programmes. The creation form sends it as the value of
 * the confirmation button (`confirmDuplicate=on`), the JSON API as `"confirmDuplicate": true`; both
 * are read by this schema (lib/actions/programmes.ts, app/api/v1/admin/programmes/route.ts).
 */
export const CONFIRM_DUPLICATE_FIELD = "confirmDuplicate";

export const confirmDuplicateSchema = z.object({
  confirmDuplicate: z
    .union([z.boolean(), z.enum(["on", "true", "false"])], {
      error: "confirmDuplicate : true ou false est attendu.",
    })
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});

/** A possible duplicate as the form and the API show it (plain data: it crosses to the browser). */
export interface DuplicateCandidateView {
  slug: string;
  title: string;
  funderName: string;
  status: "draft" | "in_review" | "published" | "archived";
  archived: boolean;
  /** Where to open it: its edit page, or its public page when the person may not edit it. */
  href: string;
  reasons: string[];
}

/** The form's values plus the candidates the last submit found (the creation form renders them). */
export interface WithDuplicateCandidates {
  duplicateCandidates?: DuplicateCandidateView[];
}
