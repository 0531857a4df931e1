"use server";

import { getProgrammeForEdit, type ProgrammeForEdit } from "../data/admin/programme-read";
import { createProgramme, transitionProgramme, updateProgramme, verifyProgramme } from "../data/admin/programme-write";
import { getSnapshotAtVersion } from "../data/admin/revisions";
import type { ProgrammeSnapshot } from "../validation/admin-programme";
import {
  programmeFieldLabel,
  programmeFormValues,
  programmeFormValuesFromSnapshot,
  programmeInputFromValues,
  type ProgrammeFormValues,
} from "../validation/admin-programme-form";
import { conflictChanges } from "./diff-changes";
import { type EntityFormAdapter, handleEntityForm } from "./entity-form";
import type { FormActionState } from "./form-state";

const programmes: EntityFormAdapter<ProgrammeFormValues, ProgrammeSnapshot, ProgrammeForEdit> = {
  adminPath: "/admin/programmes",
  publicPath: (slug) => `/financements/${slug}`,
  noun: "Programme",
  probeField: "title",
  fromForm: programmeFormValues,
  fromSnapshot: programmeFormValuesFromSnapshot,
  toInput: programmeInputFromValues,
  fieldLabel: programmeFieldLabel,
  changes: (before, current) => conflictChanges("programme", before, current.snapshot, current.names),
  verifyNote: (values) => values.verificationNote.trim() || null,
  create: createProgramme,
  update: updateProgramme,
  verify: verifyProgramme,
  transition: transitionProgramme,
  getForEdit: getProgrammeForEdit,
  snapshotAt: (actor, slug, version) =>
    getSnapshotAtVersion(actor, { entityType: "programme", slug, version }) as Promise<ProgrammeSnapshot | null>,
};

/**
 * The programme form's action (app/admin/programmes/nouveau and /[slug]): the shared flow of
 * lib/actions/entity-form.ts over the programme services of lib/data/admin/programme-write.ts.
 */
export async function submitProgrammeForm(
  previous: FormActionState<ProgrammeFormValues>,
  form: FormData,
): Promise<FormActionState<ProgrammeFormValues>> {
  return handleEntityForm(programmes, previous, form);
}
