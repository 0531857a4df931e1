"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CheckboxGroup, Checkbox, SelectField, TextArea, TextField } from "@/components/admin/form/fields";
import { FormNotice } from "@/components/admin/form/form-notice";
import { SubmitButton } from "@/components/admin/form/submit-button";
import type { ContributionFormState } from "@/lib/actions/contributions-state";
import { initialContributionState } from "@/lib/actions/contributions-state";
import { aidKinds } from "@/lib/codes";
import { decisionLabels as L } from "@/lib/validation/contribution-decision";
import { FormAnswer, errorsByField } from "./form-answer";

type Values = Record<string, string | string[]>;
type Action = (state: ContributionFormState<Values> | undefined, form: FormData) => Promise<ContributionFormState<Values>>;

const ORDER = Object.keys(L);
const one = (v: Values, k: string, fallback = "") => (typeof v[k] === "string" ? (v[k] as string) : fallback);
const many = (v: Values, k: string, fallback: string[] = []) => (Array.isArray(v[k]) ? (v[k] as string[]) : fallback);

/** After a decision: the answer and the next step, instead of the form. */
function Decided({ state }: { state: ContributionFormState<Values> }) {
  return (
    <div className="space-y-3">
      <FormNotice notice={state.notice ? { text: state.notice.text } : undefined} tone="success" attempt={state.attempt} />
      {state.notice?.href && (
        <p>
          <Link href={state.notice.href} className="inline-block rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            {state.notice.linkLabel}
          </Link>
        </p>
      )}
    </div>
  );
}

export function AcceptProposalForm({
  action, contributionId, funders, defaults,
}: {
  action: Action;
  contributionId: string;
  funders: { slug: string; name: string; acronym: string | null }[];
  defaults: { summary: string; isNational: boolean; funder: string };
}) {
  const [state, formAction] = useActionState(action, initialContributionState<Values>({}));
  if (state.ok) return <Decided state={state} />;
  const v = state.values;
  const e = errorsByField(state.fieldErrors, ORDER, ["aidKinds", "territories"]);
  const fresh = state.attempt === 0;
  return (
    <form action={formAction} noValidate key={state.attempt} className="space-y-5">
      <FormAnswer fieldErrors={state.fieldErrors} message={state.message} attempt={state.attempt} order={ORDER} groups={["aidKinds", "territories"]} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <SelectField name="funder" label={L.funder} required defaultValue={fresh ? defaults.funder : one(v, "funder")} error={e.funder} emptyLabel="Choisir un financeur de l'annuaire"
        hint="Un programme a un financeur de l'annuaire. S'il manque, créez-le d'abord dans « Financeurs »."
        options={funders.map((f) => ({ value: f.slug, label: f.acronym ? `${f.name} (${f.acronym})` : f.name }))} />
      <CheckboxGroup name="aidKinds" legend={L.aidKinds} required error={e.aidKinds} checked={many(v, "aidKinds")}
        options={Object.entries(aidKinds.labels).map(([value, label]) => ({ value, label }))} />
      <Checkbox name="isNational" label={L.isNational} defaultChecked={fresh ? defaults.isNational : one(v, "isNational") === "on"}
        hint="Cochez si le programme couvre toute la France ; sinon indiquez les territoires ci-dessous." />
      <TextField name="territories" label={L.territories} defaultValue={many(v, "territories").join(" ")} error={e.territories}
        hint="Identifiants séparés par des espaces : region:53, departement:29, epci:<SIREN>, commune:<code INSEE>. Modifiables ensuite dans la fiche." />
      <TextArea name="summary" label={L.summary} required rows={3} defaultValue={fresh ? defaults.summary : one(v, "summary")} error={e.summary}
        hint="Une ou deux phrases pour les listes de résultats (repris du début de la description : relisez-le)." />
      <TextArea name="note" label={L.note} rows={2} defaultValue={one(v, "note")} error={e.note} hint="Facultatif : figure dans l'historique du programme." />
      <SubmitButton pendingLabel="Création du brouillon…">Accepter et créer un brouillon</SubmitButton>
    </form>
  );
}

export function AcceptCorrectionForm({
  action, contributionId, programme, suggestedUrl,
}: {
  action: Action;
  contributionId: string;
  programme: { slug: string; version: number };
  /** A link found in the correction's text, offered in the link field (the curator checks it). */
  suggestedUrl: string | null;
}) {
  const [state, formAction] = useActionState(action, initialContributionState<Values>({}));
  if (state.ok) return <Decided state={state} />;
  const v = state.values;
  const e = errorsByField(state.fieldErrors, ORDER);
  return (
    <form action={formAction} noValidate key={state.attempt} className="space-y-5">
      <FormAnswer fieldErrors={state.fieldErrors} message={state.message} attempt={state.attempt} order={ORDER} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <input type="hidden" name="version" value={programme.version} />
      <p>
        Appliquez la correction dans la{" "}
        <Link href={`/admin/programmes/${programme.slug}`} className="font-semibold text-brand underline">fiche du programme</Link>{" "}
        (montants, éligibilité, financeur…), puis acceptez-la ici pour l&apos;inscrire, avec le crédit, dans son
        historique. Le lien de candidature et les dates peuvent aussi être écrits directement ci-dessous (version n°{" "}
        {programme.version} de la fiche : si elle change entre-temps, rien n&apos;est écrit).
      </p>
      <TextField name="applicationUrl" label={L.applicationUrl} type="url" error={e.applicationUrl}
        defaultValue={state.attempt === 0 ? (suggestedUrl ?? "") : one(v, "applicationUrl")}
        hint={suggestedUrl ? "Repris du signalement : vérifiez-le, ou videz le champ pour ne rien écrire." : "Facultatif."} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField name="opensAt" label={L.opensAt} type="date" defaultValue={one(v, "opensAt")} error={e.opensAt} hint="Facultatif." />
        <TextField name="closesAt" label={L.closesAt} type="date" defaultValue={one(v, "closesAt")} error={e.closesAt} hint="Facultatif." />
      </div>
      <TextArea name="note" label={L.note} rows={2} defaultValue={one(v, "note")} error={e.note} hint="Facultatif : ce qui a été corrigé, figure dans l'historique." />
      <SubmitButton pendingLabel="Enregistrement…">Accepter la correction</SubmitButton>
    </form>
  );
}

export function RejectForm({ action, contributionId }: { action: Action; contributionId: string }) {
  const [state, formAction] = useActionState(action, initialContributionState<Values>({}));
  if (state.ok) return <Decided state={state} />;
  const e = errorsByField(state.fieldErrors, ORDER);
  return (
    <form action={formAction} noValidate key={state.attempt} className="space-y-5">
      <FormAnswer fieldErrors={state.fieldErrors} message={state.message} attempt={state.attempt} order={ORDER} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <TextArea name="decisionNote" label={L.decisionNote} required rows={3} defaultValue={one(state.values, "decisionNote")} error={e.decisionNote}
        hint="Pour l'équipe (il n'est envoyé à personne) : hors sujet, doublon de telle fiche, information introuvable à la source…" />
      <SubmitButton variant="secondary" pendingLabel="Enregistrement…">Refuser</SubmitButton>
    </form>
  );
}
