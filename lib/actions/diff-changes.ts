import "server-only";
import { diffSnapshots, type DiffEntityType, type DiffNames } from "../revisions/diff";
import type { FieldChange } from "./form-state";

/** The conflict screen's « modifié entre-temps »: lib/revisions/diff.ts's changes, one text per side. */
export function conflictChanges(entityType: DiffEntityType, before: object, after: object, names: DiffNames): FieldChange[] {
  const show = (v: string | string[] | null) => (Array.isArray(v) ? v.join("\n") : (v ?? ""));
  return diffSnapshots(before as Record<string, unknown>, after as Record<string, unknown>, { entityType, names }).map((c) => ({
    field: c.field,
    label: c.label,
    before: show(c.before),
    after: show(c.after),
  }));
}
