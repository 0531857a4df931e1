import "server-only";
import { fromEnumKey } from "../codes";
import type { BeneficiaryCode, FinancedCode, FunderTypeCode } from "../codes";
import { calendarStatus, type CalendarStatus } from "../programmes/calendar-status";
import type { Prisma } from "../generated/prisma/client";
import type { ReopeningPrediction } from "../programmes/reopening";

/** The plain objects the pages and the API receive (never Prisma models). */

export interface FunderRef {
  slug: string;
  name: string;
  acronym: string | null;
  type: FunderTypeCode;
}

export interface ProgrammeCard {
  slug: string;
  title: string;
  summary: string;
  funder: FunderRef;
  status: CalendarStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  amountMax: number | null;
  isNational: boolean;
  territories: { id: string; name: string }[];
  financed: FinancedCode[];
  beneficiaries: BeneficiaryCode[];
  /** A closed call's predicted reopening, from the search index (lib/data/card-reopenings.ts). */
  reopening?: ReopeningPrediction | null;
}

export const funderRefSelect = { slug: true, name: true, acronym: true, type: true } satisfies Prisma.FunderSelect;

export const programmeCardSelect = {
  slug: true, title: true, summary: true, opensAt: true, closesAt: true, isClosed: true, recurrence: true,
  amountMax: true, isNational: true, financed: true, beneficiaries: true,
  funder: { select: funderRefSelect },
  coverage: { select: { territory: { select: { id: true, name: true } } }, orderBy: { territoryId: "asc" } },
} satisfies Prisma.ProgrammeSelect;

export const toFunderRef = (f: Prisma.FunderGetPayload<{ select: typeof funderRefSelect }>): FunderRef => ({
  ...f,
  type: fromEnumKey(f.type),
});

export const toNumber = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

export function toProgrammeCard(
  p: Prisma.ProgrammeGetPayload<{ select: typeof programmeCardSelect }>,
  now = new Date(),
): ProgrammeCard {
  return {
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    funder: toFunderRef(p.funder),
    status: calendarStatus(p, now),
    opensAt: p.opensAt,
    closesAt: p.closesAt,
    amountMax: toNumber(p.amountMax),
    isNational: p.isNational,
    territories: p.coverage.map((c) => c.territory),
    financed: p.financed.map(fromEnumKey),
    beneficiaries: p.beneficiaries.map(fromEnumKey),
  };
}
