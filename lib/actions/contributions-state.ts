/**
 * What the public contribution forms' actions answer (useActionState): the values as typed (shown again
 * after an error), field errors, one message about the whole form, and `status` in HTTP terms (400 field
 * errors, 404 programme gone, 429 over the per-address limit). `sent` switches the page to its thank-you screen.
 * Also the curators' decision forms (/admin/contributions/<id>).
 */
export interface ContributionFormState<V> {
  ok: boolean;
  attempt: number;
  values: V;
  sent?: boolean;
  status?: 200 | 400 | 403 | 404 | 409 | 429;
  fieldErrors?: Record<string, string>;
  message?: string;
  /** After a decision: where to go next (the draft's edit page…). */
  notice?: { text: string; href?: string; linkLabel?: string };
}

export const initialContributionState = <V>(values: V): ContributionFormState<V> => ({ ok: false, attempt: 0, values });
