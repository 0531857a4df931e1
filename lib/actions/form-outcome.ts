import "server-only";
import { EDITORIAL_STATUSES, type EditorialStatus } from "../auth/policy";
import { isDomainError } from "../errors";
import type { FormActionState } from "./form-state";

/**
 * What the form actions share (lib/actions/programmes.ts, funders.ts): reading the button pressed
 * and the version, and turning a service's DomainError into the form's answer. Anything that is
 * not a DomainError is a bug: rethrown, it reaches app/admin/error.tsx and the log (redirect() and
 * notFound() throw too, and must pass).
 */

export type Intent = "save" | "verify" | "reapply" | `status:${EditorialStatus}`;

export function intentOf(form: FormData): Intent {
  const value = form.get("intent");
  if (value === "verify" || value === "reapply") return value;
  if (typeof value === "string" && value.startsWith("status:")) {
    const to = value.slice("status:".length);
    if ((EDITORIAL_STATUSES as readonly string[]).includes(to)) return value as Intent;
  }
  return "save";
}

/** The version the form carries (0 when missing or unreadable: the service then answers conflict or validation). */
export function versionOf(form: FormData): number {
  const value = form.get("version");
  const n = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : 0;
  return n;
}

export function textOf(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** validation_failed → field messages; forbidden, not_found, invalid_transition… → one message. */
export function failure<V>(error: unknown, base: { attempt: number; values: V; version: number | null }): FormActionState<V> {
  if (!isDomainError(error)) throw error;
  if (error.code === "validation_failed") {
    return { ok: false, ...base, fieldErrors: error.details?.fields ?? { _: error.message }, message: error.message };
  }
  return { ok: false, ...base, message: error.message };
}
