import "server-only";
import { type Actor, allowedTransitions, canEdit, canRestore, canVerify, type EditorialStatus, isCurator } from "../../auth/policy";
import { toEnumKey } from "../../codes";
import { getPrisma } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { slugify } from "../../validation/admin-fields";
import type { FundingKind, FundingRecordSnapshot } from "../../validation/admin-funding-record";
import type { FundingRecordListFilters } from "../../validation/admin-funding-record-list";
import { fundingRecordSnapshotSelect, toFundingRecordSnapshot } from "./funding-record-snapshot";
import type { AdminList, PersonRef } from "./programme-read";

/**
 * The workspace's reads of funding records (/admin/effort); visibility in the WHERE as for
 * programmes: a contributor sees the records they created, the rest is null → 404.
 */

export const fundingRecordVisibility = (actor: Actor): Prisma.FundingRecordWhereInput => (isCurator(actor) ? {} : { createdById: actor.id });

export interface FundingRecordForEdit {
  id: string;
  snapshot: FundingRecordSnapshot;
  version: number;
  status: EditorialStatus;
  allowedTransitions: EditorialStatus[];
  canEdit: boolean;
  canVerify: boolean;
  canRestore: boolean;
  territoryName: string | null;
  /** The « dont » records under this one. */
  parts: { slug: string; label: string }[];
  createdBy: PersonRef | null;
  updatedBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function getFundingRecordForEdit(actor: Actor, slug: string): Promise<FundingRecordForEdit | null> {
  const prisma = await getPrisma();
  const r = await prisma.fundingRecord.findFirst({
    where: { slug, ...fundingRecordVisibility(actor) },
    select: {
      ...fundingRecordSnapshotSelect,
      territory: { select: { name: true } },
      parts: { select: { slug: true, label: true }, orderBy: { label: "asc" } },
      createdById: true,
      createdBy: { select: { id: true, name: true } },
      updatedBy: { select: { id: true, name: true } },
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!r) return null;
  const entry = { status: r.status, createdById: r.createdById };
  return {
    id: r.id,
    snapshot: toFundingRecordSnapshot(r),
    version: r.version,
    status: r.status,
    allowedTransitions: allowedTransitions(actor, entry),
    canEdit: canEdit(actor, entry),
    canVerify: canVerify(actor),
    canRestore: canRestore(actor, entry),
    territoryName: r.territory?.name ?? null,
    parts: r.parts,
    createdBy: r.createdBy,
    updatedBy: r.updatedBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface AdminFundingRecordRow {
  slug: string;
  label: string;
  kind: FundingKind;
  yearStart: number;
  yearEnd: number;
  amount: number | null;
  amountLow: number | null;
  amountHigh: number | null;
  status: EditorialStatus;
  funderName: string | null;
  partOf: string | null;
  overlapsOthers: boolean;
  updatedAt: Date;
  updatedBy: PersonRef | null;
}

export function fundingRecordListWhere(actor: Actor, f: Omit<FundingRecordListFilters, "sort" | "page" | "perPage">): Prisma.FundingRecordWhereInput {
  const and: Prisma.FundingRecordWhereInput[] = [fundingRecordVisibility(actor)];
  if (f.q) {
    const asSlug = slugify(f.q, 200);
    and.push({
      OR: [
        { label: { contains: f.q, mode: "insensitive" } },
        { funderLabel: { contains: f.q, mode: "insensitive" } },
        { funder: { name: { contains: f.q, mode: "insensitive" } } },
        { programme: { title: { contains: f.q, mode: "insensitive" } } },
        ...(asSlug ? [{ slug: { contains: asSlug } }] : []),
      ],
    });
  }
  if (f.status.length) and.push({ status: { in: f.status } });
  if (f.kind.length) and.push({ kind: { in: f.kind } });
  if (f.year !== undefined) and.push({ yearStart: { lte: f.year }, yearEnd: { gte: f.year } });
  if (f.funderType) {
    const type = toEnumKey(f.funderType);
    and.push({
      OR: [
        { funder: { type } },
        { funderId: null, funderType: type },
        { funderId: null, funderType: null, programme: { funder: { type } } },
      ],
    });
  }
  return { AND: and };
}

const ORDER: Record<FundingRecordListFilters["sort"], Prisma.FundingRecordOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { slug: "asc" }],
  year: [{ yearEnd: "desc" }, { yearStart: "desc" }, { label: "asc" }],
  label: [{ label: "asc" }, { slug: "asc" }],
};

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

export async function listFundingRecordsForAdmin(actor: Actor, filters: FundingRecordListFilters): Promise<AdminList<AdminFundingRecordRow>> {
  const prisma = await getPrisma();
  const where = fundingRecordListWhere(actor, filters);
  const [total, rows] = await Promise.all([
    prisma.fundingRecord.count({ where }),
    prisma.fundingRecord.findMany({
      where,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * filters.perPage,
      take: filters.perPage,
      select: {
        slug: true, label: true, kind: true, yearStart: true, yearEnd: true, amount: true, amountLow: true, amountHigh: true,
        status: true, funderLabel: true, overlapsOthers: true, updatedAt: true,
        funder: { select: { name: true } },
        programme: { select: { funder: { select: { name: true } } } },
        partOf: { select: { label: true } },
        updatedBy: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    perPage: filters.perPage,
    items: rows.map((r) => ({
      slug: r.slug,
      label: r.label,
      kind: r.kind,
      yearStart: r.yearStart,
      yearEnd: r.yearEnd,
      amount: num(r.amount),
      amountLow: num(r.amountLow),
      amountHigh: num(r.amountHigh),
      status: r.status,
      funderName: r.funder?.name ?? r.funderLabel ?? r.programme?.funder.name ?? null,
      partOf: r.partOf?.label ?? null,
      overlapsOthers: r.overlapsOthers,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
    })),
  };
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * The programmes a record (or a case study) may name: not archived for a curator; for a
 * contributor the published ones and their own.
 */
export async function listProgrammeChoices(actor: Actor): Promise<Choice[]> {
  const prisma = await getPrisma();
  const where: Prisma.ProgrammeWhereInput = isCurator(actor)
    ? { status: { not: "archived" } }
    : { OR: [{ status: "published" }, { createdById: actor.id, status: { not: "archived" } }] };
  const rows = await prisma.programme.findMany({ where, orderBy: { title: "asc" }, select: { slug: true, title: true } });
  return rows.map((p) => ({ value: p.slug, label: p.title }));
}

/** The records another one may be a part (« dont ») of: top-level records, not archived, other than itself. */
export async function listParentRecordChoices(actor: Actor, exceptSlug?: string): Promise<Choice[]> {
  const prisma = await getPrisma();
  const rows = await prisma.fundingRecord.findMany({
    where: {
      partOfId: null,
      status: { not: "archived" },
      ...(exceptSlug ? { slug: { not: exceptSlug } } : {}),
      ...(isCurator(actor) ? {} : { OR: [{ status: "published" }, { createdById: actor.id }] }),
    },
    orderBy: [{ label: "asc" }],
    select: { slug: true, label: true, yearStart: true, yearEnd: true },
  });
  return rows.map((r) => ({ value: r.slug, label: `${r.label} (${r.yearStart === r.yearEnd ? r.yearStart : `${r.yearStart}–${r.yearEnd}`})` }));
}
