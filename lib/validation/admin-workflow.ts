import { z } from "zod";
import { EDITORIAL_STATUSES } from "../auth/policy";
import { note, version } from "./admin-fields";

/**
 * The inputs of the workflow operations, the same for programmes and funders (re-exported by
 * admin-programme.ts and admin-funder.ts under their own names).
 */

/** A workflow step: `{ "to": "published", "version": 4, "note": "…" }` (version recommended: checked when given). */
export const statusChangeSchema = z.strictObject(
  {
    to: z.enum(EDITORIAL_STATUSES, {
      error: "Statut demandé (to) : draft, in_review, published ou archived.",
    }),
    version: version.optional(),
    note,
  },
  { error: "Un objet JSON est attendu." },
);

/** « Vérifié auprès de la source » today, with what was checked. */
export const verifySchema = z.strictObject(
  { version, note },
  { error: "Un objet JSON est attendu." },
);

/** Restore the state recorded by a revision (itself a new revision). */
export const restoreSchema = z.strictObject(
  {
    revisionId: z.uuid({ error: "Révision : identifiant invalide." }),
    version,
    note,
  },
  { error: "Un objet JSON est attendu." },
);

export type StatusChange = z.output<typeof statusChangeSchema>;
export type VerifyInput = z.output<typeof verifySchema>;
export type RestoreInput = z.output<typeof restoreSchema>;
