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
import type { ProgrammeListFilters } from "../../validation/admin-list";
import type { ProgrammeSnapshot } from "../../validation/admin-programme";
import { programmeSnapshotSelect, toProgrammeSnapshot } from "./programme-snapshot";

/**
 * The workspace's reads of programmes. Visibility is in the WHERE: a contributor's query can only
 * return what they created (lib/auth/policy.ts canView); what an actor may not see is `null`
 * (the caller answers 404, never 403, so that nothing leaks about other people's drafts).
 */

export const programmeVisibility = (actor: Actor): Prisma.ProgrammeWhereInput =>
  isCurator(actor) ? {} : { createdById: actor.id };

export interface PersonRef {
  id: string;
  name: string;
}

export interface ProgrammeForEdit {
  id: string;
  snapshot: ProgrammeSnapshot;
  version: number;
  status: EditorialStatus;
  /** What this actor may do with it (lib/auth/policy.ts). */
  allowedTransitions: EditorialStatus[];
  canEdit: boolean;
  canVerify: boolean;
  canRestore: boolean;
  funder: { slug: string; name: string; status: EditorialStatus };
  /** Display names of the funders and territories the snapshot names by slug or id. */
  names: { funders: Record<string, string>; territories: Record<string, string> };
  createdBy: PersonRef | null;
  updatedBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  lastVerifiedAt: Date | null;
}

const editSelect = {
  ...programmeSnapshotSelect,
  funder: { select: { slug: true, name: true, status: true } },
  coFunders: { select: { funder: { select: { slug: true, name: true } } } },
  coverage: { select: { territoryId: true, territory: { select: { name: true } } } },
  createdById: true,
  createdBy: { select: { id: true, name: true } },
  updatedBy: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
} satisfies Prisma.ProgrammeSelect;

/** The programme as its edit form needs it, or null when it does not exist or the actor may not see it. */
export async function getProgrammeForEdit(actor: Actor, slug: string): Promise<ProgrammeForEdit | null> {
  const prisma = await getPrisma();
  const p = await prisma.programme.findFirst({ where: { slug, ...programmeVisibility(actor) }, select: editSelect });
  if (!p) return null;
  const entry = { status: p.status, createdById: p.createdById };
  return {
    id: p.id,
    snapshot: toProgrammeSnapshot(p),
    version: p.version,
    status: p.status,
    allowedTransitions: allowedTransitions(actor, entry),
    canEdit: canEdit(actor, entry),
    canVerify: canVerify(actor),
    canRestore: canRestore(actor, entry),
    funder: p.funder,
    names: {
      funders: Object.fromEntries([[p.funder.slug, p.funder.name], ...p.coFunders.map((c) => [c.funder.slug, c.funder.name])]),
      territories: Object.fromEntries(p.coverage.map((c) => [c.territoryId, c.territory.name])),
    },
    createdBy: p.createdBy,
    updatedBy: p.updatedBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
    lastVerifiedAt: p.lastVerifiedAt,
  };
}

export interface AdminProgrammeRow {
  slug: string;
  title: string;
  status: EditorialStatus;
  funder: { slug: string; name: string; type: FunderTypeCode };
  opensAt: Date | null;
  closesAt: Date | null;
  isClosed: boolean;
  lastVerifiedAt: Date | null;
  updatedAt: Date;
  version: number;
  createdBy: PersonRef | null;
  updatedBy: PersonRef | null;
}

export interface AdminList<T> {
  total: number;
  page: number;
  perPage: number;
  items: T[];
}

/** The filters as a WHERE (with the actor's visibility). */
export function programmeListWhere(actor: Actor, f: Omit<ProgrammeListFilters, "sort" | "page" | "perPage">): Prisma.ProgrammeWhereInput {
  const and: Prisma.ProgrammeWhereInput[] = [programmeVisibility(actor)];
  if (f.q) {
    // ILIKE on the title, and on the slug (no accents) with the words as a slug would write them.
    const asSlug = slugify(f.q, 200);
    and.push({
      OR: [
        { title: { contains: f.q, mode: "insensitive" } },
        ...(asSlug ? [{ slug: { contains: asSlug } }] : []),
      ],
    });
  }
  if (f.status.length) and.push({ status: { in: f.status } });
  if (f.funderType.length) and.push({ funder: { type: { in: f.funderType.map(toEnumKey) } } });
  if (f.funder.length) and.push({ funder: { slug: { in: f.funder } } });
  if (f.verifiedBefore) {
    and.push({ OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: parisStartOfDay(f.verifiedBefore) } }] });
  }
  if (f.createdBy) and.push({ createdById: f.createdBy });
  return { AND: and };
}

const ORDER: Record<ProgrammeListFilters["sort"], Prisma.ProgrammeOrderByWithRelationInput[]> = {
  title: [{ title: "asc" }, { slug: "asc" }],
  updated: [{ updatedAt: "desc" }, { slug: "asc" }],
  closing: [{ closesAt: { sort: "asc", nulls: "last" } }, { title: "asc" }, { slug: "asc" }],
  verified: [{ lastVerifiedAt: { sort: "asc", nulls: "first" } }, { title: "asc" }, { slug: "asc" }],
};

/** The workspace's table of programmes: filtered, sorted and paged in SQL, with the total. */
export async function listProgrammesForAdmin(actor: Actor, filters: ProgrammeListFilters): Promise<AdminList<AdminProgrammeRow>> {
  const prisma = await getPrisma();
  const where = programmeListWhere(actor, filters);
  const [total, rows] = await Promise.all([
    prisma.programme.count({ where }),
    prisma.programme.findMany({
      where,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * filters.perPage,
      take: filters.perPage,
      select: {
        slug: true, title: true, status: true, opensAt: true, closesAt: true, isClosed: true,
        lastVerifiedAt: true, updatedAt: true, version: true,
        funder: { select: { slug: true, name: true, type: true } },
        createdBy: { select: { id: true, name: true } },
        updatedBy: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    perPage: filters.perPage,
    items: rows.map((r) => ({ ...r, funder: { ...r.funder, type: fromEnumKey(r.funder.type) } })),
  };
}
