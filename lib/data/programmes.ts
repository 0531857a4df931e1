import "server-only";
import { fromEnumKey } from "../codes";
import type { AidKindCode, BeneficiaryCode, FinancedCode, RecurrenceCode } from "../codes";
import { getPrisma } from "../db/client";
import { calendarStatus, type CalendarStatus } from "../programmes/calendar-status";
import {
  type FunderRef,
  funderRefSelect,
  type ProgrammeCard,
  programmeCardSelect,
  toFunderRef,
  toNumber,
  toProgrammeCard,
} from "./programme-views";
import { withReopenings } from "./card-reopenings";

const published = { status: "published" } as const;

export async function findProgrammes({ page = 1, perPage = 20 }: { page?: number; perPage?: number } = {}): Promise<{
  total: number;
  items: ProgrammeCard[];
}> {
  const prisma = await getPrisma();
  const [total, rows] = await Promise.all([
    prisma.programme.count({ where: published }),
    prisma.programme.findMany({
      where: published,
      select: programmeCardSelect,
      // Open calls first (soonest closing first), then the history, most recent first.
      orderBy: [{ isClosed: "asc" }, { closesAt: { sort: "desc", nulls: "first" } }, { title: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
    }),
  ]);
  const now = new Date();
  const items = await withReopenings(rows.map((r) => toProgrammeCard(r, now)), now);
  return { total, items };
}

export interface ProgrammeDetail {
  slug: string;
  title: string;
  summary: string;
  description: string;
  status: CalendarStatus;
  funder: FunderRef;
  coFunders: FunderRef[];
  funderNote: string | null;
  aidKinds: AidKindCode[];
  financed: FinancedCode[];
  beneficiaries: BeneficiaryCode[];
  eligibility: string[];
  isNational: boolean;
  territories: { id: string; name: string; level: string; code: string }[];
  coverageNote: string | null;
  amountTotal: number | null;
  amountMin: number | null;
  amountMax: number | null;
  fundingRateMax: number | null;
  currency: string;
  amountNote: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  recurrence: RecurrenceCode | null;
  rounds: { label: string; opensAt: Date | null; closesAt: Date | null }[];
  calendarNote: string | null;
  applicationUrl: string | null;
  contact: string | null;
  sources: { url: string; title: string | null; retrievedAt: Date | null }[];
  confidence: "high" | "medium" | "low" | null;
  lastVerifiedAt: Date | null;
  updatedAt: Date;
  publishedAt: Date | null;
}

export async function getProgrammeBySlug(slug: string): Promise<ProgrammeDetail | null> {
  const prisma = await getPrisma();
  const p = await prisma.programme.findFirst({
    where: { slug, ...published },
    include: {
      funder: { select: funderRefSelect },
      coFunders: { select: { funder: { select: funderRefSelect } } },
      coverage: { select: { territory: { select: { id: true, name: true, level: true, code: true } } } },
      rounds: { orderBy: [{ closesAt: "asc" }, { label: "asc" }] },
      sources: { orderBy: { position: "asc" } },
    },
  });
  if (!p) return null;
  return {
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    status: calendarStatus(p),
    funder: toFunderRef(p.funder),
    coFunders: p.coFunders.map((c) => toFunderRef(c.funder)),
    funderNote: p.funderNote,
    aidKinds: p.aidKinds.map(fromEnumKey),
    financed: p.financed.map(fromEnumKey),
    beneficiaries: p.beneficiaries.map(fromEnumKey),
    eligibility: p.eligibility,
    isNational: p.isNational,
    territories: p.coverage.map((c) => c.territory).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    coverageNote: p.coverageNote,
    amountTotal: toNumber(p.amountTotal),
    amountMin: toNumber(p.amountMin),
    amountMax: toNumber(p.amountMax),
    fundingRateMax: toNumber(p.fundingRateMax),
    currency: p.currency,
    amountNote: p.amountNote,
    opensAt: p.opensAt,
    closesAt: p.closesAt,
    recurrence: p.recurrence,
    rounds: p.rounds.map((r) => ({ label: r.label, opensAt: r.opensAt, closesAt: r.closesAt })),
    calendarNote: p.calendarNote,
    applicationUrl: p.applicationUrl,
    contact: p.contact,
    sources: p.sources.map((s) => ({ url: s.url, title: s.title, retrievedAt: s.retrievedAt })),
    confidence: p.confidence,
    lastVerifiedAt: p.lastVerifiedAt,
    updatedAt: p.updatedAt,
    publishedAt: p.publishedAt,
  };
}
