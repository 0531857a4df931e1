import "server-only";
import { fromEnumKey, toEnumKey } from "../../codes";
import type { Prisma } from "../../generated/prisma/client";
import { parisStartOfDay, toParisIsoDate } from "../../paris-time";
import type { FundingRecordInput, FundingRecordSnapshot } from "../../validation/admin-funding-record";

/**
 * A funding record row ⇄ its snapshot (lib/validation/admin-funding-record.ts), keys in the order of
 * fundingRecordFieldLabels: the programme, funder and « dont » parent by slug, amounts as numbers.
 */

export const fundingRecordSnapshotSelect = {
  id: true,
  slug: true,
  status: true,
  label: true,
  kind: true,
  yearStart: true,
  yearEnd: true,
  amount: true,
  amountLow: true,
  amountHigh: true,
  note: true,
  programme: { select: { slug: true } },
  funder: { select: { slug: true } },
  funderLabel: true,
  funderType: true,
  territoryId: true,
  territoryLabel: true,
  partOf: { select: { slug: true } },
  overlapsOthers: true,
  sourceUrls: true,
  retrievedAt: true,
  version: true,
} satisfies Prisma.FundingRecordSelect;

export type FundingRecordSnapshotRow = Prisma.FundingRecordGetPayload<{ select: typeof fundingRecordSnapshotSelect }>;

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

export function toFundingRecordSnapshot(r: FundingRecordSnapshotRow): FundingRecordSnapshot {
  return {
    slug: r.slug,
    status: r.status,
    label: r.label,
    kind: r.kind,
    yearStart: r.yearStart,
    yearEnd: r.yearEnd,
    amount: num(r.amount),
    amountLow: num(r.amountLow),
    amountHigh: num(r.amountHigh),
    note: r.note,
    programme: r.programme?.slug ?? null,
    funder: r.funder?.slug ?? null,
    funderLabel: r.funderLabel,
    funderType: r.funderType ? fromEnumKey(r.funderType) : null,
    territory: r.territoryId,
    territoryLabel: r.territoryLabel,
    partOf: r.partOf?.slug ?? null,
    overlapsOthers: r.overlapsOthers,
    sourceUrls: [...r.sourceUrls],
    retrievedAt: r.retrievedAt ? toParisIsoDate(r.retrievedAt) : null,
  };
}

/** The ids the references resolve to (lib/data/admin/funding-record-write.ts looks them up). */
export interface FundingRecordRefs {
  programmeId: string | null;
  funderId: string | null;
  partOfId: string | null;
}

export function fundingRecordColumns(input: FundingRecordInput, refs: FundingRecordRefs) {
  return {
    label: input.label,
    kind: input.kind,
    yearStart: input.yearStart,
    yearEnd: input.yearEnd,
    amount: input.amount,
    amountLow: input.amountLow,
    amountHigh: input.amountHigh,
    note: input.note,
    programmeId: refs.programmeId,
    funderId: refs.funderId,
    funderLabel: input.funderLabel,
    funderType: input.funderType ? toEnumKey(input.funderType) : null,
    territoryId: input.territory,
    territoryLabel: input.territoryLabel,
    partOfId: refs.partOfId,
    overlapsOthers: input.overlapsOthers,
    sourceUrls: input.sourceUrls,
    retrievedAt: input.retrievedAt ? parisStartOfDay(input.retrievedAt) : null,
  } satisfies Partial<Prisma.FundingRecordUncheckedUpdateInput>;
}
