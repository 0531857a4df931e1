"use client";

import { submitProgrammeForm } from "@/lib/actions/programmes";
import { programmeFieldLabel, type ProgrammeFormValues } from "@/lib/validation/admin-programme-form";
import { EntityForm, type EntryInfo } from "../entity-form";
import { type FunderOption, ProgrammeFields } from "./programme-fields";

/** The order of the fields in the form (the error summary lists them so). */
const FIELD_ORDER = [
  "title", "slug", "summary", "description", "funder", "coFunders", "funderNote", "aidKinds", "financed", "beneficiaries",
  "eligibility", "isNational", "territories", "coverageNote", "amountTotal", "fundingRateMax", "amountMin", "amountMax",
  "currency", "amountNote", "opensAt", "closesAt", "recurrence", "isClosed", "rounds", "calendarNote", "applicationUrl",
  "contact", "sources", "confidence", "lastVerifiedAt", "verificationNote",
] as const;
const GROUPS = ["aidKinds", "financed", "beneficiaries", "territories"] as const;
const rowLabel = (path: string) => (/\.\d+/.test(path) ? programmeFieldLabel(path) : null);

/** The programme's create (entry null) and edit form. */
export function ProgrammeForm({
  initialValues, initialVersion, initialNotice, entry, funders, territoryNames,
}: {
  initialValues: ProgrammeFormValues;
  initialVersion: number | null;
  initialNotice?: string | null;
  entry: EntryInfo | null;
  funders: FunderOption[];
  territoryNames: Record<string, string>;
}) {
  const href = entry ? `/admin/programmes/${entry.slug}` : null;
  return (
    <EntityForm
      action={submitProgrammeForm}
      initialValues={initialValues}
      initialVersion={initialVersion}
      initialNotice={initialNotice}
      entry={entry}
      editHref={href}
      historyHref={href && `${href}/historique`}
      publicHref={entry?.status === "published" ? `/financements/${entry.slug}` : null}
      createLabel="Créer le brouillon"
      fieldOrder={FIELD_ORDER}
      groups={GROUPS}
      rowLabel={rowLabel}
    >
      {(values, errors) => (
        <ProgrammeFields
          values={values}
          errors={errors}
          funders={funders}
          territoryNames={territoryNames}
          mode={entry ? "edit" : "create"}
          canVerify={entry?.canVerify ?? false}
        />
      )}
    </EntityForm>
  );
}
