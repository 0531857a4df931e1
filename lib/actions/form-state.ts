/**
 * What every form action of the workspace (lib/actions/programmes.ts, funders.ts) answers, and
 * what the form renders from (useActionState): `values` are re-shown as typed (nothing is lost),
 * `version` is the one the next save carries, `attempt` changes on every answer (the form re-mounts
 * with these values and the error summary takes the focus).
 */

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface ConflictInfo {
  /** Who saved the current version, and when (ISO). */
  author: string | null;
  at: string;
  baseVersion: number;
  currentVersion: number;
  /** What changed between the version the person started from and the current one. */
  theirs: FieldChange[];
  /** What the person changed in the form (labels of the fields). */
  mine: string[];
}

export interface FormActionState<V> {
  ok: boolean;
  attempt: number;
  values: V | null;
  version: number | null;
  fieldErrors?: Record<string, string>;
  message?: string;
  /** A success or information line, with an optional link (the public page after publishing). */
  notice?: { text: string; href?: string; linkLabel?: string };
  conflict?: ConflictInfo;
}

export const initialFormState = <V>(values: V | null = null, version: number | null = null): FormActionState<V> => ({
  ok: false,
  attempt: 0,
  values,
  version,
});
