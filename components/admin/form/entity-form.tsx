"use client";

import { type ReactNode, useActionState } from "react";
import { type FormActionState, initialFormState } from "@/lib/actions/form-state";
import type { EditorialStatus } from "@/lib/auth/policy";
import { ConflictPanel } from "./conflict-panel";
import { ErrorSummary } from "./error-summary";
import { FormNotice } from "./form-notice";
import { SubmitButton } from "./submit-button";
import { formErrors } from "./summary-errors";
import { WorkflowPanel } from "./workflow-panel";

export interface EntryInfo {
  slug: string;
  status: EditorialStatus;
  allowedTransitions: EditorialStatus[];
  canEdit: boolean;
  canVerify: boolean;
  updatedAt: string;
  updatedBy: string | null;
  publishedAt: string | null;
}

/**
 * The create and edit form of an entry (programme, funder): the error summary, the answer of the
 * last submit, the conflict screen, the fields, the save buttons and the workflow panel. Works
 * without JavaScript (a server action that re-renders the page with its answer); with it, the same
 * action answers in place. Each answer re-mounts the fields (`key`) with the values it carries —
 * what the person typed, or the saved entry — and the version the next save carries.
 */
export function EntityForm<V>({
  action, initialValues, initialVersion, initialNotice, entry, editHref, historyHref, publicHref, createLabel, fieldOrder, groups, rowLabel, children,
}: {
  action: (state: FormActionState<V>, form: FormData) => Promise<FormActionState<V>>;
  initialValues: V;
  initialVersion: number | null;
  /** A line to show until the first submit (« Brouillon créé. » after the redirect of a create). */
  initialNotice?: string | null;
  entry: EntryInfo | null;
  editHref: string | null;
  historyHref: string | null;
  publicHref: string | null;
  createLabel: string;
  fieldOrder: readonly string[];
  groups: readonly string[];
  rowLabel: (path: string) => string | null;
  children: (values: V, errors: Record<string, string>) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, {
    ...initialFormState(initialValues, initialVersion),
    ...(initialNotice ? { notice: { text: initialNotice } } : {}),
  });
  const values = state.values ?? initialValues;
  const version = state.version ?? initialVersion;
  const { byField, summary } = formErrors(state.fieldErrors, { groups, order: fieldOrder, rowLabel });
  const readOnly = entry !== null && !entry.canEdit;
  const saveLabel = entry ? "Enregistrer les modifications" : createLabel;

  return (
    <form action={formAction} noValidate className="space-y-6">
      {entry && <input type="hidden" name="originalSlug" value={entry.slug} />}
      {version !== null && <input type="hidden" name="version" value={version} />}
      <p className="text-sm text-muted">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <ErrorSummary errors={summary} attempt={state.attempt} />
      <FormNotice notice={state.notice} message={summary.length || state.conflict ? undefined : state.message} tone={state.ok || state.notice ? "success" : "error"} attempt={state.attempt} />
      {state.conflict && editHref && <ConflictPanel conflict={state.conflict} reloadHref={editHref} attempt={state.attempt} />}
      <div className={entry ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]" : ""}>
        <div key={state.attempt} className="min-w-0 space-y-6">
          {!readOnly && <SubmitButton name="intent" value="save" pendingLabel="Enregistrement…">{saveLabel}</SubmitButton>}
          <fieldset disabled={readOnly} className="min-w-0">
            <legend className="sr-only">Contenu de la fiche</legend>
            {readOnly && (
              <p className="mb-4 rounded bg-info-light p-3">
                Dans son statut actuel, cette fiche n&apos;est plus modifiable par vous ; vous pouvez encore changer son statut.
              </p>
            )}
            {children(values, byField)}
          </fieldset>
          {!readOnly && <SubmitButton name="intent" value="save" pendingLabel="Enregistrement…">{saveLabel}</SubmitButton>}
        </div>
        {entry && historyHref && (
          <div key={`statut-${state.attempt}`}>
            <div className="lg:sticky lg:top-4">
              <WorkflowPanel
                status={entry.status}
                allowed={entry.allowedTransitions}
                historyHref={historyHref}
                publicHref={publicHref}
                updatedAt={entry.updatedAt}
                updatedBy={entry.updatedBy}
                publishedAt={entry.publishedAt}
              />
            </div>
          </div>
        )}
      </div>
    </form>
  );
}
