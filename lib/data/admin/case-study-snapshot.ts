import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { CaseStudyInput, CaseStudySnapshot } from "../../validation/admin-case-study";

/**
 * A case study row ⇄ its snapshot (lib/validation/admin-case-study.ts), keys in the order of
 * caseStudyFieldLabels: the linked programmes and funders as sorted slugs (a stable comparison).
 */

export const caseStudySnapshotSelect = {
  id: true,
  slug: true,
  status: true,
  title: true,
  summary: true,
  body: true,
  territoryId: true,
  programmes: { select: { programme: { select: { slug: true } } } },
  funders: { select: { funder: { select: { slug: true } } } },
  sourceUrls: true,
  version: true,
} satisfies Prisma.CaseStudySelect;

export type CaseStudySnapshotRow = Prisma.CaseStudyGetPayload<{ select: typeof caseStudySnapshotSelect }>;

const sortedSlugs = (slugs: string[]) => [...slugs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function toCaseStudySnapshot(c: CaseStudySnapshotRow): CaseStudySnapshot {
  return {
    slug: c.slug,
    status: c.status,
    title: c.title,
    summary: c.summary,
    body: c.body,
    territory: c.territoryId,
    programmes: sortedSlugs(c.programmes.map((p) => p.programme.slug)),
    funders: sortedSlugs(c.funders.map((f) => f.funder.slug)),
    sourceUrls: [...c.sourceUrls],
  };
}

/** The input with its link lists sorted as the snapshot keeps them. */
export const normalisedCaseStudyInput = (input: CaseStudyInput): CaseStudyInput => ({
  ...input,
  programmes: sortedSlugs(input.programmes),
  funders: sortedSlugs(input.funders),
});

export function caseStudyColumns(input: CaseStudyInput) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    territoryId: input.territory,
    sourceUrls: input.sourceUrls,
  } satisfies Partial<Prisma.CaseStudyUncheckedUpdateInput>;
}
