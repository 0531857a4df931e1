import "server-only";
import {
  type Actor,
  allowedTransitions,
  canEdit,
  canRestore,
  canVerify,
  type EditorialStatus,
  isCurator,
} from "../../auth/policy";
import { fromEnumKey, type FunderTypeCode, toEnumKey } from "../../codes";
import { getPrisma } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { parisStartOfDay } from "../../paris-time";
import { slugify } from "../../validation/admin-fields";
import type { FunderSnapshot } from "../../validation/admin-funder";
import type { FunderListFilters } from "../../validation/admin-list";
import { funderSnapshotSelect, toFunderSnapshot } from "./funder-snapshot";
import type { AdminList, PersonRef } from "./programme-read";

/**
 * The workspace's reads of funders; visibility in the WHERE as for programmes (a contributor sees
 * the funders they created; what they may not see is null → 404).
 */

export const funderVisibility = (actor: Actor): Prisma.FunderWhereInput => (isCurator(actor) ? {} : { createdById: actor.id });

export interface FunderForEdit {
  id: string;
  snapshot: FunderSnapshot;
  version: number;
  status: EditorialStatus;
  allowedTransitions: EditorialStatus[];
  canEdit: boolean;
  canVerify: boolean;
  canRestore: boolean;
  /** The territory's name, when there is one. */
  territoryName: string | null;
  /** Programmes whose main funder it is, by editorial status (for the page, and the archive warning). */
  programmeCounts: Record<EditorialStatus, number>;
  createdBy: PersonRef | null;
  updatedBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  lastVerifiedAt: Date | null;
}

export async function getFunderForEdit(actor: Actor, slug: string): Promise<FunderForEdit | null> {
  const prisma = await getPrisma();
  const f = await prisma.funder.findFirst({
    where: { slug, ...funderVisibility(actor) },
    select: {
      ...funderSnapshotSelect,
      territory: { select: { name: true } },
      createdById: true,
      createdBy: { select: { id: true, name: true } },
      updatedBy: { select: { id: true, name: true } },
      createdAt: true,
      updatedAt: true,
      publishedAt: true,
    },
  });
  if (!f) return null;
  const counts = await prisma.programme.groupBy({ by: ["status"], where: { funderId: f.id }, _count: { _all: true } });
  const programmeCounts: Record<EditorialStatus, number> = { draft: 0, in_review: 0, published: 0, archived: 0 };
  for (const c of counts) programmeCounts[c.status] = c._count._all;
  const entry = { status: f.status, createdById: f.createdById };
  return {
    id: f.id,
    snapshot: toFunderSnapshot(f),
    version: f.version,
    status: f.status,
    allowedTransitions: allowedTransitions(actor, entry),
    canEdit: canEdit(actor, entry),
    canVerify: canVerify(actor),
    canRestore: canRestore(actor, entry),
    territoryName: f.territory?.name ?? null,
    programmeCounts,
    createdBy: f.createdBy,
    updatedBy: f.updatedBy,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    publishedAt: f.publishedAt,
    lastVerifiedAt: f.lastVerifiedAt,
  };
}

export interface AdminFunderRow {
  slug: string;
  name: string;
  acronym: string | null;
  type: FunderTypeCode;
  status: EditorialStatus;
  territory: { id: string; name: string } | null;
  programmeCount: number;
  lastVerifiedAt: Date | null;
  updatedAt: Date;
  version: number;
  createdBy: PersonRef | null;
  updatedBy: PersonRef | null;
}

export function funderListWhere(actor: Actor, f: Omit<FunderListFilters, "sort" | "page" | "perPage">): Prisma.FunderWhereInput {
  const and: Prisma.FunderWhereInput[] = [funderVisibility(actor)];
  if (f.q) {
    const asSlug = slugify(f.q, 200);
    and.push({
      OR: [
        { name: { contains: f.q, mode: "insensitive" } },
        { acronym: { contains: f.q, mode: "insensitive" } },
        ...(asSlug ? [{ slug: { contains: asSlug } }] : []),
      ],
    });
  }
  if (f.status.length) and.push({ status: { in: f.status } });
  if (f.type.length) and.push({ type: { in: f.type.map(toEnumKey) } });
  if (f.verifiedBefore) {
    and.push({ OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: parisStartOfDay(f.verifiedBefore) } }] });
  }
  if (f.createdBy) and.push({ createdById: f.createdBy });
  return { AND: and };
}

const ORDER: Record<FunderListFilters["sort"], Prisma.FunderOrderByWithRelationInput[]> = {
  name: [{ name: "asc" }, { slug: "asc" }],
  updated: [{ updatedAt: "desc" }, { slug: "asc" }],
  verified: [{ lastVerifiedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { slug: "asc" }],
};

export async function listFundersForAdmin(actor: Actor, filters: FunderListFilters): Promise<AdminList<AdminFunderRow>> {
  const prisma = await getPrisma();
  const where = funderListWhere(actor, filters);
  const [total, rows] = await Promise.all([
    prisma.funder.count({ where }),
    prisma.funder.findMany({
      where,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * filters.perPage,
      take: filters.perPage,
      select: {
        slug: true, name: true, acronym: true, type: true, status: true, lastVerifiedAt: true, updatedAt: true, version: true,
        territory: { select: { id: true, name: true } },
        createdBy: { select: { id: true, name: true } },
        updatedBy: { select: { id: true, name: true } },
        _count: { select: { programmes: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    perPage: filters.perPage,
    items: rows.map(({ _count, type, ...r }) => ({ ...r, type: fromEnumKey(type), programmeCount: _count.programmes })),
  };
}

export interface FunderChoice {
  slug: string;
  name: string;
  acronym: string | null;
  status: EditorialStatus;
}

/**
 * The funders a programme form may name (main funder, co-funders): every funder that is not
 * archived for a curator; for a contributor the published ones and their own.
 */
export async function listFunderChoices(actor: Actor): Promise<FunderChoice[]> {
  const prisma = await getPrisma();
  const where: Prisma.FunderWhereInput = isCurator(actor)
    ? { status: { not: "archived" } }
    : { OR: [{ status: "published" }, { createdById: actor.id, status: { not: "archived" } }] };
  return prisma.funder.findMany({ where, orderBy: { name: "asc" }, select: { slug: true, name: true, acronym: true, status: true } });
}
