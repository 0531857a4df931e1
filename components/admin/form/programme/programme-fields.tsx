"use client";

import { aidKinds, beneficiaries, confidences, financedItems, recurrences } from "@/lib/codes";
import type { ProgrammeFormValues } from "@/lib/validation/admin-programme-form";
import type { WithDuplicateCandidates } from "@/lib/validation/duplicate-confirmation";
import { Checkbox, CheckboxGroup, FormSection, SelectField, TextArea, TextField } from "../fields";
import { RepeatableList } from "../repeatable-list";
import { TerritoryMultiPicker } from "../territory-multi-picker";
import { SubmitButton } from "../submit-button";
import { DuplicateCandidates } from "./duplicate-candidates";

const options = (define: { labels: Record<string, string>; codes: string[] }) =>
  define.codes.map((value) => ({ value, label: define.labels[value]! }));

export interface FunderOption {
  slug: string;
  name: string;
  acronym: string | null;
}

/** Every field of programmeInputSchema, grouped as a curator reads a programme. */
export function ProgrammeFields({
  values: v, errors: e, funders, territoryNames, mode, canVerify,
}: {
  values: ProgrammeFormValues;
  errors: Record<string, string>;
  funders: FunderOption[];
  territoryNames: Record<string, string>;
  mode: "create" | "edit";
  canVerify: boolean;
}) {
  const funderOptions = funders.map((f) => ({ value: f.slug, label: f.acronym && f.acronym !== f.name ? `${f.name} (${f.acronym})` : f.name }));
  const candidates = mode === "create" ? (v as ProgrammeFormValues & WithDuplicateCandidates).duplicateCandidates : undefined;
  return (
    <div className="space-y-6">
      {candidates && candidates.length > 0 && <DuplicateCandidates candidates={candidates} />}
      <FormSection id="presentation" title="Présentation">
        <TextField name="title" label="Titre" required defaultValue={v.title} error={e.title} maxLength={250} />
        <TextField
          name="slug"
          label="Identifiant (slug)"
          hint={mode === "create" ? "Laissez vide pour le déduire du titre. Minuscules, chiffres et tirets." : "Le changer change l'adresse de la page publique."}
          defaultValue={v.slug}
          error={e.slug}
        />
        <TextArea name="summary" label="Résumé" required hint="Une ou deux phrases, affichées dans les résultats de recherche." rows={3} defaultValue={v.summary} error={e.summary} />
        <TextArea name="description" label="Description" required hint="Markdown accepté (titres, listes, liens)." rows={10} defaultValue={v.description} error={e.description} />
      </FormSection>

      <FormSection id="financeurs" title="Financeurs">
        <SelectField name="funder" label="Financeur principal" required options={funderOptions} emptyLabel="— Choisir un financeur —" defaultValue={v.funder} error={e.funder} />
        <RepeatableList
          name="coFunders"
          legend="Cofinanceurs"
          itemLabel="Cofinanceur"
          addLabel="Ajouter un cofinanceur"
          error={e.coFunders}
          initial={v.coFunders}
          blank={() => ""}
          spareRows={2}
          renderRow={(slug, { prefix, label }) => (
            <SelectField name={prefix} label={label} options={funderOptions} emptyLabel="— Aucun —" defaultValue={slug} error={e[prefix]} />
          )}
        />
        <TextArea name="funderNote" label="Précision sur les financeurs" hint="Co-opérations, délégations, tels que les sources les nomment." rows={2} defaultValue={v.funderNote} error={e.funderNote} />
      </FormSection>

      <FormSection id="objet" title="Ce qui est financé et pour qui">
        <CheckboxGroup name="aidKinds" legend="Nature de l'aide" required options={options(aidKinds)} checked={v.aidKinds} error={e.aidKinds} />
        <CheckboxGroup name="financed" legend="Ce qui est financé" options={options(financedItems)} checked={v.financed} error={e.financed} />
        <CheckboxGroup name="beneficiaries" legend="Bénéficiaires" options={options(beneficiaries)} checked={v.beneficiaries} error={e.beneficiaries} />
      </FormSection>

      <FormSection id="eligibilite" title="Critères d'éligibilité">
        <RepeatableList
          name="eligibility"
          legend="Critères, dans l'ordre où les lire"
          itemLabel="Critère"
          addLabel="Ajouter un critère"
          error={e.eligibility}
          initial={v.eligibility}
          blank={() => ""}
          spareRows={3}
          renderRow={(text, { prefix, label }) => <TextArea name={prefix} label={label} rows={2} defaultValue={text} error={e[prefix]} />}
        />
      </FormSection>

      <FormSection id="territoires" title="Territoires">
        <Checkbox name="isNational" label="Programme national (ouvert sur tout le territoire)" defaultChecked={v.isNational} error={e.isNational} />
        <TerritoryMultiPicker
          name="territories"
          label="Territoires couverts"
          hint="Si le programme n'est pas national : régions, départements, intercommunalités ou communes. Nom, code postal ou code INSEE."
          error={e.territories}
          initial={v.territories.map((id) => ({ id, name: territoryNames[id] ?? id, context: territoryNames[id] ? id : "" }))}
        />
        <TextArea name="coverageNote" label="Précision sur la couverture" rows={2} defaultValue={v.coverageNote} error={e.coverageNote} />
      </FormSection>

      <FormSection id="montants" title="Montants" description="En euros ; « 1 500 000 » ou « 12,5 » sont compris.">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="amountTotal" label="Enveloppe totale" inputMode="decimal" defaultValue={v.amountTotal} error={e.amountTotal} />
          <TextField name="fundingRateMax" label="Taux de financement maximal (%)" inputMode="decimal" defaultValue={v.fundingRateMax} error={e.fundingRateMax} />
          <TextField name="amountMin" label="Montant minimal par projet" inputMode="decimal" defaultValue={v.amountMin} error={e.amountMin} />
          <TextField name="amountMax" label="Montant maximal par projet" inputMode="decimal" defaultValue={v.amountMax} error={e.amountMax} />
          <TextField name="currency" label="Devise" hint="Code ISO à trois lettres." defaultValue={v.currency} error={e.currency} maxLength={3} />
        </div>
        <TextArea name="amountNote" label="Précision sur les montants" rows={2} defaultValue={v.amountNote} error={e.amountNote} />
      </FormSection>

      <FormSection id="calendrier" title="Calendrier et sessions">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField name="opensAt" type="date" label="Date d'ouverture" defaultValue={v.opensAt} error={e.opensAt} />
          <TextField name="closesAt" type="date" label="Date de clôture" defaultValue={v.closesAt} error={e.closesAt} />
          <SelectField name="recurrence" label="Récurrence" options={options(recurrences)} emptyLabel="— Non précisée —" defaultValue={v.recurrence} error={e.recurrence} />
        </div>
        <Checkbox name="isClosed" label="Déclaré clos" hint="Même sans date de clôture connue." defaultChecked={v.isClosed} error={e.isClosed} />
        <RepeatableList
          name="rounds"
          legend="Sessions (vagues, relèves)"
          itemLabel="Session"
          addLabel="Ajouter une session"
          error={e.rounds}
          initial={v.rounds}
          blank={() => ({ label: "", opensAt: "", closesAt: "" })}
          spareRows={2}
          renderRow={(r, { prefix, label }) => (
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField name={`${prefix}.label`} label={`${label} : intitulé`} defaultValue={r.label} error={e[`${prefix}.label`]} />
              <TextField name={`${prefix}.opensAt`} type="date" label="Ouverture" defaultValue={r.opensAt} error={e[`${prefix}.opensAt`]} />
              <TextField name={`${prefix}.closesAt`} type="date" label="Clôture" defaultValue={r.closesAt} error={e[`${prefix}.closesAt`]} />
            </div>
          )}
        />
        <TextArea name="calendarNote" label="Précision sur le calendrier" rows={2} defaultValue={v.calendarNote} error={e.calendarNote} />
      </FormSection>

      <FormSection id="candidature" title="Candidature et contact">
        <TextField name="applicationUrl" type="url" label="Lien pour candidater" hint="Adresse commençant par https://" defaultValue={v.applicationUrl} error={e.applicationUrl} />
        <TextArea name="contact" label="Contact" hint="Service, adresse e-mail ou téléphone publics." rows={2} defaultValue={v.contact} error={e.contact} />
      </FormSection>

      <FormSection id="sources" title="Sources">
        <RepeatableList
          name="sources"
          legend="Pages et documents publics qui fondent la fiche"
          itemLabel="Source"
          addLabel="Ajouter une source"
          error={e.sources}
          initial={v.sources}
          blank={() => ({ url: "", title: "", retrievedAt: "" })}
          spareRows={2}
          renderRow={(s, { prefix, label }) => (
            <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr]">
              <TextField name={`${prefix}.url`} type="url" label={`${label} : adresse`} defaultValue={s.url} error={e[`${prefix}.url`]} />
              <TextField name={`${prefix}.title`} label="Titre" defaultValue={s.title} error={e[`${prefix}.title`]} />
              <TextField name={`${prefix}.retrievedAt`} type="date" label="Consultée le" defaultValue={s.retrievedAt} error={e[`${prefix}.retrievedAt`]} />
            </div>
          )}
        />
      </FormSection>

      <FormSection id="verification" title="Vérification">
        <SelectField
          name="confidence"
          label="Fiabilité des informations"
          options={options(confidences).map((o) => ({ ...o, label: o.label[0]!.toUpperCase() + o.label.slice(1) }))}
          emptyLabel="— Non évaluée —"
          defaultValue={v.confidence}
          error={e.confidence}
        />
        <TextField name="lastVerifiedAt" type="date" label="Vérifié auprès de la source le" defaultValue={v.lastVerifiedAt} error={e.lastVerifiedAt} />
        <TextArea name="verificationNote" label="Note de vérification" hint="Ce qui a été vérifié, et où." rows={2} defaultValue={v.verificationNote} error={e.verificationNote} />
        {mode === "edit" && canVerify && (
          <div>
            <SubmitButton name="intent" value="verify" variant="secondary" pendingLabel="Enregistrement…">
              Vérifié aujourd&apos;hui
            </SubmitButton>
            <p className="mt-1 text-sm text-muted">Date du jour et note ci-dessus (les autres modifications sont enregistrées avec).</p>
          </div>
        )}
      </FormSection>
    </div>
  );
}
