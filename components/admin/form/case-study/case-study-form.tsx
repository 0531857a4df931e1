"use client";

import { submitCaseStudyForm } from "@/lib/actions/case-studies";
import { caseStudyFieldLabel, type CaseStudyFormValues } from "@/lib/validation/admin-case-study-form";
import { EntityForm, type EntryInfo } from "../entity-form";
import { FormSection, SelectField, TextArea, TextField } from "../fields";
import { RepeatableList } from "../repeatable-list";
import { TerritoryMultiPicker } from "../territory-multi-picker";

const FIELD_ORDER = ["title", "slug", "summary", "body", "territory", "programmes", "funders", "sourceUrls"] as const;
const rowLabel = (path: string) => (/\.\d+/.test(path) ? caseStudyFieldLabel(path) : null);

export interface ChoiceOption {
  value: string;
  label: string;
}

/** The case study's create (entry null) and edit form: every field of caseStudyInputSchema. */
export function CaseStudyForm({
  initialValues, initialVersion, initialNotice, entry, territoryName, programmes, funders,
}: {
  initialValues: CaseStudyFormValues;
  initialVersion: number | null;
  initialNotice?: string | null;
  entry: EntryInfo | null;
  territoryName: string | null;
  programmes: ChoiceOption[];
  funders: ChoiceOption[];
}) {
  const href = entry ? `/admin/retours-d-experience/${entry.slug}` : null;
  return (
    <EntityForm
      action={submitCaseStudyForm}
      initialValues={initialValues}
      initialVersion={initialVersion}
      initialNotice={initialNotice}
      entry={entry}
      editHref={href}
      historyHref={href && `${href}/historique`}
      publicHref={entry?.status === "published" ? `/retours-d-experience/${entry.slug}` : null}
      createLabel="Créer le brouillon"
      fieldOrder={FIELD_ORDER}
      groups={["territory"]}
      rowLabel={rowLabel}
    >
      {(v, e) => (
        <div className="space-y-6">
          <FormSection id="recit" title="Le récit">
            <TextField name="title" label="Titre" required defaultValue={v.title} error={e.title} maxLength={200} />
            <TextField
              name="slug"
              label="Identifiant (slug)"
              hint={entry ? "Le changer change l'adresse de la page publique." : "Laissez vide pour le déduire du titre. Minuscules, chiffres et tirets."}
              defaultValue={v.slug}
              error={e.slug}
            />
            <TextArea name="summary" label="Résumé" required hint="Deux ou trois phrases, affichées dans la liste des retours d'expérience." rows={3} defaultValue={v.summary} error={e.summary} />
            <TextArea
              name="body"
              label="Récit"
              required
              hint="Markdown : titres (##), listes, liens. Le HTML est retiré à l'affichage."
              rows={16}
              defaultValue={v.body}
              error={e.body}
            />
          </FormSection>

          <FormSection id="territoire" title="Territoire">
            <TerritoryMultiPicker
              name="territory"
              label="Territoire du retour d'expérience"
              hint="Région, département, intercommunalité ou commune ; vide pour une démarche nationale."
              single
              error={e.territory}
              initial={v.territory ? v.territory.split(" ").map((id) => ({ id, name: id === initialValues.territory && territoryName ? territoryName : id, context: id })) : []}
            />
          </FormSection>

          <FormSection
            id="liens"
            title="Programmes et financeurs de l'annuaire"
            description="Leurs pages publiques renvoient à ce retour d'expérience, et il renvoie à elles (seules les fiches publiées sont montrées)."
          >
            <RepeatableList
              name="programmes"
              legend="Programmes sur lesquels il s'appuie"
              itemLabel="Programme"
              addLabel="Ajouter un programme"
              error={e.programmes}
              initial={v.programmes}
              blank={() => ""}
              spareRows={2}
              renderRow={(slug, { prefix, label }) => (
                <SelectField name={prefix} label={label} options={programmes} emptyLabel="— Aucun —" defaultValue={slug} error={e[prefix]} />
              )}
            />
            <RepeatableList
              name="funders"
              legend="Financeurs qu'il mobilise"
              itemLabel="Financeur"
              addLabel="Ajouter un financeur"
              error={e.funders}
              initial={v.funders}
              blank={() => ""}
              spareRows={2}
              renderRow={(slug, { prefix, label }) => (
                <SelectField name={prefix} label={label} options={funders} emptyLabel="— Aucun —" defaultValue={slug} error={e[prefix]} />
              )}
            />
          </FormSection>

          <FormSection id="sources" title="Sources">
            <RepeatableList
              name="sourceUrls"
              legend="Pages et documents publics qui fondent le récit (une adresse au moins)"
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
          </FormSection>
        </div>
      )}
    </EntityForm>
  );
}
