"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { type FundingRecordForEdit, getFundingRecordForEdit } from "../data/admin/funding-record-read";
import {
  createFundingRecord,
  transitionFundingRecord,
  updateFundingRecord,
  verifyFundingRecord,
} from "../data/admin/funding-record-write";
import { getSnapshotAtVersion } from "../data/admin/revisions";
import type { FundingRecordSnapshot } from "../validation/admin-funding-record";
import {
  fundingRecordFieldLabel,
  fundingRecordFormValues,
  fundingRecordFormValuesFromSnapshot,
  type FundingRecordFormValues,
  fundingRecordInputFromValues,
} from "../validation/admin-funding-record-form";
import { conflictChanges } from "./diff-changes";
import { type EntityFormAdapter, handleEntityForm } from "./entity-form";
import { textOf } from "./form-outcome";
import type { FormActionState } from "./form-state";

const records: EntityFormAdapter<FundingRecordFormValues, FundingRecordSnapshot, FundingRecordForEdit> = {
  adminPath: "/admin/effort",
  // One public page lists every record (each with its anchor).
  publicPath: () => "/effort-financier",
  noun: "Montant",
  probeField: "label",
  fromForm: fundingRecordFormValues,
  fromSnapshot: fundingRecordFormValuesFromSnapshot,
  toInput: fundingRecordInputFromValues,
  fieldLabel: fundingRecordFieldLabel,
  changes: (before, current) =>
    conflictChanges("funding-record", before, current.snapshot, {
      territories: current.snapshot.territory && current.territoryName ? { [current.snapshot.territory]: current.territoryName } : {},
    }),
  verifyNote: (_values, form) => textOf(form, "verifyNote"),
  create: createFundingRecord,
  update: updateFundingRecord,
  verify: verifyFundingRecord,
  transition: transitionFundingRecord,
  getForEdit: getFundingRecordForEdit,
  snapshotAt: (actor, slug, version) =>
    getSnapshotAtVersion(actor, { entityType: "funding-record", slug, version }) as Promise<FundingRecordSnapshot | null>,
};

/**
 * The funding record form's action (app/admin/effort/nouveau and /[slug]): the flow of
 * lib/actions/entity-form.ts; the pages that show the sums (the observatory, the home page's
 * headline) are revalidated whatever the outcome, redirects included.
 */
export async function submitFundingRecordForm(
  previous: FormActionState<FundingRecordFormValues>,
  form: FormData,
): Promise<FormActionState<FundingRecordFormValues>> {
  // Signed out or disabled: to /connexion before anything is revalidated.
  await requireActor();
  try {
    return await handleEntityForm(records, previous, form);
  } finally {
    revalidatePath("/effort-financier");
    revalidatePath("/");
  }
}
