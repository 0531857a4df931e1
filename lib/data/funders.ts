import "server-only";
import type { FunderTypeCode } from "../codes";
import { fromEnumKey } from "../codes";
import { getPrisma } from "../db/client";
import { withReopenings } from "./card-reopenings";
import { type ProgrammeCard, programmeCardSelect, toProgrammeCard } from "./programme-views";

export interface FunderSummary {
  slug: string;
  name: string;
  acronym: string | null;
  type: FunderTypeCode;
  territory: { id: string; name: string } | null;
  programmeCount: number;
}

export async function listFunders(): Promise<FunderSummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.funder.findMany({
    where: { status: "published" },
    orderBy: { name: "asc" },
    select: {
      slug: true, name: true, acronym: true, type: true,
      territory: { select: { id: true, name: true } },
      _count: { select: { programmes: { where: { status: "published" } } } },
    },
  });
  return rows.map(({ _count, type, ...f }) => ({ ...f, type: fromEnumKey(type), programmeCount: _count.programmes }));
}

export interface FunderDetail extends Omit<FunderSummary, "programmeCount"> {
  website: string | null;
  description: string | null;
  programmes: ProgrammeCard[];
  coFundedProgrammes: ProgrammeCard[];
  records: { slug: string; label: string; yearStart: number; yearEnd: number; amount: number | null; note: string | null; sourceUrls: string[] }[];
}

export async function getFunderBySlug(slug: string, { now = new Date() }: { now?: Date } = {}): Promise<FunderDetail | null> {
  const prisma = await getPrisma();
  const f = await prisma.funder.findFirst({
    where: { slug, status: "published" },
    select: {
      slug: true, name: true, acronym: true, type: true, website: true, description: true,
      territory: { select: { id: true, name: true } },
      programmes: { where: { status: "published" }, select: programmeCardSelect, orderBy: [{ isClosed: "asc" }, { title: "asc" }] },
      coFunded: { where: { programme: { status: "published" } }, select: { programme: { select: programmeCardSelect } } },
      records: { orderBy: [{ yearStart: "asc" }, { label: "asc" }], select: { slug: true, label: true, yearStart: true, yearEnd: true, amount: true, note: true, sourceUrls: true } },
    },
  });
  if (!f) return null;
  // One look-up in the search index for both lists of cards.
  const own = f.programmes.map((p) => toProgrammeCard(p, now));
  const cards = await withReopenings([...own, ...f.coFunded.map((c) => toProgrammeCard(c.programme, now))], now);
  return {
    ...f,
    type: fromEnumKey(f.type),
    programmes: cards.slice(0, own.length),
    coFundedProgrammes: cards.slice(own.length),
    records: f.records.map((r) => ({ ...r, amount: r.amount === null ? null : Number(r.amount) })),
  };
}
