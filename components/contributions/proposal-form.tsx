"use client";

import { useActionState } from "react";
import { CheckboxGroup, FormSection, TextArea, TextField } from "@/components/admin/form/fields";
import { SubmitButton } from "@/components/admin/form/submit-button";
import { describedBy, fieldId, hintId } from "@/components/admin/form/field-ids";
import { FieldMessage } from "@/components/admin/form/fields";
import type { ContributionFormState } from "@/lib/actions/contributions-state";
import { initialContributionState } from "@/lib/actions/contributions-state";
import { beneficiaries, financedItems } from "@/lib/codes";
import { emptyProposalValues, proposalLabels as L, type ProposalValues } from "@/lib/validation/contribution";
import { FormAnswer, errorsByField } from "./form-answer";
import { Honeypot } from "./honeypot";
import { ConsentAndContact } from "./proposer-fields";
import { ThankYou } from "./thank-you";

type Action = (state: ContributionFormState<ProposalValues>, form: FormData) => Promise<ContributionFormState<ProposalValues>>;

const ORDER = Object.keys(L);
const GROUPS = ["beneficiaries", "financed"];
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** /proposer: a programme proposed by anyone. A plain form posting to a server action: it works without JavaScript. */
export function ProposalForm({ action, funderNames }: { action: Action; funderNames: string[] }) {
  const [state, formAction] = useActionState(action, initialContributionState(emptyProposalValues));
  if (state.sent) {
    return (
      <ThankYou title="Merci ! Votre proposition sera relue par l'équipe." back={{ href: "/financements", label: "Retour aux financements" }}>
        <p>
          Une personne de l&apos;équipe vérifiera les informations auprès de la source avant de publier une fiche. Elle
          pourra vous écrire à l&apos;adresse indiquée si une précision manque ; cette adresse n&apos;est jamais publiée.
        </p>
        <p>Vous pouvez proposer un autre financement en rechargeant cette page.</p>
      </ThankYou>
    );
  }
  const v = state.values;
  const e = errorsByField(state.fieldErrors, ORDER, GROUPS);
  return (
    <form action={formAction} noValidate key={state.attempt} className="relative mt-6 space-y-8">
      <FormAnswer fieldErrors={state.fieldErrors} message={state.message} attempt={state.attempt} order={ORDER} groups={GROUPS} />
      <p className="text-sm text-muted">
        Les champs marqués d&apos;un astérisque (<span className="text-accent">*</span>) sont obligatoires.
      </p>
      <FormSection id="le-financement" title="Le financement">
        <TextField name="title" label={L.title} required defaultValue={v.title} error={e.title} maxLength={250}
          hint="Tel que le financeur l'écrit, par exemple « Appel à projets Inclusion numérique 2027 »." />
        <div>
          <label htmlFor={fieldId("funderName")} className="block font-semibold">
            {L.funderName}
            <span className="text-accent"> *<span className="sr-only"> (obligatoire)</span></span>
          </label>
          <p id={hintId("funderName")} className="text-sm text-muted">
            L&apos;organisme qui finance : une collectivité, une fondation, un opérateur de l&apos;État… Des noms de
            l&apos;annuaire vous sont suggérés ; vous pouvez en écrire un autre.
          </p>
          <input
            id={fieldId("funderName")}
            name="funderName"
            type="text"
            list="financeurs-connus"
            autoComplete="organization"
            maxLength={300}
            defaultValue={v.funderName}
            aria-invalid={e.funderName ? true : undefined}
            aria-describedby={describedBy("funderName", { hint: true, error: e.funderName })}
            className={`mt-1 w-full rounded-t border-b-2 bg-surface px-3 py-2 ${e.funderName ? "border-accent" : "border-ink"}`}
          />
          <datalist id="financeurs-connus">
            {funderNames.map((name) => <option key={name} value={name} />)}
          </datalist>
          <FieldMessage path="funderName" error={e.funderName} />
        </div>
        <TextField name="applicationUrl" label={L.applicationUrl} type="url" inputMode="url" required defaultValue={v.applicationUrl}
          error={e.applicationUrl} hint="La page du financeur qui présente l'appel ou permet de candidater (https://…)." />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="opensAt" label={L.opensAt} type="date" defaultValue={v.opensAt} error={e.opensAt} hint="Facultatif." />
          <TextField name="closesAt" label={L.closesAt} type="date" defaultValue={v.closesAt} error={e.closesAt} hint="Facultatif : la date limite de dépôt." />
        </div>
        <CheckboxGroup name="beneficiaries" legend={L.beneficiaries} required options={options(beneficiaries.labels)}
          checked={v.beneficiaries} error={e.beneficiaries} hint="Cochez toutes les catégories de structures qui peuvent déposer un dossier." />
        <CheckboxGroup name="financed" legend={L.financed} options={options(financedItems.labels)} checked={v.financed}
          error={e.financed} hint="Facultatif." />
        <TextField name="territory" label={L.territory} defaultValue={v.territory} error={e.territory} maxLength={300}
          hint="Facultatif : « toute la France », une région, un département, une commune…" />
        <TextArea name="description" label={L.description} required rows={6} defaultValue={v.description} error={e.description}
          hint="Ce que l'appel finance, pour qui, comment candidater ; tout ce qui aide l'équipe à vérifier (20 caractères au moins)." />
      </FormSection>
      <ConsentAndContact values={v} errors={e} labels={L} />
      <Honeypot />
      <SubmitButton pendingLabel="Envoi…">Envoyer la proposition</SubmitButton>
    </form>
  );
}
