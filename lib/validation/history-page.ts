import { z } from "zod";

/**
 * The search parameters of a history page (/admin/programmes/<slug>/historique…): the revision to
 * confirm a restore of, and the outcome of the last restore (lib/actions/revisions.ts). Anything
 * invalid is ignored (the page then shows the plain history).
 */
export const RESTORE_ERRORS = ["conflit", "invalide", "interdit", "introuvable"] as const;
export type RestoreError = (typeof RESTORE_ERRORS)[number];

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional().catch(undefined));

export const historyPageSchema = z.object({
  restaurer: optional(z.uuid()),
  restauree: optional(z.coerce.number().int().min(1)),
  depuis: optional(z.coerce.number().int().min(1)),
  erreur: optional(z.enum(RESTORE_ERRORS)),
});

export type HistoryPageParams = z.output<typeof historyPageSchema>;

export const parseHistoryParams = (params: Record<string, string | string[] | undefined>): HistoryPageParams =>
  historyPageSchema.parse(params);
