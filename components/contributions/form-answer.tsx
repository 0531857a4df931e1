"use client";

import { ErrorSummary } from "@/components/admin/form/error-summary";
import { FormNotice } from "@/components/admin/form/form-notice";
import { formErrors } from "@/components/admin/form/summary-errors";

/**
 * The top of a contribution form after a submit: the RGAA error summary (field errors, focused), or one
 * message about the whole form (over the limit, programme gone…) in a live region, focused too.
 */
export function FormAnswer({
  fieldErrors, message, attempt, order, groups = [],
}: {
  fieldErrors?: Record<string, string>;
  message?: string;
  attempt: number;
  order: readonly string[];
  groups?: readonly string[];
}) {
  const { summary } = formErrors(fieldErrors, { groups, order, rowLabel: () => null });
  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      {!summary.length && <FormNotice message={message} tone="error" attempt={message ? attempt : 0} />}
    </>
  );
}

/** The field messages by field (checkbox groups by their name). */
export const errorsByField = (fieldErrors: Record<string, string> | undefined, order: readonly string[], groups: readonly string[] = []) =>
  formErrors(fieldErrors, { groups, order, rowLabel: () => null }).byField;
