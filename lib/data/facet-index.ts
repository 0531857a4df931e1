import "server-only";
import { aidKinds, beneficiaries, financedItems, funderTypes } from "../codes";
import type { PrismaClient } from "../generated/prisma/client";
import { CALENDAR_STATUSES, CLOSING_SOON_DAYS } from "../programmes/calendar-status";
import type { ProgrammeSearch } from "../validation/programme-search";
import { catalogueVersion } from "./search-cache";

/**
 * The facets of the search, counted in memory. PostgreSQL scanning every matching programme at each
 * search cost ~3 µs per row and per facet (300 to 500 ms at 100,000 programmes, BENCHMARKS.md); here
 * the facts the filters and facets read (codes as bit masks, funder, co-funders, dates, amount,
 * coverage) sit in typed arrays, one entry per published programme, and one pass counts every
 * facet (a few milliseconds at 100,000). The index is rebuilt when the catalogue's version changes
 * (table catalogue_version, bumped by triggers on every change), so it is never older than the
 * catalogue; concurrent searches share one rebuild.
 *
 * PostgreSQL still decides which programmes match the words typed (full text, synonyms, typos):
 * their ids come in as `textMatches`. Everything else is decided here, with the same rules as the
 * SQL of lib/data/search-filters.ts (tests/db/search-facets.test.ts checks every count against a
 * direct count).
 */

const STATUS_INDEX = new Map<string, number>(CALENDAR_STATUSES.map((s, i) => [s, i]));
const CLOSED = STATUS_INDEX.get("closed") as number;

const codeIndex = (codes: readonly string[]) => new Map(codes.map((c, i) => [c, i]));
const FUNDER_TYPE = codeIndex(funderTypes.codes);
const BENEFICIARY = codeIndex(beneficiaries.codes);
const FINANCED = codeIndex(financedItems.codes);
const AID_KIND = codeIndex(aidKinds.codes);

const maskOf = (values: string[] | null, index: Map<string, number>) => {
  let mask = 0;
  for (const v of values ?? []) {
    const bit = index.get(v);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
};

export interface FacetIndex {
  version: string;
  size: number;
  position: Map<string, number>;
  funder: Int32Array;
  funderType: Uint8Array;
  /** Co-funders other than the main funder: coFunders[coStart[i] … coStart[i + 1]). */
  coStart: Int32Array;
  coFunders: Int32Array;
  beneficiaries: Uint32Array;
  financed: Uint32Array;
  aidKinds: Uint32Array;
  isClosed: Uint8Array;
  permanent: Uint8Array;
  opensAt: Float64Array;
  closesAt: Float64Array;
  amount: Float64Array;
  national: Uint8Array;
  /** Territories covered: coverage[covStart[i] … covStart[i + 1]), as indexes of `territories`. */
  covStart: Int32Array;
  coverage: Int32Array;
  territories: Map<string, number>;
  funders: { slug: string; name: string }[];
  funderBySlug: Map<string, number>;
}

interface Row {
  id: string;
  funder_id: string;
  funder_type: string;
  beneficiaries: string[] | null;
  financed: string[] | null;
  aid_kinds: string[] | null;
  is_closed: boolean;
  permanent: boolean;
  opens_at: Date | null;
  closes_at: Date | null;
  amount: number | null;
  is_national: boolean;
  coverage: string[] | null;
  co_funders: string[] | null;
}

async function buildIndex(prisma: PrismaClient, version: string): Promise<FacetIndex> {
  const [rows, funderRows] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT p.id::text, p.funder_id::text, f.type::text AS funder_type, p.beneficiaries::text[],
             p.financed::text[], p.aid_kinds::text[], p.is_closed, (p.recurrence = 'permanent') IS TRUE AS permanent,
             p.opens_at, p.closes_at, coalesce(p.amount_max, p.amount_total)::float8 AS amount, p.is_national,
             (SELECT array_agg(pt.territory_id) FROM programme_territory pt WHERE pt.programme_id = p.id) AS coverage,
             (SELECT array_agg(DISTINCT c.funder_id::text) FROM programme_co_funder c
               WHERE c.programme_id = p.id AND c.funder_id <> p.funder_id) AS co_funders
        FROM programme p JOIN funder f ON f.id = p.funder_id
       WHERE p.status = 'published'`,
    prisma.$queryRaw<{ id: string; slug: string; name: string }[]>`SELECT id::text, slug, name FROM funder`,
  ]);
  const funderIndex = new Map(funderRows.map((f, i) => [f.id, i]));
  const n = rows.length;
  const index: FacetIndex = {
    version,
    size: n,
    position: new Map(),
    funder: new Int32Array(n),
    funderType: new Uint8Array(n),
    coStart: new Int32Array(n + 1),
    coFunders: new Int32Array(rows.reduce((sum, r) => sum + (r.co_funders?.length ?? 0), 0)),
    beneficiaries: new Uint32Array(n),
    financed: new Uint32Array(n),
    aidKinds: new Uint32Array(n),
    isClosed: new Uint8Array(n),
    permanent: new Uint8Array(n),
    opensAt: new Float64Array(n),
    closesAt: new Float64Array(n),
    amount: new Float64Array(n),
    national: new Uint8Array(n),
    covStart: new Int32Array(n + 1),
    coverage: new Int32Array(rows.reduce((sum, r) => sum + (r.coverage?.length ?? 0), 0)),
    territories: new Map(),
    funders: funderRows.map((f) => ({ slug: f.slug, name: f.name })),
    funderBySlug: new Map(funderRows.map((f, i) => [f.slug, i])),
  };
  let co = 0;
  let cov = 0;
  rows.forEach((r, i) => {
    index.position.set(r.id, i);
    index.funder[i] = funderIndex.get(r.funder_id) ?? -1;
    index.funderType[i] = FUNDER_TYPE.get(r.funder_type) ?? 255;
    index.beneficiaries[i] = maskOf(r.beneficiaries, BENEFICIARY);
    index.financed[i] = maskOf(r.financed, FINANCED);
    index.aidKinds[i] = maskOf(r.aid_kinds, AID_KIND);
    index.isClosed[i] = r.is_closed ? 1 : 0;
    index.permanent[i] = r.permanent ? 1 : 0;
    index.opensAt[i] = r.opens_at ? r.opens_at.getTime() : Number.NaN;
    index.closesAt[i] = r.closes_at ? r.closes_at.getTime() : Number.NaN;
    index.amount[i] = r.amount ?? Number.NaN;
    index.national[i] = r.is_national ? 1 : 0;
    index.coStart[i] = co;
    for (const id of r.co_funders ?? []) index.coFunders[co++] = funderIndex.get(id) ?? -1;
    index.covStart[i] = cov;
    for (const t of r.coverage ?? []) {
      let k = index.territories.get(t);
      if (k === undefined) index.territories.set(t, (k = index.territories.size));
      index.coverage[cov++] = k;
    }
  });
  index.coStart[n] = co;
  index.covStart[n] = cov;
  return index;
}

let current: { version: string; index: Promise<FacetIndex> } | null = null;

/** The index of the catalogue as it is now (rebuilt when its version changed). */
export async function getFacetIndex(prisma: PrismaClient): Promise<FacetIndex> {
  const version = await catalogueVersion(prisma);
  if (current?.version !== version) {
    const building = buildIndex(prisma, version);
    const entry = { version, index: building };
    current = entry;
    building.catch(() => {
      if (current === entry) current = null;
    });
  }
  return current.index;
}

/** Calendar status code (index in CALENDAR_STATUSES) of programme i: calendarStatus(), on the arrays. */
function statusOf(ix: FacetIndex, i: number, now: number, soon: number): number {
  const closes = ix.closesAt[i] as number;
  const opens = ix.opensAt[i] as number;
  if (ix.isClosed[i] || closes < now) return CLOSED;
  if (opens > now) return STATUS_INDEX.get("upcoming") as number;
  if (ix.permanent[i] && Number.isNaN(closes)) return STATUS_INDEX.get("permanent") as number;
  if (closes <= soon) return STATUS_INDEX.get("closing-soon") as number;
  return STATUS_INDEX.get("open") as number;
}

export interface FacetCountRow {
  facet: string;
  value: string;
  label: string | null;
  count: number;
}

const FUNDER_TYPE_F = 0, FUNDER_F = 1, BENEFICIARY_F = 2, FINANCES_F = 3, AID_KIND_F = 4, STATUS_F = 5;

/**
 * Counts of every facet value, each counted with the filters of the other facets (the usual facet
 * rule), over the programmes available in `territoryIds` (when given), with a known amount of at
 * least `amountMin` (when given), and matching the words (`textMatches`, ids, when words were typed).
 * The funder facet keeps the `funderFacetSize` most present funders plus those chosen.
 */
export function countFacets(
  ix: FacetIndex,
  search: ProgrammeSearch,
  { now, territoryIds, textMatches, funderFacetSize }: { now: Date; territoryIds: string[] | null; textMatches: string[] | null; funderFacetSize: number },
): FacetCountRow[] {
  const nowMs = now.getTime();
  const soon = nowMs + CLOSING_SOON_DAYS * 86_400_000;
  const wantedTypes = new Set(search.funderType.map((c) => FUNDER_TYPE.get(c)));
  const wantedFunders = new Set(search.funder.map((s) => ix.funderBySlug.get(s)).filter((x): x is number => x !== undefined));
  const wantedStatuses = new Set(search.status.map((s) => STATUS_INDEX.get(s)));
  const beneficiaryMask = maskOf(search.beneficiary, BENEFICIARY);
  const financedMask = maskOf(search.finances, FINANCED);
  const aidKindMask = maskOf(search.aidKind, AID_KIND);
  const places = territoryIds ? new Set(territoryIds.map((t) => ix.territories.get(t)).filter((x) => x !== undefined)) : null;

  const typeCounts = new Float64Array(funderTypes.codes.length);
  const statusCounts = new Float64Array(CALENDAR_STATUSES.length);
  const beneficiaryCounts = new Float64Array(beneficiaries.codes.length);
  const financedCounts = new Float64Array(financedItems.codes.length);
  const aidKindCounts = new Float64Array(aidKinds.codes.length);
  const funderCounts = new Float64Array(ix.funders.length);
  const addBits = (mask: number, counts: Float64Array) => {
    for (let m = mask, bit = 0; m; m >>>= 1, bit++) if (m & 1) counts[bit] = (counts[bit] as number) + 1;
  };

  const visit = (i: number) => {
    if (places) {
      let available = ix.national[i] === 1;
      for (let k = ix.covStart[i] as number, end = ix.covStart[i + 1] as number; !available && k < end; k++) {
        available = places.has(ix.coverage[k] as number);
      }
      if (!available) return;
    }
    if (search.amountMin !== undefined && !((ix.amount[i] as number) >= search.amountMin)) return;

    const status = statusOf(ix, i, nowMs, soon);
    const funder = ix.funder[i] as number;
    const coStart = ix.coStart[i] as number, coEnd = ix.coStart[i + 1] as number;
    // Which facets' filters the programme fails: none, exactly one (it counts in that facet only), or more.
    let failing = -1;
    let failures = 0;
    const fail = (facet: number) => {
      failures++;
      failing = facet;
    };
    if (wantedTypes.size && !wantedTypes.has(ix.funderType[i])) fail(FUNDER_TYPE_F);
    if (search.funder.length) {
      let funded = wantedFunders.has(funder);
      for (let k = coStart; !funded && k < coEnd; k++) funded = wantedFunders.has(ix.coFunders[k] as number);
      if (!funded) fail(FUNDER_F);
    }
    if (beneficiaryMask && !((ix.beneficiaries[i] as number) & beneficiaryMask)) fail(BENEFICIARY_F);
    if (financedMask && !((ix.financed[i] as number) & financedMask)) fail(FINANCES_F);
    if (aidKindMask && !((ix.aidKinds[i] as number) & aidKindMask)) fail(AID_KIND_F);
    if (wantedStatuses.size ? !wantedStatuses.has(status) : status === CLOSED) fail(STATUS_F);
    if (failures > 1) return;

    const counts = (facet: number) => failures === 0 || failing === facet;
    if (counts(FUNDER_TYPE_F)) typeCounts[ix.funderType[i] as number] = (typeCounts[ix.funderType[i] as number] ?? 0) + 1;
    if (counts(STATUS_F)) statusCounts[status] = (statusCounts[status] as number) + 1;
    if (counts(BENEFICIARY_F)) addBits(ix.beneficiaries[i] as number, beneficiaryCounts);
    if (counts(FINANCES_F)) addBits(ix.financed[i] as number, financedCounts);
    if (counts(AID_KIND_F)) addBits(ix.aidKinds[i] as number, aidKindCounts);
    if (counts(FUNDER_F)) {
      if (funder >= 0) funderCounts[funder] = (funderCounts[funder] as number) + 1;
      for (let k = coStart; k < coEnd; k++) {
        const c = ix.coFunders[k] as number;
        if (c >= 0) funderCounts[c] = (funderCounts[c] as number) + 1;
      }
    }
  };

  if (textMatches) {
    for (const id of textMatches) {
      const i = ix.position.get(id);
      if (i !== undefined) visit(i);
    }
  } else {
    for (let i = 0; i < ix.size; i++) visit(i);
  }

  const rows: FacetCountRow[] = [];
  const push = (facet: string, codes: readonly string[], counts: Float64Array) =>
    codes.forEach((value, k) => {
      if (counts[k]) rows.push({ facet, value, label: null, count: counts[k] as number });
    });
  push("funderType", funderTypes.codes, typeCounts);
  push("status", CALENDAR_STATUSES, statusCounts);
  push("beneficiary", beneficiaries.codes, beneficiaryCounts);
  push("finances", financedItems.codes, financedCounts);
  push("aidKind", aidKinds.codes, aidKindCounts);
  // The funders most present (ties by name), and every funder chosen, with its count (0 when none is left).
  const present: number[] = [];
  funderCounts.forEach((count, k) => {
    if (count > 0) present.push(k);
  });
  present.sort((a, b) => (funderCounts[b] as number) - (funderCounts[a] as number) || compareNames(ix.funders[a]!.name, ix.funders[b]!.name));
  const shown = new Set(present.slice(0, funderFacetSize));
  for (const k of wantedFunders) shown.add(k);
  for (const k of shown) rows.push({ facet: "funder", value: ix.funders[k]!.slug, label: ix.funders[k]!.name, count: funderCounts[k] as number });
  return rows;
}

const collator = new Intl.Collator("fr");
const compareNames = (a: string, b: string) => collator.compare(a, b);

/** For tests: forget the index (the next search rebuilds it). */
export const resetFacetIndex = () => {
  current = null;
};
