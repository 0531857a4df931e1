import "server-only";
import { type Actor, allowedTransitions, canEdit, canRestore, type EditorialStatus, isCurator } from "../../auth/policy";
import { getPrisma } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { slugify } from "../../validation/admin-fields";
import type { CaseStudySnapshot } from "../../validation/admin-case-study";
import type { CaseStudyListFilters } from "../../validation/admin-case-study-list";
import { caseStudySnapshotSelect, toCaseStudySnapshot } from "./case-study-snapshot";
import type { AdminList, PersonRef } from "./programme-read";

/** The workspace's reads of case studies; visibility in the WHERE (a contributor sees their own). */

export const caseStudyVisibility = (actor: Actor): Prisma.CaseStudyWhereInput => (isCurator(actor) ? {} : { createdById: actor.id });

export interface CaseStudyForEdit {
  id: string;
  snapshot: CaseStudySnapshot;
  version: number;
  status: EditorialStatus;
  allowedTransitions: EditorialStatus[];
  canEdit: boolean;
  canVerify: boolean;
  canRestore: boolean;
  territoryName: string | null;
  createdBy: PersonRef | null;
  updatedBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export async function getCaseStudyForEdit(actor: Actor, slug: string): Promise<CaseStudyForEdit | null> {
  const prisma = await getPrisma();
  const c = await prisma.caseStudy.findFirst({
    where: { slug, ...caseStudyVisibility(actor) },
    select: {
      ...caseStudySnapshotSelect,
      territory: { select: { name: true } },
      createdById: true,
      createdBy: { select: { id: true, name: true } },
      updatedBy: { select: { id: true, name: true } },
      createdAt: true,
      updatedAt: true,
      publishedAt: true,
    },
  });
  if (!c) return null;
  const entry = { status: c.status, createdById: c.createdById };
  return {
    id: c.id,
    snapshot: toCaseStudySnapshot(c),
    version: c.version,
    status: c.status,
    allowedTransitions: allowedTransitions(actor, entry),
    canEdit: canEdit(actor, entry),
    canVerify: false,
    canRestore: canRestore(actor, entry),
    territoryName: c.territory?.name ?? null,
    createdBy: c.createdBy,
    updatedBy: c.updatedBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    publishedAt: c.publishedAt,
  };
}

export interface AdminCaseStudyRow {
  slug: string;
  title: string;
  status: EditorialStatus;
  territory: string | null;
  programmeCount: number;
  funderCount: number;
  updatedAt: Date;
  updatedBy: PersonRef | null;
}

export function caseStudyListWhere(actor: Actor, f: Pick<CaseStudyListFilters, "q" | "status">): Prisma.CaseStudyWhereInput {
  const and: Prisma.CaseStudyWhereInput[] = [caseStudyVisibility(actor)];
  if (f.q) {
    const asSlug = slugify(f.q, 200);
    and.push({
      OR: [
        { title: { contains: f.q, mode: "insensitive" } },
        { summary: { contains: f.q, mode: "insensitive" } },
        ...(asSlug ? [{ slug: { contains: asSlug } }] : []),
      ],
    });
  }
  if (f.status.length) and.push({ status: { in: f.status } });
  return { AND: and };
}

const ORDER: Record<CaseStudyListFilters["sort"], Prisma.CaseStudyOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { slug: "asc" }],
  title: [{ title: "asc" }, { slug: "asc" }],
};

export async function listCaseStudiesForAdmin(actor: Actor, filters: CaseStudyListFilters): Promise<AdminList<AdminCaseStudyRow>> {
  const prisma = await getPrisma();
  const where = caseStudyListWhere(actor, filters);
  const [total, rows] = await Promise.all([
    prisma.caseStudy.count({ where }),
    prisma.caseStudy.findMany({
      where,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * filters.perPage,
      take: filters.perPage,
      select: {
        slug: true, title: true, status: true, updatedAt: true,
        territory: { select: { name: true } },
        updatedBy: { select: { id: true, name: true } },
        _count: { select: { programmes: true, funders: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    perPage: filters.perPage,
    items: rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      status: r.status,
      territory: r.territory?.name ?? null,
      programmeCount: r._count.programmes,
      funderCount: r._count.funders,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
    })),
  };
}
