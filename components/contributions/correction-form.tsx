"use client";

import { useActionState } from "react";
import { FormSection, TextArea, TextField } from "@/components/admin/form/fields";
import { SubmitButton } from "@/components/admin/form/submit-button";
import { describedBy, fieldId, hintId } from "@/components/admin/form/field-ids";
import { FieldMessage } from "@/components/admin/form/fields";
import type { ContributionFormState } from "@/lib/actions/contributions-state";
import { initialContributionState } from "@/lib/actions/contributions-state";
import {
  CORRECTION_TOPICS,
  correctionLabels as L,
  correctionTopicLabels,
  type CorrectionValues,
  emptyCorrectionValues,
} from "@/lib/validation/contribution";
import { FormAnswer, errorsByField } from "./form-answer";
import { Honeypot } from "./honeypot";
import { ConsentAndContact } from "./proposer-fields";
import { ThankYou } from "./thank-you";

type Action = (state: ContributionFormState<CorrectionValues>, form: FormData) => Promise<ContributionFormState<CorrectionValues>>;

const ORDER = Object.keys(L);

/** « Signaler une erreur » on a programme: what is wrong, the right information, a source. Works without JavaScript. */
export function CorrectionForm({ action, programme }: { action: Action; programme: { slug: string; title: string } }) {
  const [state, formAction] = useActionState(action, initialContributionState(emptyCorrectionValues));
  const back = { href: `/financements/${programme.slug}`, label: `Retour à « ${programme.title} »` };
  if (state.sent) {
    return (
      <ThankYou title="Merci ! Votre signalement sera relu par l'équipe." back={back}>
        <p>
          Une personne de l&apos;équipe vérifiera l&apos;information auprès de la source et corrigera la fiche si
          besoin. Votre adresse e-mail n&apos;est jamais publiée.
        </p>
      </ThankYou>
    );
  }
  const v = state.values;
  const e = errorsByField(state.fieldErrors, ORDER, ["topic"]);
  return (
    <form action={formAction} noValidate key={state.attempt} className="relative mt-6 space-y-8">
      <FormAnswer fieldErrors={state.fieldErrors} message={state.message} attempt={state.attempt} order={ORDER} groups={["topic"]} />
      <input type="hidden" name="programme" value={programme.slug} />
      <p className="text-sm text-muted">
        Les champs marqués d&apos;un astérisque (<span className="text-accent">*</span>) sont obligatoires.
      </p>
      <FormSection id="l-erreur" title="L'erreur">
        <fieldset
          id={fieldId("topic")}
          tabIndex={-1}
          aria-describedby={describedBy("topic", { hint: true, error: e.topic })}
          aria-invalid={e.topic ? true : undefined}
          className="focus:outline-none"
        >
          <legend className="font-semibold">
            {L.topic}
            <span className="text-accent"> *<span className="sr-only"> (obligatoire)</span></span>
          </legend>
          <p id={hintId("topic")} className="text-sm text-muted">Choisissez ce qui vous semble le plus concerné.</p>
          <div className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {CORRECTION_TOPICS.map((topic) => (
              <div key={topic} className="flex items-start gap-2">
                <input
                  id={`${fieldId("topic")}-${topic}`}
                  type="radio"
                  name="topic"
                  value={topic}
                  defaultChecked={v.topic === topic}
                  className="mt-1 h-4 w-4 accent-brand"
                />
                <label htmlFor={`${fieldId("topic")}-${topic}`}>{correctionTopicLabels[topic]}</label>
              </div>
            ))}
          </div>
          <FieldMessage path="topic" error={e.topic} />
        </fieldset>
        <TextArea name="correction" label={L.correction} required rows={5} defaultValue={v.correction} error={e.correction}
          hint="La valeur juste (une date, un montant, un lien…) ou ce qui est inexact, en quelques phrases (10 caractères au moins)." />
        <TextField name="sourceUrl" label={L.sourceUrl} type="url" inputMode="url" defaultValue={v.sourceUrl} error={e.sourceUrl}
          hint="Facultatif : la page où vous avez lu la bonne information (https://…)." />
      </FormSection>
      <ConsentAndContact values={v} errors={e} labels={L} />
      <Honeypot />
      <SubmitButton pendingLabel="Envoi…">Envoyer le signalement</SubmitButton>
    </form>
  );
}
