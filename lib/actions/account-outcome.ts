import "server-only";
import { isDomainError } from "../errors";
import type { AccountActionState } from "./account-state";

/** A DomainError → the form's answer (field errors, or one French message); anything else is rethrown. */
export function failure(error: unknown, previous: AccountActionState, values?: Record<string, string>): AccountActionState {
  if (!isDomainError(error)) throw error;
  return {
    ok: false,
    attempt: previous.attempt + 1,
    fieldErrors: error.details?.fields,
    message: error.details?.fields ? undefined : error.message,
    values,
  };
}

export const success = (previous: AccountActionState, notice: string, secret?: AccountActionState["secret"]): AccountActionState => ({
  ok: true,
  attempt: previous.attempt + 1,
  notice,
  secret,
});

export const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
