import "server-only";
import { fromEnumKey, toEnumKey } from "../../codes";
import type { Prisma } from "../../generated/prisma/client";
import { parisStartOfDay, toParisIsoDate } from "../../paris-time";
import type { FunderInput, FunderSnapshot } from "../../validation/admin-funder";

/** A funder row ⇄ its snapshot (lib/validation/admin-funder.ts), keys in the order of funderFieldLabels. */

export const funderSnapshotSelect = {
  id: true,
  slug: true,
  status: true,
  name: true,
  acronym: true,
  type: true,
  website: true,
  description: true,
  logoUrl: true,
  territoryId: true,
  lastVerifiedAt: true,
  version: true,
} satisfies Prisma.FunderSelect;

export type FunderSnapshotRow = Prisma.FunderGetPayload<{ select: typeof funderSnapshotSelect }>;

export function toFunderSnapshot(f: FunderSnapshotRow): FunderSnapshot {
  return {
    slug: f.slug,
    status: f.status,
    name: f.name,
    acronym: f.acronym,
    type: fromEnumKey(f.type),
    website: f.website,
    description: f.description,
    logoUrl: f.logoUrl,
    territory: f.territoryId,
    lastVerifiedAt: f.lastVerifiedAt ? toParisIsoDate(f.lastVerifiedAt) : null,
  };
}

export function funderColumns(input: FunderInput) {
  return {
    name: input.name,
    acronym: input.acronym,
    type: toEnumKey(input.type),
    website: input.website,
    description: input.description,
    logoUrl: input.logoUrl,
    territoryId: input.territory,
    lastVerifiedAt: input.lastVerifiedAt ? parisStartOfDay(input.lastVerifiedAt) : null,
  } satisfies Partial<Prisma.FunderUncheckedUpdateInput>;
}
