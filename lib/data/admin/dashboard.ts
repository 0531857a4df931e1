import "server-only";
import { type Actor, EDITORIAL_STATUSES, type EditorialStatus, isCurator } from "../../auth/policy";
import { getPrisma } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { type ActivityItem, listActivity } from "./revisions";

/**
 * The curation workspace's dashboard: what needs a person's attention, read in SQL (a few indexed
 * queries run together, counts by groupBy, no per-row query). A contributor sees only the entries
 * they created, and only their own activity (lib/auth/policy.ts: canView, canSeeAllActivity).
 */

export type DashboardEntityType = "programme" | "funder";

export interface DashboardEntry {
  entityType: DashboardEntityType;
  slug: string;
  label: string;
  status: EditorialStatus;
  updatedAt: Date;
  /** Programmes only: the closing date. */
  closesAt?: Date | null;
  lastVerifiedAt: Date | null;
  /** Programmes only: the funder's name. */
  funderName?: string;
}

export interface DashboardBlock {
  /** Up to `limit` entries, in the block's order. */
  entries: DashboardEntry[];
  /** How many entries the block has in all. */
  total: number;
}

export type StatusCounts = Record<EditorialStatus, number>;

export interface Dashboard {
  myDrafts: DashboardBlock;
  reviewQueue: DashboardBlock;
  closingSoon: DashboardBlock;
  staleVerification: DashboardBlock;
  counts: { programmes: StatusCounts; funders: StatusCounts };
  /** The latest revisions (lib/data/admin/revisions.ts listActivity: a contributor sees only their own). */
  recentActivity: ActivityItem[];
  /** The boundaries used, so that the page can say them. */
  closingBefore: Date;
  verifiedBefore: Date;
}

export const DASHBOARD_CLOSING_DAYS = 30;
export const DASHBOARD_STALE_MONTHS = 6;

/** `months` calendar months before `now` (same time of day). */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

const programmeSelect = {
  slug: true, title: true, status: true, updatedAt: true, closesAt: true, lastVerifiedAt: true,
  funder: { select: { name: true } },
} satisfies Prisma.ProgrammeSelect;
const funderSelect = { slug: true, name: true, status: true, updatedAt: true, lastVerifiedAt: true } satisfies Prisma.FunderSelect;

type ProgrammeRow = Prisma.ProgrammeGetPayload<{ select: typeof programmeSelect }>;
type FunderRow = Prisma.FunderGetPayload<{ select: typeof funderSelect }>;

const fromProgramme = (p: ProgrammeRow): DashboardEntry => ({
  entityType: "programme", slug: p.slug, label: p.title, status: p.status, updatedAt: p.updatedAt,
  closesAt: p.closesAt, lastVerifiedAt: p.lastVerifiedAt, funderName: p.funder.name,
});
const fromFunder = (f: FunderRow): DashboardEntry => ({
  entityType: "funder", slug: f.slug, label: f.name, status: f.status, updatedAt: f.updatedAt, lastVerifiedAt: f.lastVerifiedAt,
});

/** Merges two lists already sorted by `compare`, keeping the first `limit`. */
function mergeSorted<T>(a: T[], b: T[], compare: (x: T, y: T) => number, limit: number): T[] {
  return [...a, ...b].sort(compare).slice(0, limit);
}

const byTime = (key: (e: DashboardEntry) => Date | null | undefined, direction: 1 | -1) =>
  (x: DashboardEntry, y: DashboardEntry) => {
    const a = key(x)?.getTime() ?? -Infinity; // never verified comes first
    const b = key(y)?.getTime() ?? -Infinity;
    return a === b ? x.label.localeCompare(y.label, "fr") : (a - b) * direction;
  };

function countsFrom(rows: { status: EditorialStatus; _count: { _all: number } }[]): StatusCounts {
  const counts = Object.fromEntries(EDITORIAL_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = row._count._all;
  return counts;
}

export async function getDashboard(actor: Actor, { now = new Date(), limit = 8 }: { now?: Date; limit?: number } = {}): Promise<Dashboard> {
  const prisma = await getPrisma();
  const curator = isCurator(actor);
  // Visibility inside the where: a contributor's queries only ever see their own entries.
  const scope = curator ? {} : { createdById: actor.id };
  const mine = { OR: [{ createdById: actor.id }, { updatedById: actor.id }] };
  const closingBefore = new Date(now.getTime() + DASHBOARD_CLOSING_DAYS * 86_400_000);
  const verifiedBefore = monthsBefore(now, DASHBOARD_STALE_MONTHS);

  const draftsWhere = { ...scope, ...mine, status: "draft" as const };
  const reviewWhere = { ...scope, status: "in_review" as const };
  const staleWhere = {
    ...scope,
    status: "published" as const,
    OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: verifiedBefore } }],
  };
  const closingWhere = { ...scope, status: "published" as const, isClosed: false, closesAt: { gte: now, lte: closingBefore } };
  const staleOrder = () => [{ lastVerifiedAt: { sort: "asc" as const, nulls: "first" as const } }, { updatedAt: "asc" as const }];

  const [
    pDrafts, fDrafts, pDraftCount, fDraftCount,
    pReview, fReview, pReviewCount, fReviewCount,
    closing, closingCount,
    pStale, fStale, pStaleCount, fStaleCount,
    pCounts, fCounts, activity,
  ] = await Promise.all([
    prisma.programme.findMany({ where: draftsWhere, select: programmeSelect, orderBy: { updatedAt: "desc" }, take: limit }),
    prisma.funder.findMany({ where: draftsWhere, select: funderSelect, orderBy: { updatedAt: "desc" }, take: limit }),
    prisma.programme.count({ where: draftsWhere }),
    prisma.funder.count({ where: draftsWhere }),
    prisma.programme.findMany({ where: reviewWhere, select: programmeSelect, orderBy: { updatedAt: "asc" }, take: limit }),
    prisma.funder.findMany({ where: reviewWhere, select: funderSelect, orderBy: { updatedAt: "asc" }, take: limit }),
    prisma.programme.count({ where: reviewWhere }),
    prisma.funder.count({ where: reviewWhere }),
    prisma.programme.findMany({ where: closingWhere, select: programmeSelect, orderBy: [{ closesAt: "asc" }, { title: "asc" }], take: limit }),
    prisma.programme.count({ where: closingWhere }),
    prisma.programme.findMany({ where: staleWhere, select: programmeSelect, orderBy: staleOrder(), take: limit }),
    prisma.funder.findMany({ where: staleWhere, select: funderSelect, orderBy: staleOrder(), take: limit }),
    prisma.programme.count({ where: staleWhere }),
    prisma.funder.count({ where: staleWhere }),
    prisma.programme.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    prisma.funder.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    listActivity(actor, { page: 1, perPage: limit }),
  ]);

  return {
    myDrafts: {
      entries: mergeSorted(pDrafts.map(fromProgramme), fDrafts.map(fromFunder), byTime((e) => e.updatedAt, -1), limit),
      total: pDraftCount + fDraftCount,
    },
    reviewQueue: {
      entries: mergeSorted(pReview.map(fromProgramme), fReview.map(fromFunder), byTime((e) => e.updatedAt, 1), limit),
      total: pReviewCount + fReviewCount,
    },
    closingSoon: { entries: closing.map(fromProgramme), total: closingCount },
    staleVerification: {
      entries: mergeSorted(pStale.map(fromProgramme), fStale.map(fromFunder), byTime((e) => e.lastVerifiedAt, 1), limit),
      total: pStaleCount + fStaleCount,
    },
    counts: { programmes: countsFrom(pCounts), funders: countsFrom(fCounts) },
    recentActivity: activity.items,
    closingBefore,
    verifiedBefore,
  };
}
