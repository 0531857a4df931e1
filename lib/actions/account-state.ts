/**
 * What the account forms' actions answer (useActionState): a success line, a message about the whole
 * form, field errors, and — once, right after it is made — a secret to copy (an initial password, an
 * API token). `attempt` changes on every answer so that the error summary takes the focus again.
 */
export interface AccountActionState {
  ok: boolean;
  attempt: number;
  fieldErrors?: Record<string, string>;
  message?: string;
  notice?: string;
  secret?: { label: string; value: string };
  /** What the person typed, shown again after an error (never a password). */
  values?: Record<string, string>;
}

export const initialAccountState: AccountActionState = { ok: false, attempt: 0 };
