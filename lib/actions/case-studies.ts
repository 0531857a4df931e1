"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { type CaseStudyForEdit, getCaseStudyForEdit } from "../data/admin/case-study-read";
import { createCaseStudy, transitionCaseStudy, updateCaseStudy, verifyCaseStudy } from "../data/admin/case-study-write";
import { getSnapshotAtVersion } from "../data/admin/revisions";
import type { CaseStudySnapshot } from "../validation/admin-case-study";
import {
  caseStudyFieldLabel,
  caseStudyFormValues,
  caseStudyFormValuesFromSnapshot,
  type CaseStudyFormValues,
  caseStudyInputFromValues,
} from "../validation/admin-case-study-form";
import { conflictChanges } from "./diff-changes";
import { type EntityFormAdapter, handleEntityForm } from "./entity-form";
import type { FormActionState } from "./form-state";

const caseStudies: EntityFormAdapter<CaseStudyFormValues, CaseStudySnapshot, CaseStudyForEdit> = {
  adminPath: "/admin/retours-d-experience",
  publicPath: (slug) => `/retours-d-experience/${slug}`,
  noun: "Retour d'expérience",
  probeField: "title",
  fromForm: caseStudyFormValues,
  fromSnapshot: caseStudyFormValuesFromSnapshot,
  toInput: caseStudyInputFromValues,
  fieldLabel: caseStudyFieldLabel,
  changes: (before, current) =>
    conflictChanges("case-study", before, current.snapshot, {
      territories: current.snapshot.territory && current.territoryName ? { [current.snapshot.territory]: current.territoryName } : {},
    }),
  verifyNote: () => null,
  create: createCaseStudy,
  update: updateCaseStudy,
  verify: verifyCaseStudy,
  transition: transitionCaseStudy,
  getForEdit: getCaseStudyForEdit,
  snapshotAt: (actor, slug, version) => getSnapshotAtVersion(actor, { entityType: "case-study", slug, version }) as Promise<CaseStudySnapshot | null>,
};

/**
 * The case study form's action (app/admin/retours-d-experience/nouveau and /[slug]); the list and
 * the pages of the programmes and funders it names (« retours d'expérience » both ways) are
 * revalidated whatever the outcome.
 */
export async function submitCaseStudyForm(previous: FormActionState<CaseStudyFormValues>, form: FormData): Promise<FormActionState<CaseStudyFormValues>> {
  // Signed out or disabled: to /connexion before anything is revalidated.
  await requireActor();
  try {
    return await handleEntityForm(caseStudies, previous, form);
  } finally {
    revalidatePath("/retours-d-experience");
    revalidatePath("/financements/[slug]", "page");
    revalidatePath("/financeurs/[slug]", "page");
  }
}
