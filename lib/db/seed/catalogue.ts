import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { toEnumKey } from "../../codes";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { parisEndOfDay, parisStartOfDay } from "../../paris-time";
import {
  type SeedFunder,
  type SeedFundingRecord,
  type SeedProgramme,
  seedFunderSchema,
  seedFundingRecordSchema,
  seedProgrammeSchema,
} from "./schema";

/**
 * The researched catalogue (prisma/seed-data/*.json, drawn from shared/data with every source kept):
 * funders, published programmes and funding records. Idempotent: upserts by slug, and a programme's
 * lists (sources, coverage, rounds, co-funders) are replaced by the file's.
 */

export const SEED_DATA_DIR = path.resolve(process.cwd(), "prisma/seed-data");

export interface Catalogue {
  funders: SeedFunder[];
  programmes: SeedProgramme[];
  records: SeedFundingRecord[];
}

function readJson<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, file), "utf8"));
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Données de départ invalides dans ${file} à ${issue?.path.join(".")} : ${issue?.message}`);
  }
  return parsed.data;
}

export function readCatalogue(): Catalogue {
  return {
    funders: readJson("funders.json", seedFunderSchema),
    programmes: readJson("programmes.json", seedProgrammeSchema),
    records: readJson("funding-records.json", seedFundingRecordSchema),
  };
}

const day = (iso: string | null, end: boolean) => (iso ? (end ? parisEndOfDay(iso) : parisStartOfDay(iso)) : null);

/** The last year the sources mention (`["2021-2027"]` → 2027, `["2008-"]` → null: still running). */
export function lastKnownYear(years: string[] | null): number | null {
  if (!years || years.length === 0) return null;
  if (years.some((y) => /-$/.test(y))) return null;
  const numbers = years.flatMap((y) => y.match(/\d{4}/g) ?? []).map(Number);
  return numbers.length ? Math.max(...numbers) : null;
}

/**
 * Closed when the sources say so, or when nothing permanent is known to run past the last year
 * they mention. The curators can reopen an entry when a new edition is announced.
 */
export function isClosedBySources(p: Pick<SeedProgramme, "sourceStatus" | "recurrence" | "years">, now = new Date()): boolean {
  if (p.sourceStatus === "clos") return true;
  if (p.recurrence === "permanent") return false;
  const last = lastKnownYear(p.years);
  return last !== null && last < now.getFullYear();
}

function programmeData(p: SeedProgramme, funderId: string) {
  return {
    title: p.title,
    summary: p.summary,
    description: p.description,
    funderId,
    funderNote: p.funderNote,
    aidKinds: p.aidKinds.map(toEnumKey),
    financed: p.financed.map(toEnumKey),
    beneficiaries: p.beneficiaries.map(toEnumKey),
    eligibility: p.eligibility,
    isNational: p.coverage.national,
    coverageNote: p.coverageNote,
    amountTotal: p.amountTotal,
    amountMin: p.amountMin,
    amountMax: p.amountMax,
    fundingRateMax: p.fundingRateMax,
    amountNote: p.amountNote,
    opensAt: day(p.opensAt, false),
    closesAt: day(p.closesAt, true),
    recurrence: p.recurrence,
    calendarNote: p.calendarNote,
    isClosed: isClosedBySources(p),
    applicationUrl: p.applicationUrl,
    contact: p.contact,
    confidence: p.confidence,
    status: "published",
  } satisfies Partial<Prisma.ProgrammeUncheckedCreateInput>;
}

export interface SeedCounts {
  funders: number;
  programmes: number;
  records: number;
}

export async function seedCatalogue(prisma: PrismaClient, catalogue = readCatalogue()): Promise<SeedCounts> {
  const funderIds = new Map<string, string>();
  for (const f of catalogue.funders) {
    const data = {
      name: f.name, acronym: f.acronym, type: toEnumKey(f.type), website: f.website,
      description: f.description, territoryId: f.territory,
    };
    const row = await prisma.funder.upsert({ where: { slug: f.slug }, create: { slug: f.slug, status: "published", publishedAt: new Date(), ...data }, update: data, select: { id: true } });
    funderIds.set(f.slug, row.id);
  }
  const funderId = (slug: string) => {
    const id = funderIds.get(slug);
    if (!id) throw new Error(`Financeur inconnu dans les données de départ : ${slug}`);
    return id;
  };

  const programmeIds = new Map<string, string>();
  for (const p of catalogue.programmes) {
    const data = programmeData(p, funderId(p.funder));
    const children = {
      coFunders: { create: p.coFunders.filter((s) => s !== p.funder).map((s) => ({ funderId: funderId(s) })) },
      coverage: { create: p.coverage.national ? [] : p.coverage.territories.map((territoryId) => ({ territoryId })) },
      rounds: { create: p.rounds.map((r) => ({ label: r.label, opensAt: day(r.opensAt, false), closesAt: day(r.closesAt, true) })) },
      sources: { create: p.sources.map((s, position) => ({ url: s.url, title: s.title, retrievedAt: day(s.retrievedAt, false), position })) },
    };
    const row = await prisma.$transaction(async (tx) => {
      const existing = await tx.programme.findUnique({ where: { slug: p.slug }, select: { id: true } });
      if (!existing) {
        return tx.programme.create({ data: { slug: p.slug, publishedAt: new Date(), ...data, ...children }, select: { id: true } });
      }
      const where = { programmeId: existing.id };
      await tx.programmeCoFunder.deleteMany({ where });
      await tx.programmeTerritory.deleteMany({ where });
      await tx.programmeRound.deleteMany({ where });
      await tx.programmeSource.deleteMany({ where });
      return tx.programme.update({ where: { id: existing.id }, data: { ...data, ...children }, select: { id: true } });
    });
    programmeIds.set(p.slug, row.id);
  }

  const recordIds = new Map<string, string>();
  for (const r of catalogue.records) {
    const data = {
      label: r.label, kind: r.kind, yearStart: r.yearStart, yearEnd: r.yearEnd,
      amount: r.amount, amountLow: r.amountLow, amountHigh: r.amountHigh, note: r.note,
      funderId: r.funder ? funderId(r.funder) : null, funderLabel: r.funderLabel,
      funderType: r.funderType ? toEnumKey(r.funderType) : null,
      programmeId: r.programme ? (programmeIds.get(r.programme) ?? null) : null,
      territoryId: r.territory, territoryLabel: r.territoryLabel, overlapsOthers: r.overlapsOthers,
      sourceUrls: r.sourceUrls, retrievedAt: day(r.retrievedAt, false),
    };
    const row = await prisma.fundingRecord.upsert({ where: { slug: r.slug }, create: { slug: r.slug, ...data }, update: data, select: { id: true } });
    recordIds.set(r.slug, row.id);
  }
  // Breakdowns (« dont ») point at records that may come later in the file: linked once all exist.
  for (const r of catalogue.records) {
    const partOfId = r.partOf ? recordIds.get(r.partOf) : null;
    if (partOfId === undefined) throw new Error(`Montant parent inconnu dans les données de départ : ${r.partOf}`);
    await prisma.fundingRecord.update({ where: { slug: r.slug }, data: { partOfId } });
  }
  return { funders: catalogue.funders.length, programmes: catalogue.programmes.length, records: catalogue.records.length };
}
