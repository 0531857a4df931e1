import "server-only";
import { type Actor, canSeeAllActivity, type EditorialStatus, isCurator } from "../../auth/policy";
import { getPrisma } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import {
  type DiffEntityType,
  type DiffNames,
  diffSnapshots,
  type FieldChange,
  inSnapshotOrder,
  referencedNames,
  referencedProgrammes,
} from "../../revisions/diff";
import type { ActivityListFilters } from "../../validation/admin-list";
import type { AdminList, PersonRef } from "./programme-read";

/**
 * The history of the curated entities (Revision rows, written by the write services): an entity's
 * revisions with their readable differences, one revision, the activity of everyone (or, for a
 * contributor, their own), and the state at a given version (the conflict screen's « what you
 * started from »). Visibility as everywhere: what the actor may not see is null / absent.
 */

export type RevisionEntityType = DiffEntityType;

export const revisionActionLabels: Record<string, string> = {
  create: "Création",
  update: "Modification",
  status: "Changement de statut",
  verify: "Vérification auprès de la source",
  restore: "Restauration d'une version",
  import: "Import",
  contribution: "Contribution du public acceptée",
};

export interface RevisionView {
  id: string;
  entityType: RevisionEntityType;
  entityId: string;
  entityLabel: string | null;
  action: string;
  actionLabel: string;
  version: number | null;
  note: string | null;
  author: PersonRef | null;
  createdAt: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Field by field, readable (lib/revisions/diff.ts). */
  changes: FieldChange[];
}

export interface EntityHistory {
  entity: { id: string; slug: string; label: string; status: EditorialStatus; version: number };
  revisions: RevisionView[];
}

const revisionSelect = {
  id: true, entityType: true, entityId: true, entityLabel: true, action: true, version: true, note: true,
  createdAt: true, before: true, after: true, author: { select: { id: true, name: true } },
} satisfies Prisma.RevisionSelect;
type RevisionRow = Prisma.RevisionGetPayload<{ select: typeof revisionSelect }>;

const asType = (t: string): RevisionEntityType =>
  t === "funder" || t === "funding-record" || t === "case-study" ? t : "programme";
const asSnapshot = (v: Prisma.JsonValue | null) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** The names of every funder and territory the revisions' snapshots mention: two queries in all. */
async function namesFor(rows: RevisionRow[]): Promise<DiffNames> {
  const funders = new Set<string>();
  const territories = new Set<string>();
  const programmes = new Set<string>();
  for (const row of rows) {
    for (const snapshot of [asSnapshot(row.before), asSnapshot(row.after)]) {
      const refs = referencedNames(snapshot);
      refs.funders.forEach((f) => funders.add(f));
      refs.territories.forEach((t) => territories.add(t));
      referencedProgrammes(snapshot).forEach((p) => programmes.add(p));
    }
  }
  if (funders.size === 0 && territories.size === 0 && programmes.size === 0) return {};
  const prisma = await getPrisma();
  const [f, t, p] = await Promise.all([
    funders.size ? prisma.funder.findMany({ where: { slug: { in: [...funders] } }, select: { slug: true, name: true } }) : [],
    territories.size ? prisma.territory.findMany({ where: { id: { in: [...territories] } }, select: { id: true, name: true } }) : [],
    programmes.size ? prisma.programme.findMany({ where: { slug: { in: [...programmes] } }, select: { slug: true, title: true } }) : [],
  ]);
  return {
    funders: Object.fromEntries(f.map((x) => [x.slug, x.name])),
    territories: Object.fromEntries(t.map((x) => [x.id, x.name])),
    ...(p.length ? { programmes: Object.fromEntries(p.map((x) => [x.slug, x.title])) } : {}),
  };
}

function toView(row: RevisionRow, names: DiffNames): RevisionView {
  const entityType = asType(row.entityType);
  const before = inSnapshotOrder(asSnapshot(row.before), entityType);
  const after = inSnapshotOrder(asSnapshot(row.after), entityType);
  return {
    id: row.id,
    entityType,
    entityId: row.entityId,
    entityLabel: row.entityLabel,
    action: row.action,
    actionLabel: revisionActionLabels[row.action] ?? row.action,
    version: row.version,
    note: row.note,
    author: row.author,
    createdAt: row.createdAt,
    before,
    after,
    changes: diffSnapshots(before, after, { entityType, names }),
  };
}

/** The entity by slug, if the actor may see it. */
async function findEntity(actor: Actor, entityType: RevisionEntityType, slug: string) {
  const prisma = await getPrisma();
  const scope = isCurator(actor) ? {} : { createdById: actor.id };
  if (entityType === "programme") {
    const p = await prisma.programme.findFirst({ where: { slug, ...scope }, select: { id: true, slug: true, title: true, status: true, version: true } });
    return p ? { id: p.id, slug: p.slug, label: p.title, status: p.status, version: p.version } : null;
  }
  if (entityType === "funding-record") {
    const r = await prisma.fundingRecord.findFirst({ where: { slug, ...scope }, select: { id: true, slug: true, label: true, status: true, version: true } });
    return r ? { id: r.id, slug: r.slug, label: r.label, status: r.status, version: r.version } : null;
  }
  if (entityType === "case-study") {
    const c = await prisma.caseStudy.findFirst({ where: { slug, ...scope }, select: { id: true, slug: true, title: true, status: true, version: true } });
    return c ? { id: c.id, slug: c.slug, label: c.title, status: c.status, version: c.version } : null;
  }
  const f = await prisma.funder.findFirst({ where: { slug, ...scope }, select: { id: true, slug: true, name: true, status: true, version: true } });
  return f ? { id: f.id, slug: f.slug, label: f.name, status: f.status, version: f.version } : null;
}

/** An entity's revisions, newest first, with their differences; null when the actor may not see it. */
export async function listRevisions(
  actor: Actor,
  { entityType, slug }: { entityType: RevisionEntityType; slug: string },
): Promise<EntityHistory | null> {
  const entity = await findEntity(actor, entityType, slug);
  if (!entity) return null;
  const prisma = await getPrisma();
  const rows = await prisma.revision.findMany({
    where: { entityType, entityId: entity.id },
    orderBy: [{ createdAt: "desc" }, { version: { sort: "desc", nulls: "last" } }],
    select: revisionSelect,
  });
  const names = await namesFor(rows);
  return { entity, revisions: rows.map((r) => toView(r, names)) };
}

/** May the actor see this revision? Curators: all; contributors: those of entries they created. */
async function canSeeRevision(actor: Actor, row: { entityType: string; entityId: string }): Promise<boolean> {
  if (isCurator(actor)) return true;
  const prisma = await getPrisma();
  const where = { id: row.entityId, createdById: actor.id };
  switch (row.entityType) {
    case "funder":
      return (await prisma.funder.count({ where })) > 0;
    case "funding-record":
      return (await prisma.fundingRecord.count({ where })) > 0;
    case "case-study":
      return (await prisma.caseStudy.count({ where })) > 0;
    default:
      return (await prisma.programme.count({ where })) > 0;
  }
}

/** The current slug of a revision's entity (null if it no longer exists). */
async function currentSlug(entityType: string, id: string): Promise<string | null> {
  const prisma = await getPrisma();
  const where = { id };
  const select = { slug: true } as const;
  switch (entityType) {
    case "funder":
      return (await prisma.funder.findUnique({ where, select }))?.slug ?? null;
    case "funding-record":
      return (await prisma.fundingRecord.findUnique({ where, select }))?.slug ?? null;
    case "case-study":
      return (await prisma.caseStudy.findUnique({ where, select }))?.slug ?? null;
    default:
      return (await prisma.programme.findUnique({ where, select }))?.slug ?? null;
  }
}

/** One revision with its differences, and the entity's current slug; null when not visible. */
export async function getRevision(actor: Actor, id: string): Promise<(RevisionView & { slug: string | null }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const prisma = await getPrisma();
  const row = await prisma.revision.findUnique({ where: { id }, select: revisionSelect });
  if (!row || !(await canSeeRevision(actor, row))) return null;
  return { ...toView(row, await namesFor([row])), slug: await currentSlug(row.entityType, row.entityId) };
}

export interface ActivityItem extends RevisionView {
  /** The entity's current slug (null if it no longer exists). */
  slug: string | null;
}

/**
 * Everyone's activity, newest first (a contributor: only their own, whatever `author` says),
 * filtered by author and entity type, paged in SQL.
 */
export async function listActivity(actor: Actor, filters: ActivityListFilters): Promise<AdminList<ActivityItem>> {
  const prisma = await getPrisma();
  const where: Prisma.RevisionWhereInput = {
    ...(canSeeAllActivity(actor) ? (filters.author ? { authorId: filters.author } : {}) : { authorId: actor.id }),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.revision.count({ where }),
    prisma.revision.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * filters.perPage,
      take: filters.perPage,
      select: revisionSelect,
    }),
  ]);
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const [programmes, funders, records, studies, names] = await Promise.all([
    prisma.programme.findMany({ where: { id: { in: ids("programme") } }, select: { id: true, slug: true } }),
    prisma.funder.findMany({ where: { id: { in: ids("funder") } }, select: { id: true, slug: true } }),
    prisma.fundingRecord.findMany({ where: { id: { in: ids("funding-record") } }, select: { id: true, slug: true } }),
    prisma.caseStudy.findMany({ where: { id: { in: ids("case-study") } }, select: { id: true, slug: true } }),
    namesFor(rows),
  ]);
  const slugs = new Map([...programmes, ...funders, ...records, ...studies].map((r) => [r.id, r.slug]));
  return {
    total,
    page: filters.page,
    perPage: filters.perPage,
    items: rows.map((r) => ({ ...toView(r, names), slug: slugs.get(r.entityId) ?? null })),
  };
}

/** The people who wrote revisions (the activity filter's choices); a contributor: themselves. */
export async function listActivityAuthors(actor: Actor): Promise<PersonRef[]> {
  if (!canSeeAllActivity(actor)) return [{ id: actor.id, name: actor.name }];
  const prisma = await getPrisma();
  return prisma.user.findMany({
    where: { revisions: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * The entity's state right after the write that made `version` (the conflict screen: what the
 * person started from), or null (unknown version, or not visible).
 */
export async function getSnapshotAtVersion(
  actor: Actor,
  { entityType, slug, version }: { entityType: RevisionEntityType; slug: string; version: number },
): Promise<Record<string, unknown> | null> {
  const entity = await findEntity(actor, entityType, slug);
  if (!entity) return null;
  const prisma = await getPrisma();
  // The write that made `version` (its after) or, for a state no revision made (an entry loaded by
  // the seed), the write that followed it (its before).
  const rows = await prisma.revision.findMany({
    where: { entityType, entityId: entity.id, version: { in: [version, version + 1] } },
    orderBy: { createdAt: "desc" },
    select: { version: true, before: true, after: true },
  });
  const made = rows.find((r) => r.version === version);
  const next = rows.find((r) => r.version === version + 1);
  const snapshot = made ? asSnapshot(made.after) : next ? asSnapshot(next.before) : null;
  return inSnapshotOrder(snapshot, entityType);
}
