"use client";

import { submitFundingRecordForm } from "@/lib/actions/funding-records";
import { funderTypes } from "@/lib/codes";
import { FUNDING_KINDS, fundingKindLabels } from "@/lib/validation/admin-funding-record";
import { fundingRecordFieldLabel, type FundingRecordFormValues } from "@/lib/validation/admin-funding-record-form";
import { EntityForm, type EntryInfo } from "../entity-form";
import { Checkbox, FormSection, SelectField, TextArea, TextField } from "../fields";
import { RepeatableList } from "../repeatable-list";
import { SubmitButton } from "../submit-button";
import { TerritoryMultiPicker } from "../territory-multi-picker";

const FIELD_ORDER = [
  "label", "slug", "kind", "yearStart", "yearEnd", "amount", "amountLow", "amountHigh", "partOf", "overlapsOthers", "note",
  "programme", "funder", "funderLabel", "funderType", "territory", "territoryLabel", "sourceUrls", "retrievedAt",
] as const;
const rowLabel = (path: string) => (/\.\d+/.test(path) ? fundingRecordFieldLabel(path) : null);
const kindOptions = FUNDING_KINDS.map((value) => ({ value, label: fundingKindLabels[value] }));
const typeOptions = funderTypes.codes.map((value) => ({ value, label: funderTypes.labels[value] }));

export interface ChoiceOption {
  value: string;
  label: string;
}

/** The funding record's create (entry null) and edit form: every field of fundingRecordInputSchema. */
export function FundingRecordForm({
  initialValues, initialVersion, initialNotice, entry, territoryName, programmes, funders, parents,
}: {
  initialValues: FundingRecordFormValues;
  initialVersion: number | null;
  initialNotice?: string | null;
  entry: EntryInfo | null;
  territoryName: string | null;
  programmes: ChoiceOption[];
  funders: ChoiceOption[];
  /** The records this one may be a part of. */
  parents: ChoiceOption[];
}) {
  const href = entry ? `/admin/effort/${entry.slug}` : null;
  return (
    <EntityForm
      action={submitFundingRecordForm}
      initialValues={initialValues}
      initialVersion={initialVersion}
      initialNotice={initialNotice}
      entry={entry}
      editHref={href}
      historyHref={href && `${href}/historique`}
      publicHref={entry?.status === "published" ? `/effort-financier#montant-${entry.slug}` : null}
      createLabel="Créer le brouillon"
      fieldOrder={FIELD_ORDER}
      groups={["territory"]}
      rowLabel={rowLabel}
    >
      {(v, e) => (
        <div className="space-y-6">
          <FormSection id="montant" title="Le montant">
            <TextField name="label" label="Intitulé" required hint="Ce que le montant finance, tel que les sources le décrivent." defaultValue={v.label} error={e.label} maxLength={300} />
            <TextField
              name="slug"
              label="Identifiant (slug)"
              hint={entry ? "Le changer change l'ancre du montant sur la page publique." : "Laissez vide pour le déduire de l'intitulé. Minuscules, chiffres et tirets."}
              defaultValue={v.slug}
              error={e.slug}
            />
            <SelectField
              name="kind"
              label="Nature du montant"
              required
              hint="Un montant prévu (loi de finances, budget voté) n'est jamais additionné aux montants engagés ou dépensés."
              options={kindOptions}
              defaultValue={v.kind}
              error={e.kind}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField name="yearStart" label="Première année" required inputMode="numeric" hint="Par exemple 2021." defaultValue={v.yearStart} error={e.yearStart} maxLength={4} />
              <TextField
                name="yearEnd"
                label="Dernière année"
                required
                inputMode="numeric"
                hint="La même pour une seule année ; sur plusieurs années, le montant est montré comme une période, jamais réparti."
                defaultValue={v.yearEnd}
                error={e.yearEnd}
                maxLength={4}
              />
            </div>
            <TextField
              name="amount"
              label="Montant (en euros)"
              inputMode="decimal"
              hint="Quand les sources concordent. Par exemple « 1 500 000 » ou « 12 500,50 ». Laissez vide et remplissez la fourchette si elles divergent."
              defaultValue={v.amount}
              error={e.amount}
            />
            <fieldset>
              <legend className="font-semibold">Fourchette, quand les sources divergent</legend>
              <p className="text-sm text-muted">Le plus bas et le plus haut des chiffres donnés par les sources ; la page publique dit qu&apos;elles divergent.</p>
              <div className="mt-2 grid gap-5 sm:grid-cols-2">
                <TextField name="amountLow" label="Montant le plus bas (en euros)" inputMode="decimal" defaultValue={v.amountLow} error={e.amountLow} />
                <TextField name="amountHigh" label="Montant le plus haut (en euros)" inputMode="decimal" defaultValue={v.amountHigh} error={e.amountHigh} />
              </div>
            </fieldset>
            <SelectField
              name="partOf"
              label="Part d'un autre montant (« dont »)"
              hint="Une ventilation d'un montant plus large : montrée sous celui-ci, jamais additionnée une seconde fois."
              options={parents}
              emptyLabel="— Aucun : un montant à part entière —"
              defaultValue={v.partOf}
              error={e.partOf}
            />
            <Checkbox
              name="overlapsOthers"
              label="Recoupe d'autres montants"
              hint="Un total (par exemple cinq ans de dépenses de l'État) qui contient d'autres montants déjà saisis : montré, jamais additionné."
              defaultChecked={v.overlapsOthers}
              error={e.overlapsOthers}
            />
            <TextArea name="note" label="Note" hint="Ce que les sources précisent ou ce sur quoi elles divergent." rows={3} defaultValue={v.note} error={e.note} />
          </FormSection>

          <FormSection
            id="financeur"
            title="Qui finance"
            description="Un programme ou un financeur de l'annuaire ; sinon, le financeur tel que les sources le nomment et son type."
          >
            <SelectField name="programme" label="Programme" options={programmes} emptyLabel="— Aucun programme —" defaultValue={v.programme} error={e.programme} />
            <SelectField name="funder" label="Financeur de l'annuaire" options={funders} emptyLabel="— Aucun financeur —" defaultValue={v.funder} error={e.funder} />
            <TextField
              name="funderLabel"
              label="Financeur (tel que les sources le nomment)"
              hint="Financeurs conjoints, organismes absents de l'annuaire."
              defaultValue={v.funderLabel}
              error={e.funderLabel}
              maxLength={300}
            />
            <SelectField
              name="funderType"
              label="Type de financeur"
              hint="Quand aucun financeur de l'annuaire n'est choisi (sinon, son type fait foi)."
              options={typeOptions}
              emptyLabel="— Choisir un type —"
              defaultValue={v.funderType}
              error={e.funderType}
            />
          </FormSection>

          <FormSection id="territoire" title="Territoire">
            <TerritoryMultiPicker
              name="territory"
              label="Territoire financé"
              hint="Région, département, intercommunalité ou commune ; vide pour un montant national."
              single
              error={e.territory}
              initial={v.territory ? v.territory.split(" ").map((id) => ({ id, name: id === initialValues.territory && territoryName ? territoryName : id, context: id })) : []}
            />
            <TextField
              name="territoryLabel"
              label="Territoire (tel que les sources le nomment)"
              hint="Plusieurs communes, une délégation… quand aucun territoire unique ne correspond exactement."
              defaultValue={v.territoryLabel}
              error={e.territoryLabel}
              maxLength={300}
            />
          </FormSection>

          <FormSection id="sources" title="Sources">
            <RepeatableList
              name="sourceUrls"
              legend="Pages et documents publics qui donnent le montant (une adresse au moins)"
              itemLabel="Source"
              addLabel="Ajouter une source"
              error={e.sourceUrls}
              initial={v.sourceUrls}
              blank={() => ""}
              spareRows={2}
              renderRow={(url, { prefix, label }) => (
                <TextField name={prefix} type="url" label={`${label} : adresse`} defaultValue={url} error={e[prefix]} />
              )}
            />
            <TextField name="retrievedAt" type="date" label="Sources consultées le" defaultValue={v.retrievedAt} error={e.retrievedAt} />
            {entry?.canVerify && (
              <div>
                <TextArea name="verifyNote" label="Note de consultation" hint="Ce qui a été vérifié, et où (gardé dans l'historique)." rows={2} />
                <div className="mt-3">
                  <SubmitButton name="intent" value="verify" variant="secondary" pendingLabel="Enregistrement…">
                    Sources consultées aujourd&apos;hui
                  </SubmitButton>
                </div>
              </div>
            )}
          </FormSection>
        </div>
      )}
    </EntityForm>
  );
}
