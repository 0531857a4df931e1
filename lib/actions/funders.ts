"use server";

import { type FunderForEdit, getFunderForEdit } from "../data/admin/funder-read";
import { createFunder, transitionFunder, updateFunder, verifyFunder } from "../data/admin/funder-write";
import { getSnapshotAtVersion } from "../data/admin/revisions";
import type { FunderSnapshot } from "../validation/admin-funder";
import {
  funderFieldLabel,
  funderFormValues,
  funderFormValuesFromSnapshot,
  funderInputFromValues,
  type FunderFormValues,
} from "../validation/admin-funder-form";
import { conflictChanges } from "./diff-changes";
import { type EntityFormAdapter, handleEntityForm } from "./entity-form";
import { textOf } from "./form-outcome";
import type { FormActionState } from "./form-state";

const funders: EntityFormAdapter<FunderFormValues, FunderSnapshot, FunderForEdit> = {
  adminPath: "/admin/financeurs",
  publicPath: (slug) => `/financeurs/${slug}`,
  noun: "Financeur",
  probeField: "name",
  fromForm: funderFormValues,
  fromSnapshot: funderFormValuesFromSnapshot,
  toInput: funderInputFromValues,
  fieldLabel: funderFieldLabel,
  changes: (before, current) =>
    conflictChanges("funder", before, current.snapshot, {
      territories: current.snapshot.territory && current.territoryName ? { [current.snapshot.territory]: current.territoryName } : {},
    }),
  verifyNote: (_values, form) => textOf(form, "verifyNote"),
  create: createFunder,
  update: updateFunder,
  verify: verifyFunder,
  transition: transitionFunder,
  getForEdit: getFunderForEdit,
  snapshotAt: (actor, slug, version) => getSnapshotAtVersion(actor, { entityType: "funder", slug, version }) as Promise<FunderSnapshot | null>,
};

/** The funder form's action (app/admin/financeurs/nouveau and /[slug]): the flow of lib/actions/entity-form.ts. */
export async function submitFunderForm(previous: FormActionState<FunderFormValues>, form: FormData): Promise<FormActionState<FunderFormValues>> {
  return handleEntityForm(funders, previous, form);
}
