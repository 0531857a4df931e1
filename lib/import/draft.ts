import type { RowError } from "./report";

/**
 * One row of a file, brought to the shape of the programme input (lib/validation/admin-programme.ts)
 * by its format's adapter, before names are resolved and the zod schema decides.
 * `fields` holds only what the row gives: on an existing entry the rest is kept as it is.
 */
export interface RowDraft {
  row: number;
  fields: Record<string, unknown>;
  /** Undefined when the row says nothing about it (the stored note is then kept). */
  reviewNote?: string | null;
  /** Funder and territories given by name, resolved against the catalogue (lib/import/resolve.ts). */
  funderName?: string;
  coFunderNames?: string[];
  perimeter?: string;
  errors: RowError[];
  warnings: string[];
}

export const emptyDraft = (row: number): RowDraft => ({ row, fields: {}, errors: [], warnings: [] });

export const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
