import { fromEnumKey, toEnumKey } from "../../codes";
import type { Prisma } from "../../generated/prisma/client";
import { parisEndOfDay, parisStartOfDay, toParisIsoDate } from "../../paris-time";
import type { ProgrammeInput, ProgrammeSnapshot } from "../../validation/admin-programme";

/**
 * A programme row ⇄ its snapshot (lib/validation/admin-programme.ts): what the edit form starts
 * from and what a Revision stores. Days are Paris days (opening at 00:00, closing at 23:59:59.999,
 * as the seed writes them); lists have a stable order (co-funders and territories by identifier,
 * rounds by dates, sources by position).
 * Pure (no I/O, no `server-only`): the importer (lib/import) uses it from the seed and scripts/ too.
 */

export const programmeSnapshotSelect = {
  id: true,
  slug: true,
  status: true,
  title: true,
  summary: true,
  description: true,
  funder: { select: { slug: true } },
  coFunders: { select: { funder: { select: { slug: true } } } },
  funderNote: true,
  aidKinds: true,
  financed: true,
  beneficiaries: true,
  eligibility: true,
  isNational: true,
  coverage: { select: { territoryId: true } },
  coverageNote: true,
  amountTotal: true,
  amountMin: true,
  amountMax: true,
  fundingRateMax: true,
  currency: true,
  amountNote: true,
  opensAt: true,
  closesAt: true,
  recurrence: true,
  isClosed: true,
  rounds: { select: { label: true, opensAt: true, closesAt: true } },
  calendarNote: true,
  applicationUrl: true,
  contact: true,
  confidence: true,
  sources: { select: { url: true, title: true, retrievedAt: true }, orderBy: { position: "asc" } },
  lastVerifiedAt: true,
  verificationNote: true,
  version: true,
} satisfies Prisma.ProgrammeSelect;

export type ProgrammeSnapshotRow = Prisma.ProgrammeGetPayload<{ select: typeof programmeSnapshotSelect }>;

const day = (d: Date | null) => (d ? toParisIsoDate(d) : null);
const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function toProgrammeSnapshot(p: ProgrammeSnapshotRow): ProgrammeSnapshot {
  const rounds = p.rounds
    .map((r) => ({ label: r.label, opensAt: day(r.opensAt), closesAt: day(r.closesAt) }))
    .sort((a, b) => byText(a.opensAt ?? "9999", b.opensAt ?? "9999") || byText(a.closesAt ?? "9999", b.closesAt ?? "9999") || byText(a.label, b.label));
  // Keys in the order of programmeFieldLabels: revisions and diffs read the same everywhere.
  return {
    slug: p.slug,
    status: p.status,
    title: p.title,
    summary: p.summary,
    description: p.description,
    funder: p.funder.slug,
    coFunders: p.coFunders.map((c) => c.funder.slug).sort(byText),
    funderNote: p.funderNote,
    aidKinds: p.aidKinds.map(fromEnumKey),
    financed: p.financed.map(fromEnumKey),
    beneficiaries: p.beneficiaries.map(fromEnumKey),
    eligibility: p.eligibility,
    isNational: p.isNational,
    territories: p.coverage.map((c) => c.territoryId).sort(byText),
    coverageNote: p.coverageNote,
    amountTotal: num(p.amountTotal),
    amountMin: num(p.amountMin),
    amountMax: num(p.amountMax),
    fundingRateMax: num(p.fundingRateMax),
    currency: p.currency,
    amountNote: p.amountNote,
    opensAt: day(p.opensAt),
    closesAt: day(p.closesAt),
    recurrence: p.recurrence,
    isClosed: p.isClosed,
    rounds,
    calendarNote: p.calendarNote,
    applicationUrl: p.applicationUrl,
    contact: p.contact,
    confidence: p.confidence,
    sources: p.sources.map((s) => ({ url: s.url, title: s.title, retrievedAt: day(s.retrievedAt) })),
    lastVerifiedAt: day(p.lastVerifiedAt),
    verificationNote: p.verificationNote,
  };
}

const start = (d: string | null) => (d ? parisStartOfDay(d) : null);
const end = (d: string | null) => (d ? parisEndOfDay(d) : null);

/** The programme's own columns from an input (the funder and the lists are written apart). */
export function programmeColumns(input: ProgrammeInput) {
  return {
    title: input.title,
    summary: input.summary,
    description: input.description,
    funderNote: input.funderNote,
    aidKinds: input.aidKinds.map(toEnumKey),
    financed: input.financed.map(toEnumKey),
    beneficiaries: input.beneficiaries.map(toEnumKey),
    eligibility: input.eligibility,
    isNational: input.isNational,
    coverageNote: input.coverageNote,
    amountTotal: input.amountTotal,
    amountMin: input.amountMin,
    amountMax: input.amountMax,
    fundingRateMax: input.fundingRateMax,
    currency: input.currency,
    amountNote: input.amountNote,
    opensAt: start(input.opensAt),
    closesAt: end(input.closesAt),
    recurrence: input.recurrence,
    isClosed: input.isClosed,
    calendarNote: input.calendarNote,
    applicationUrl: input.applicationUrl,
    contact: input.contact,
    confidence: input.confidence,
    // A day typed by hand is that day's start; « vérifié aujourd'hui » (verify) keeps the instant.
    lastVerifiedAt: start(input.lastVerifiedAt),
    verificationNote: input.verificationNote,
  } satisfies Partial<Prisma.ProgrammeUncheckedUpdateInput>;
}

/** The rows of the programme's lists (territories only when not national). */
export function programmeChildren(programmeId: string, input: ProgrammeInput, coFunderIds: string[]) {
  return {
    coFunders: coFunderIds.map((funderId) => ({ programmeId, funderId })),
    coverage: input.isNational ? [] : input.territories.map((territoryId) => ({ programmeId, territoryId })),
    rounds: input.rounds.map((r) => ({ programmeId, label: r.label, opensAt: start(r.opensAt), closesAt: end(r.closesAt) })),
    sources: input.sources.map((s, position) => ({ programmeId, url: s.url, title: s.title, retrievedAt: start(s.retrievedAt), position })),
  };
}
