import "server-only";
import { type Actor, canReviewContributions } from "../../auth/policy";
import { getPrisma } from "../../db/client";
import { fromEnumKey } from "../../codes";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { toParisIsoDate } from "../../paris-time";
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  type ContributionListFilters,
} from "../../validation/contribution-decision";

/**
 * The curators' reads of the public's contributions (/admin/contributions): they hold the proposers'
 * e-mails, so every function checks canReviewContributions itself (the pages check it too).
 */

export const CONTRIBUTIONS_PER_PAGE = 25;

type Kind = (typeof CONTRIBUTION_KINDS)[number];
type Status = (typeof CONTRIBUTION_STATUSES)[number];

function assertReviewer(actor: Actor) {
  if (!canReviewContributions(actor)) {
    throw new DomainError("forbidden", "Seuls les curateurs relisent les contributions du public.");
  }
}

export interface ContributionRow {
  id: string;
  kind: Kind;
  status: Status;
  /** The proposed programme's title, or the corrected programme's. */
  title: string;
  /** The correction's subject (topic code), null for a proposal. */
  topic: string | null;
  proposer: string;
  createdAt: Date;
  reviewedAt: Date | null;
}

export type ContributionCounts = Record<Status, Record<Kind, number>>;

const payloadOf = (payload: Prisma.JsonValue): Record<string, unknown> =>
  payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/** « Jeanne Dupont (Association X) », the name or the organisation alone, or « Anonyme » (never the e-mail). */
export function proposerLabel(c: { proposerName: string | null; proposerOrganisation: string | null }): string {
  if (c.proposerName && c.proposerOrganisation) return `${c.proposerName} (${c.proposerOrganisation})`;
  return c.proposerName ?? c.proposerOrganisation ?? "Anonyme";
}

export async function listContributions(
  actor: Actor,
  filters: ContributionListFilters,
): Promise<{ items: ContributionRow[]; total: number; page: number; perPage: number; counts: ContributionCounts }> {
  assertReviewer(actor);
  const prisma = await getPrisma();
  const where: Prisma.ContributionWhereInput = {
    ...(filters.status === "all" ? {} : { status: filters.status }),
    ...(filters.kind ? { kind: filters.kind } : {}),
  };
  const [rows, total, grouped] = await Promise.all([
    prisma.contribution.findMany({
      where,
      orderBy: [{ createdAt: filters.status === "pending" ? "asc" : "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * CONTRIBUTIONS_PER_PAGE,
      take: CONTRIBUTIONS_PER_PAGE,
      select: {
        id: true, kind: true, status: true, payload: true, proposerName: true, proposerOrganisation: true,
        createdAt: true, reviewedAt: true, programme: { select: { title: true } },
      },
    }),
    prisma.contribution.count({ where }),
    prisma.contribution.groupBy({ by: ["status", "kind"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(
    CONTRIBUTION_STATUSES.map((s) => [s, Object.fromEntries(CONTRIBUTION_KINDS.map((k) => [k, 0]))]),
  ) as ContributionCounts;
  for (const g of grouped) counts[g.status][g.kind] = g._count._all;
  const items = rows.map((r) => {
    const p = payloadOf(r.payload);
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      title:
        r.kind === "proposal"
          ? (str(p.title) ?? "(sans titre)")
          : (r.programme?.title ?? str(p.programmeTitle) ?? "(programme supprimé)"),
      topic: r.kind === "correction" ? str(p.topic) : null,
      proposer: proposerLabel(r),
      createdAt: r.createdAt,
      reviewedAt: r.reviewedAt,
    };
  });
  return { items, total, page: filters.page, perPage: CONTRIBUTIONS_PER_PAGE, counts };
}

export interface ContributionProgramme {
  slug: string;
  title: string;
  status: string;
  version: number;
  funderName: string;
  applicationUrl: string | null;
  opensAt: string | null;
  closesAt: string | null;
  amountMin: number | null;
  amountMax: number | null;
  amountNote: string | null;
  calendarNote: string | null;
  beneficiaries: string[];
  eligibility: string[];
}

export interface ContributionDetail {
  id: string;
  kind: Kind;
  status: Status;
  payload: Record<string, unknown>;
  message: string | null;
  proposerName: string | null;
  proposerOrganisation: string | null;
  proposerEmail: string;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  decisionNote: string | null;
  programme: ContributionProgramme | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One contribution with, for a correction (or an accepted proposal), the programme as it is now. */
export async function getContribution(actor: Actor, id: string): Promise<ContributionDetail | null> {
  assertReviewer(actor);
  if (!UUID.test(id)) return null;
  const prisma = await getPrisma();
  const c = await prisma.contribution.findUnique({
    where: { id },
    select: {
      id: true, kind: true, status: true, payload: true, message: true, proposerName: true, proposerOrganisation: true,
      proposerEmail: true, createdAt: true, reviewedAt: true, decisionNote: true,
      reviewedBy: { select: { name: true } },
      programme: {
        select: {
          slug: true, title: true, status: true, version: true, applicationUrl: true, opensAt: true, closesAt: true,
          amountMin: true, amountMax: true, amountNote: true, calendarNote: true, beneficiaries: true, eligibility: true,
          funder: { select: { name: true } },
        },
      },
    },
  });
  if (!c) return null;
  const p = c.programme;
  return {
    ...c,
    payload: payloadOf(c.payload),
    reviewedBy: c.reviewedBy?.name ?? null,
    programme: p
      ? {
          slug: p.slug,
          title: p.title,
          status: p.status,
          version: p.version,
          funderName: p.funder.name,
          applicationUrl: p.applicationUrl,
          opensAt: p.opensAt ? toParisIsoDate(p.opensAt) : null,
          closesAt: p.closesAt ? toParisIsoDate(p.closesAt) : null,
          amountMin: p.amountMin === null ? null : Number(p.amountMin),
          amountMax: p.amountMax === null ? null : Number(p.amountMax),
          amountNote: p.amountNote,
          calendarNote: p.calendarNote,
          beneficiaries: p.beneficiaries.map((b) => fromEnumKey(b)),
          eligibility: p.eligibility,
        }
      : null,
  };
}

/** How many contributions wait for a curator (the dashboard, the quality queue). */
export async function countPendingContributions(actor: Actor): Promise<number> {
  assertReviewer(actor);
  const prisma = await getPrisma();
  return prisma.contribution.count({ where: { status: "pending" } });
}
