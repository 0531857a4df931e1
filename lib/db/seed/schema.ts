import { z } from "zod";
import { aidKinds, beneficiaries, financedItems, funderTypes, recurrences } from "../../codes";

/** The shape of prisma/seed-data/*.json, checked before anything is written. */

const isoDate = z.iso.date().nullable();
const territoryId = z.string().regex(/^(region|departement|epci|commune):[0-9AB]{2,9}$/);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const amount = z.number().nonnegative().nullable();

export const seedFunderSchema = z.object({
  slug,
  name: z.string().min(2),
  acronym: z.string().nullable(),
  type: z.enum(funderTypes.codes),
  website: z.url().nullable(),
  description: z.string().nullable(),
  territory: territoryId.nullable(),
});

export const seedProgrammeSchema = z
  .object({
    slug,
    title: z.string().min(3),
    summary: z.string().min(10),
    description: z.string().min(10),
    funder: slug,
    coFunders: z.array(slug),
    funderNote: z.string().nullable(),
    aidKinds: z.array(z.enum(aidKinds.codes)).min(1),
    financed: z.array(z.enum(financedItems.codes)),
    beneficiaries: z.array(z.enum(beneficiaries.codes)),
    eligibility: z.array(z.string()),
    coverage: z.object({ national: z.boolean(), territories: z.array(territoryId) }),
    coverageNote: z.string().nullable(),
    amountTotal: amount,
    amountMin: amount,
    amountMax: amount,
    fundingRateMax: z.number().gt(0).max(100).nullable(),
    amountNote: z.string().nullable(),
    opensAt: isoDate,
    closesAt: isoDate,
    recurrence: z.enum(recurrences.codes).nullable(),
    rounds: z.array(z.object({ label: z.string(), opensAt: isoDate, closesAt: isoDate })),
    calendarNote: z.string().nullable(),
    applicationUrl: z.url().nullable(),
    contact: z.string().nullable(),
    sources: z.array(z.object({ url: z.url(), title: z.string().nullable(), retrievedAt: isoDate })).min(1),
    confidence: z.enum(["high", "medium", "low"]).nullable(),
    sourceStatus: z.enum(["clos", "recurrent"]).nullable(),
    years: z.array(z.string()).nullable(),
  })
  .refine((p) => p.amountMin === null || p.amountMax === null || p.amountMin <= p.amountMax, {
    message: "amountMin > amountMax",
  })
  .refine((p) => !p.opensAt || !p.closesAt || p.opensAt <= p.closesAt, { message: "closesAt < opensAt" })
  .refine((p) => p.coverage.national || p.coverage.territories.length > 0, {
    message: "a local programme needs territories",
  });

export const fundingKinds = ["spent", "committed", "planned"] as const;

export const seedFundingRecordSchema = z
  .object({
    slug,
    label: z.string(),
    kind: z.enum(fundingKinds),
    yearStart: z.number().int(),
    yearEnd: z.number().int(),
    amount,
    amountLow: amount,
    amountHigh: amount,
    note: z.string().nullable(),
    funder: slug.nullable(),
    funderLabel: z.string().min(2).nullable(),
    funderType: z.enum(funderTypes.codes).nullable(),
    programme: slug.nullable(),
    territory: territoryId.nullable(),
    territoryLabel: z.string().min(2).nullable(),
    partOf: slug.nullable(),
    overlapsOthers: z.boolean(),
    sourceUrls: z.array(z.url()).min(1),
    retrievedAt: isoDate,
  })
  .refine((r) => (r.amountLow === null) === (r.amountHigh === null), { message: "amountLow and amountHigh go together" })
  .refine((r) => r.amount === null || r.amountLow === null, { message: "an amount or a range, not both" })
  .refine((r) => r.amountLow === null || r.amountHigh === null || r.amountLow < r.amountHigh, {
    message: "a range needs amountLow < amountHigh",
  })
  .refine((r) => r.funder !== null || (r.funderLabel !== null && r.funderType !== null), {
    message: "a record without a catalogue funder names one and gives its type",
  })
  .refine((r) => r.partOf !== r.slug, { message: "a record cannot be part of itself" });

export type SeedFunder = z.infer<typeof seedFunderSchema>;
export type SeedProgramme = z.infer<typeof seedProgrammeSchema>;
export type SeedFundingRecord = z.infer<typeof seedFundingRecordSchema>;
