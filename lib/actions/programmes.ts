"use server";

import { requireActor } from "../auth/guard";
import { findSimilarProgrammesFor, toCandidateView } from "../data/admin/duplicates";
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
import { CONFIRM_DUPLICATE_FIELD, confirmDuplicateSchema, type WithDuplicateCandidates } from "../validation/duplicate-confirmation";
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
 *
 * A creation first looks for possible duplicates (lib/data/admin/duplicates.ts: similar title at
 * the same funder, same application link or source). When there are some and the person has not
 * confirmed, nothing is created: the form comes back with the values typed, an error on the title
 * and the candidates (`values.duplicateCandidates`), each with a link to open it, and the button
 * « Ce n'est pas un doublon, créer quand même » (`confirmDuplicate=on`).
 */
export async function submitProgrammeForm(
  previous: FormActionState<ProgrammeFormValues>,
  form: FormData,
): Promise<FormActionState<ProgrammeFormValues>> {
  if (!form.get("originalSlug")) {
    const actor = await requireActor();
    const { confirmDuplicate } = confirmDuplicateSchema.catch({ confirmDuplicate: false }).parse({
      confirmDuplicate: form.get(CONFIRM_DUPLICATE_FIELD) ?? undefined,
    });
    if (!confirmDuplicate) {
      const values = programmeFormValues(form);
      const candidates = values.title.trim()
        ? await findSimilarProgrammesFor(actor, {
            title: values.title,
            funderSlug: values.funder,
            applicationUrl: values.applicationUrl,
            sourceUrls: values.sources.map((s) => s.url),
          })
        : [];
      if (candidates.length > 0) {
        const withCandidates: ProgrammeFormValues & WithDuplicateCandidates = {
          ...values,
          duplicateCandidates: candidates.map((c) => toCandidateView(actor, c)),
        };
        const message =
          candidates.length > 1
            ? `Titre : ${candidates.length} programmes semblables existent déjà. Ouvrez celui qui correspond, ou confirmez que ce n'est pas un doublon.`
            : "Titre : un programme semblable existe déjà. Ouvrez-le s'il correspond, ou confirmez que ce n'est pas un doublon.";
        return { ok: false, attempt: previous.attempt + 1, values: withCandidates, version: null, fieldErrors: { title: message } };
      }
    }
  }
  return handleEntityForm(programmes, previous, form);
}
