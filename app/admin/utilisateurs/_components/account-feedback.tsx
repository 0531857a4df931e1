"use client";

import { useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/admin/form/error-summary";
import type { AccountActionState } from "@/lib/actions/account-state";

/**
 * The answer of an account form: the RGAA error summary (links to the fields), or a message about the
 * whole form, or a success line — and, once, the secret to copy (initial password, API token).
 * The live region exists before the answer so that it is announced.
 */
export function AccountFeedback({ state, labels }: { state: AccountActionState; labels: Record<string, string> }) {
  const secretRef = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.secret) secretRef.current?.focus();
    else if (state.message) messageRef.current?.focus();
  }, [state.attempt, state.secret, state.message]);

  const errors = Object.entries(state.fieldErrors ?? {}).map(([path, message]) => ({
    path: path === "_" ? null : path,
    label: labels[path] ?? path,
    message,
  }));
  return (
    <>
      <ErrorSummary errors={errors} attempt={state.attempt} />
      <div aria-live="polite" role="status">
        {state.message && (
          <p ref={messageRef} tabIndex={-1} className="rounded border-l-4 border-accent bg-warning-light p-4">
            {state.message}
          </p>
        )}
        {state.ok && state.notice && (
          <p className="rounded border-l-4 border-success bg-success-light p-4 text-[#0b4e24]">{state.notice}</p>
        )}
      </div>
      {state.ok && state.secret && (
        <div className="mt-3 rounded border-2 border-brand bg-brand-light p-4">
          <label htmlFor={`secret-${state.attempt}`} className="block font-semibold">
            {state.secret.label} (affiché une seule fois)
          </label>
          <input
            ref={secretRef}
            id={`secret-${state.attempt}`}
            readOnly
            value={state.secret.value}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-2 w-full rounded border border-ink bg-white px-3 py-2 font-mono text-sm"
          />
        </div>
      )}
    </>
  );
}
