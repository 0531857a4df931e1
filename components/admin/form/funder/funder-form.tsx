"use client";

import { submitFunderForm } from "@/lib/actions/funders";
import { funderTypes } from "@/lib/codes";
import type { FunderFormValues } from "@/lib/validation/admin-funder-form";
import { EntityForm, type EntryInfo } from "../entity-form";
import { FormSection, SelectField, TextArea, TextField } from "../fields";
import { SubmitButton } from "../submit-button";
import { TerritoryMultiPicker } from "../territory-multi-picker";

const FIELD_ORDER = ["name", "acronym", "slug", "type", "website", "logoUrl", "description", "territory", "lastVerifiedAt"] as const;
const typeOptions = funderTypes.codes.map((value) => ({ value, label: funderTypes.labels[value] }));

/** The funder's create (entry null) and edit form: every field of funderInputSchema. */
export function FunderForm({
  initialValues, initialVersion, initialNotice, entry, territoryName,
}: {
  initialValues: FunderFormValues;
  initialVersion: number | null;
  initialNotice?: string | null;
  entry: EntryInfo | null;
  /** The stored territory's name (the picker shows it). */
  territoryName: string | null;
}) {
  const href = entry ? `/admin/financeurs/${entry.slug}` : null;
  return (
    <EntityForm
      action={submitFunderForm}
      initialValues={initialValues}
      initialVersion={initialVersion}
      initialNotice={initialNotice}
      entry={entry}
      editHref={href}
      historyHref={href && `${href}/historique`}
      publicHref={entry?.status === "published" ? `/financeurs/${entry.slug}` : null}
      createLabel="Créer le brouillon"
      fieldOrder={FIELD_ORDER}
      groups={["territory"]}
      rowLabel={() => null}
    >
      {(v, e) => (
        <div className="space-y-6">
          <FormSection id="identite" title="Identité">
            <TextField name="name" label="Nom" required defaultValue={v.name} error={e.name} maxLength={200} />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField name="acronym" label="Sigle" hint="Par exemple « ANCT »." defaultValue={v.acronym} error={e.acronym} maxLength={40} />
              <SelectField name="type" label="Type de financeur" required options={typeOptions} emptyLabel="— Choisir un type —" defaultValue={v.type} error={e.type} />
            </div>
            <TextField
              name="slug"
              label="Identifiant (slug)"
              hint={entry ? "Le changer change l'adresse de la page publique." : "Laissez vide pour le déduire du nom. Minuscules, chiffres et tirets."}
              defaultValue={v.slug}
              error={e.slug}
            />
          </FormSection>
          <FormSection id="presentation" title="Présentation">
            <TextField name="website" type="url" label="Site web" hint="Adresse commençant par https://" defaultValue={v.website} error={e.website} />
            <TextField name="logoUrl" type="url" label="Logo (adresse de l'image)" hint="Adresse commençant par https://" defaultValue={v.logoUrl} error={e.logoUrl} />
            <TextArea name="description" label="Description" hint="Markdown accepté (listes, liens)." rows={8} defaultValue={v.description} error={e.description} />
          </FormSection>
          <FormSection id="territoire" title="Territoire">
            <TerritoryMultiPicker
              name="territory"
              label="Territoire du financeur"
              hint="Pour une collectivité ou un acteur local : sa région, son département, son intercommunalité ou sa commune."
              single
              error={e.territory}
              initial={v.territory ? v.territory.split(" ").map((id) => ({ id, name: id === initialValues.territory && territoryName ? territoryName : id, context: id })) : []}
            />
          </FormSection>
          <FormSection id="verification" title="Vérification">
            <TextField name="lastVerifiedAt" type="date" label="Vérifié auprès de la source le" defaultValue={v.lastVerifiedAt} error={e.lastVerifiedAt} />
            {entry?.canVerify && (
              <div>
                <TextArea name="verifyNote" label="Note de vérification" hint="Ce qui a été vérifié, et où (gardé dans l'historique)." rows={2} />
                <div className="mt-3">
                  <SubmitButton name="intent" value="verify" variant="secondary" pendingLabel="Enregistrement…">
                    Vérifié aujourd&apos;hui
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

