import "server-only";
import { aidKinds, beneficiaries, financedItems, funderTypes } from "../codes";
import type { Database } from "../db/connect";
import type { SynonymPhrase } from "../search/query-plan";
import { CALENDAR_STATUSES, CLOSING_SOON_DAYS } from "../programmes/calendar-status";
import {
  expectsReopening,
  mayReopen,
  parisMonthOf,
  parisMonthStart,
  predictFromEvidence,
  type ReopeningEvidence,
  reopeningEvidence,
  type ReopeningPrediction,
  SEARCH_STATUSES,
} from "../programmes/reopening";
import type { RecurrenceCode } from "../codes";
import type { ProgrammeSearch, Sort } from "../validation/programme-search";
import { type PhrasePostings, phrasePostings, type TextIndex, TextIndexBuilder, type TextSearch } from "../search/text-index";
import { intersect, union } from "../search/sorted-lists";
import { SEARCH_CONFIG } from "./search-config";
import type { ProgrammeSearchItem } from "./search-items";

/**
 * The search's filters, facets, sort and page, decided in memory. PostgreSQL scanning every
 * matching programme at each search cost ~3 µs per row and per facet, plus the sort (0.3 to 1 s at
 * 100,000 programmes, BENCHMARKS.md); here the facts that filters, facets and sorts read (codes as
 * bit masks, funder and co-funders, dates, amounts, coverage) sit in typed arrays, one entry per
 * published programme, and one pass decides everything (a few milliseconds at 100,000). The index
 * is rebuilt when the catalogue's version changes (table catalogue_version, bumped by triggers on
 * every change), so it is never older than the catalogue; concurrent searches share one rebuild.
 *
 * The words typed are matched and ranked here too, on the programmes' tsvectors as PostgreSQL built
 * them (lib/search/text-index.ts: `@@` and `ts_rank_cd`, re-stated); PostgreSQL still turns the
 * words typed into a tsquery (synonyms, typos: lib/data/search-query.ts). The rules are those of the SQL they replace
 * (calendar status: calendarStatusSql(); tests/db/search-facets.test.ts checks every count against
 * an independent Prisma count, tests/db/programme-search.test.ts the sorts and pages).
 */

const STATUS_INDEX = new Map<string, number>(CALENDAR_STATUSES.map((s, i) => [s, i]));
const status = (code: string) => STATUS_INDEX.get(code) as number;
const CLOSED = status("closed");
const UPCOMING = status("upcoming");
const PERMANENT = status("permanent");
const CLOSING_SOON = status("closing-soon");
const OPEN = status("open");
/** The search's status `expected` (lib/programmes/reopening.ts): a bit after the calendar's. */
const SEARCH_STATUS_INDEX = new Map<string, number>(SEARCH_STATUSES.map((s, i) => [s, i]));
const EXPECTED = SEARCH_STATUS_INDEX.get("expected") as number;
const EXPECTED_BIT = 1 << EXPECTED;

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

export interface ProgrammeIndex {
  version: string;
  size: number;
  ids: string[];
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
  amountMax: Float64Array;
  publishedAt: Float64Array;
  updatedAt: Float64Array;
  /** What a result shows (pageItems(): the API's pages, read without the database). */
  slugs: string[];
  titles: string[];
  summaries: string[];
  applicationUrls: (string | null)[];
  isNational: Uint8Array;
  /** The national programmes, ascending. */
  nationalProgrammes: Int32Array;
  /** The programmes covering territory t (an index of `territories`): placeProgrammes[placeStart[t] … placeStart[t + 1]), ascending. */
  placeStart: Int32Array;
  placeProgrammes: Int32Array;
  territories: Map<string, number>;
  funders: { slug: string; name: string }[];
  /** Each funder's place in the alphabetical order of their names (French collation). */
  funderNameRank: Int32Array;
  funderBySlug: Map<string, number>;
  /** The programmes' words (their search_vector), document i being programme i. */
  text: TextIndex;
  /** Every phrase of every synonym set (table search_synonym), with its lexemes and its tsquery text. */
  synonyms: SynonymPhrase[];
  /** Where the synonym sets' phrases occur, computed once (they are searched often: « France Services »). */
  phrases: Map<string, PhrasePostings>;
  /** The programmes a reopening may be predicted for (mayReopen()), ascending, with their evidence. */
  reopeningCandidates: Int32Array;
  reopeningEvidence: Map<number, ReopeningEvidence>;
  /** Every programme's calendar status and predicted reopening, as long as they hold (see statusesAt()). */
  statuses: Statuses | null;
}

interface Statuses {
  from: number;
  until: number;
  status: Uint8Array;
  /** 1 where a reopening is predicted (search status `expected`). */
  expected: Uint8Array;
  /** The Paris month of the interval (the predictions' `now` month). */
  month: number;
  /** The predictions' wording, written when a page shows them (reopeningsAt()), then kept. */
  reopening: Map<number, ReopeningPrediction>;
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
  recurrence: RecurrenceCode | null;
  opens_at: Date | null;
  closes_at: Date | null;
  amount: number | null;
  amount_max: number | null;
  published_at: Date | null;
  updated_at: Date;
  is_national: boolean;
  slug: string;
  title: string;
  summary: string;
  application_url: string | null;
  coverage: string[] | null;
  co_funders: string[] | null;
  words: string | null;
}

/** The published programmes, with everything the index keeps (read without Prisma: 100,000 rows). */
const PROGRAMMES_SQL = `
      SELECT p.id::text, p.funder_id::text, f.type::text AS funder_type, p.beneficiaries::text[],
             p.financed::text[], p.aid_kinds::text[], p.is_closed, (p.recurrence = 'permanent') IS TRUE AS permanent,
             p.recurrence::text AS recurrence,
             p.opens_at, p.closes_at, coalesce(p.amount_max, p.amount_total)::float8 AS amount,
             p.amount_max::float8 AS amount_max, p.published_at, p.updated_at, p.is_national,
             p.slug, p.title, p.summary, p.application_url,
             (SELECT array_agg(pt.territory_id) FROM programme_territory pt WHERE pt.programme_id = p.id) AS coverage,
             (SELECT array_agg(DISTINCT c.funder_id::text) FROM programme_co_funder c
               WHERE c.programme_id = p.id AND c.funder_id <> p.funder_id) AS co_funders,
             p.search_vector::text AS words
        FROM programme p JOIN funder f ON f.id = p.funder_id
       WHERE p.status = 'published'
       -- A programme's position is its rank by title then slug, in the database's collation: the
       -- last key of every sort, exactly as in SQL.
       ORDER BY p.title, p.slug`;

type IndexSource = Pick<Database, "sql" | "prisma">;

async function buildIndex({ sql, prisma }: IndexSource, version: string): Promise<ProgrammeIndex> {
  const [rows, funderRows, synonyms, roundRows] = await Promise.all([
    sql.transaction(async (tx) => {
      // Sorted with their texts, 100,000 rows spilled to disk with the default work_mem (4 MB).
      await tx.exec("SET LOCAL work_mem = '64MB'");
      return tx.query<Row>(PROGRAMMES_SQL);
    }),
    prisma.$queryRaw<{ id: string; slug: string; name: string }[]>`SELECT id::text, slug, name FROM funder`,
    prisma.$queryRaw<SynonymPhrase[]>`
      SELECT s.id::text AS "group", ph.phrase, search_lexemes(ph.phrase) AS lexemes,
             phraseto_tsquery(${SEARCH_CONFIG}, ph.phrase)::text AS query
        FROM search_synonym s CROSS JOIN LATERAL unnest(array_prepend(s.term, s.synonyms)) WITH ORDINALITY AS ph(phrase, ord)
       ORDER BY s.term, s.id, ph.ord`,
    // The published programmes' rounds: the evidence of predicted reopenings (few rows).
    prisma.$queryRaw<{ programme_id: string; opens_at: Date | null; closes_at: Date | null }[]>`
      SELECT r.programme_id::text, r.opens_at, r.closes_at
        FROM programme_round r JOIN programme p ON p.id = r.programme_id
       WHERE p.status = 'published'`,
  ]);
  const funderIndex = new Map(funderRows.map((f, i) => [f.id, i]));
  const n = rows.length;
  const words = new TextIndexBuilder();
  for (const r of rows) {
    words.add(r.words);
    r.words = null; // the text is large: let it go as soon as it is read
  }
  const text = words.finish();
  const index: ProgrammeIndex = {
    version,
    size: n,
    ids: rows.map((r) => r.id),
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
    amountMax: new Float64Array(n),
    publishedAt: new Float64Array(n),
    updatedAt: new Float64Array(n),
    slugs: rows.map((r) => r.slug),
    titles: rows.map((r) => r.title),
    summaries: rows.map((r) => r.summary),
    applicationUrls: rows.map((r) => r.application_url),
    isNational: new Uint8Array(n),
    nationalProgrammes: new Int32Array(0),
    placeStart: new Int32Array(0),
    placeProgrammes: new Int32Array(0),
    territories: new Map(),
    funders: funderRows.map((f) => ({ slug: f.slug, name: f.name })),
    funderNameRank: rankOf(funderRows.map((f) => f.name)),
    funderBySlug: new Map(funderRows.map((f, i) => [f.slug, i])),
    text,
    synonyms,
    phrases: phrasePostings(text, synonyms.map((p) => p.query ?? "")),
    reopeningCandidates: new Int32Array(0),
    reopeningEvidence: new Map(),
    statuses: null,
  };
  // Evidence of a reopening, prepared once (Paris months): statusesAt() only compares integers.
  const roundsOf = new Map<string, { opensAt: Date | null; closesAt: Date | null }[]>();
  for (const r of roundRows) {
    const list = roundsOf.get(r.programme_id) ?? [];
    list.push({ opensAt: r.opens_at, closesAt: r.closes_at });
    roundsOf.set(r.programme_id, list);
  }
  const candidates: number[] = [];
  rows.forEach((r, i) => {
    if (r.recurrence === "permanent" || r.recurrence === "ponctuel") return;
    const rounds = roundsOf.get(r.id);
    if (r.recurrence !== "annuel" && !rounds) return; // one date at most: never a rhythm
    const evidence = reopeningEvidence({ recurrence: r.recurrence, opensAt: r.opens_at, closesAt: r.closes_at, rounds: rounds ?? [] });
    if (!mayReopen(evidence)) return;
    candidates.push(i);
    index.reopeningEvidence.set(i, evidence);
  });
  index.reopeningCandidates = Int32Array.from(candidates);
  let co = 0;
  // Coverage as lists of programmes per territory (a counting sort: programmes ascending in each).
  const coveredBy: number[] = [];
  const national: number[] = [];
  rows.forEach((r, i) => {
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
    index.amountMax[i] = r.amount_max ?? Number.NaN;
    index.publishedAt[i] = r.published_at ? r.published_at.getTime() : Number.NaN;
    index.updatedAt[i] = r.updated_at.getTime();
    if (r.is_national) {
      national.push(i);
      index.isNational[i] = 1;
    }
    index.coStart[i] = co;
    for (const id of r.co_funders ?? []) index.coFunders[co++] = funderIndex.get(id) ?? -1;
    for (const t of r.coverage ?? []) {
      let k = index.territories.get(t);
      if (k === undefined) index.territories.set(t, (k = index.territories.size));
      coveredBy.push(k, i);
    }
  });
  index.coStart[n] = co;
  index.nationalProgrammes = Int32Array.from(national);
  const placeStart = new Int32Array(index.territories.size + 1);
  for (let c = 0; c < coveredBy.length; c += 2) {
    const t = (coveredBy[c] as number) + 1;
    placeStart[t] = (placeStart[t] as number) + 1;
  }
  for (let t = 0; t < index.territories.size; t++) placeStart[t + 1] = (placeStart[t + 1] as number) + (placeStart[t] as number);
  const placeProgrammes = new Int32Array(coveredBy.length / 2);
  const fill = placeStart.slice(0, index.territories.size);
  for (let c = 0; c < coveredBy.length; c += 2) {
    const t = coveredBy[c] as number;
    placeProgrammes[fill[t] as number] = coveredBy[c + 1] as number;
    fill[t] = (fill[t] as number) + 1;
  }
  index.placeStart = placeStart;
  index.placeProgrammes = placeProgrammes;
  return index;
}

/**
 * One index per process, kept on globalThis: Next.js bundles this module once for the API routes,
 * once for the pages and once for instrumentation.ts (which builds it at start), and each copy
 * would otherwise build and hold its own (three times the memory, and the first search of each
 * kind waiting for a build already done). Not under `next dev`, where an edit of this code reloads
 * the module but not globalThis: the new code must not read an index the old code built.
 */
const shared = (process.env.NODE_ENV === "development" ? {} : globalThis) as {
  __finProgrammeIndex?: { source: IndexSource["sql"]; version: string; index: Promise<ProgrammeIndex> } | null;
};

/**
 * The index of the catalogue at this version (catalogueVersion(): rebuilt when it changed), of this
 * database (tests open several, whose versions may coincide).
 */
export async function getProgrammeIndex(db: IndexSource, version: string): Promise<ProgrammeIndex> {
  let current = shared.__finProgrammeIndex;
  if (current?.version !== version || current.source !== db.sql) {
    const building = buildIndex(db, version);
    const entry = { source: db.sql, version, index: building };
    current = shared.__finProgrammeIndex = entry;
    building.catch(() => {
      if (shared.__finProgrammeIndex === entry) shared.__finProgrammeIndex = null;
    });
  }
  return current.index;
}

/**
 * Every programme's calendar status at `now` (ms), and the reopenings predicted. Statuses change
 * only at dates of the catalogue (opening, closing, 30 days before closing), predictions only at
 * those, at the dates of past editions and when a new Paris month starts (lib/programmes/reopening.ts):
 * they are computed once for the interval between the two such instants around `now`, and again once
 * the time leaves it — never per search.
 */
function statusesAt(ix: ProgrammeIndex, now: number): Statuses {
  const known = ix.statuses;
  if (known && known.from <= now && now < known.until) return known;
  const soon = now + CLOSING_SOON_DAYS * 86_400_000;
  const status = known?.status ?? new Uint8Array(ix.size);
  const expected = known?.expected.fill(0) ?? new Uint8Array(ix.size);

  // [from, until): no comparison statusOf() or the prediction makes changes its answer (times are whole milliseconds).
  let from = -Infinity;
  let until = Infinity;
  const edge = (at: number) => {
    if (Number.isNaN(at)) return;
    if (at <= now) from = Math.max(from, at);
    else until = Math.min(until, at);
  };
  for (let i = 0; i < ix.size; i++) {
    status[i] = statusOf(ix, i, now, soon);
    const closes = ix.closesAt[i] as number;
    edge(ix.opensAt[i] as number); // upcoming while now < opens
    edge(closes - CLOSING_SOON_DAYS * 86_400_000); // closing soon once closes <= now + 30 days
    edge(closes + 1); // closed once closes < now
  }
  const month = parisMonthOf(now);
  edge(parisMonthStart(month));
  edge(parisMonthStart(month + 1));
  for (let c = 0; c < ix.reopeningCandidates.length; c++) {
    const i = ix.reopeningCandidates[c] as number;
    const evidence = ix.reopeningEvidence.get(i) as ReopeningEvidence;
    for (const d of evidence.openings) edge(d.at); // an edition counts once d.at <= now
    for (const d of evidence.closings) edge(d.at);
    edge(evidence.lastRoundDate);
    if (status[i] === CLOSED && expectsReopening(evidence, "closed", now, month)) expected[i] = 1;
  }
  return (ix.statuses = { from, until, status, expected, month, reopening: new Map() });
}

/** The reopenings predicted at `now` for programmes at these positions (null where none). */
export function reopeningsAt(ix: ProgrammeIndex, positions: number[], now: Date): (ReopeningPrediction | null)[] {
  const statuses = statusesAt(ix, now.getTime());
  return positions.map((i) => (i < 0 ? null : reopeningOf(ix, statuses, i, now.getTime())));
}

const positionsBySlug = new WeakMap<ProgrammeIndex, Map<string, number>>();

/** The positions of these programmes in the index (−1 when not published), by slug. */
export function positionsOf(ix: ProgrammeIndex, slugs: string[]): number[] {
  let bySlug = positionsBySlug.get(ix);
  if (!bySlug) positionsBySlug.set(ix, (bySlug = new Map(ix.slugs.map((s, i) => [s, i]))));
  return slugs.map((s) => bySlug.get(s) ?? -1);
}

/** Programme i's prediction in this interval: worded once, the first time a page shows it. */
function reopeningOf(ix: ProgrammeIndex, statuses: Statuses, i: number, now: number): ReopeningPrediction | null {
  if (!statuses.expected[i]) return null;
  let prediction = statuses.reopening.get(i);
  if (!prediction) {
    // Within the interval the decision holds: the same evidence, status and month give the same words.
    prediction = predictFromEvidence(ix.reopeningEvidence.get(i) as ReopeningEvidence, "closed", now, statuses.month) as ReopeningPrediction;
    statuses.reopening.set(i, prediction);
  }
  return prediction;
}

/** Calendar status code (index in CALENDAR_STATUSES) of programme i: calendarStatus(), on the arrays. */
function statusOf(ix: ProgrammeIndex, i: number, now: number, soon: number): number {
  const closes = ix.closesAt[i] as number;
  const opens = ix.opensAt[i] as number;
  if (ix.isClosed[i] || closes < now) return CLOSED;
  if (opens > now) return UPCOMING;
  if (ix.permanent[i] && Number.isNaN(closes)) return PERMANENT;
  if (closes <= soon) return CLOSING_SOON;
  return OPEN;
}

export interface FacetCountRow {
  facet: string;
  value: string;
  label: string | null;
  count: number;
}

// One bit per facet.
const FUNDER_TYPE_F = 1, FUNDER_F = 2, BENEFICIARY_F = 4, FINANCES_F = 8, AID_KIND_F = 16, STATUS_F = 32;

export interface IndexSearchResult {
  facetRows: FacetCountRow[];
  total: number;
  /** The ids of the page's programmes, in the order of the sort. */
  pageIds: string[];
  /** The same programmes, as positions in the index (for pageItems()). */
  page: number[];
}

/**
 * One pass over the programmes available in `territoryIds` (when given), with a known amount of at
 * least `amountMin` (when given), and matching the words (`text`, when words were typed): the count of every facet value, each counted with the filters of the other facets
 * (the usual facet rule), the total of those passing every filter, and the page of them in the
 * order of the sort (see comparator()). The funder facet
 * keeps the `funderFacetSize` most present funders plus those chosen.
 */
export function searchIndex(
  ix: ProgrammeIndex,
  search: ProgrammeSearch,
  { now, territoryIds, text, funderFacetSize, sort }: {
    now: Date;
    territoryIds: string[] | null;
    text: TextSearch | null;
    funderFacetSize: number;
    sort: Sort;
  },
): IndexSearchResult {
  const nowMs = now.getTime();
  // Every filter as a bit mask or a flag array, read by facetPass() (no Set, no closure: the
  // pass visits up to every programme at each search).
  const wantedTypes = maskOf(search.funderType, FUNDER_TYPE);
  const wantedFunders = new Set(search.funder.map((s) => ix.funderBySlug.get(s)).filter((x): x is number => x !== undefined));
  const funderWanted = search.funder.length ? new Uint8Array(ix.funders.length) : null;
  for (const k of wantedFunders) funderWanted![k] = 1;
  const wantedStatuses = maskOf(search.status, SEARCH_STATUS_INDEX);
  const beneficiaryMask = maskOf(search.beneficiary, BENEFICIARY);
  const financedMask = maskOf(search.finances, FINANCED);
  const aidKindMask = maskOf(search.aidKind, AID_KIND);
  const amountMin = search.amountMin;

  const counts = newFacetCounts(ix);
  // The programmes to visit: the text's matches, those available in the territory, both, or all.
  const said = text ? text.matches() : null;
  const here = territoryIds ? availableIn(ix, territoryIds) : null;
  const candidates = said && here ? intersect(said, here) : (said ?? here);
  const matches = scratchInt32(candidates ? candidates.length : ix.size);
  const statuses = statusesAt(ix, nowMs);
  const statusAt = statuses.status;
  const matched = facetPass(ix, candidates, statusAt, statuses.expected, {
    hasAmountMin: amountMin !== undefined,
    amountMin: amountMin ?? 0,
    wantedTypes,
    funderWanted,
    beneficiaryMask,
    financedMask,
    aidKindMask,
    wantedStatuses,
  }, counts, matches);

  const rows = facetRows(ix, counts, wantedFunders, funderFacetSize);

  const found = matches.subarray(0, matched);
  const end = Math.min(matched, search.page * search.perPage);
  const first = (search.page - 1) * search.perPage;
  let page: number[] = [];
  if (first < matched) {
    if (sort === "relevance" && text) {
      const rankAt = scratchRanks(ix.size);
      page = topRanked(found, end, comparator(ix, sort, statusAt, rankAt), text, rankAt);
    } else {
      page = topSorted(found, end, comparator(ix, sort, statusAt, null));
    }
  }
  page = page.slice(first);
  return {
    facetRows: rows,
    total: matched,
    pageIds: page.map((i) => ix.ids[i] as string),
    page,
  };
}

const dateOrNull = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms));

/**
 * The programmes at these positions as results, from the index alone: what the page of results
 * reads from the database (lib/data/programme-search.ts), without the territories' names or the
 * extracts around the words, which only the database has. The API returns neither: its pages cost
 * no query (tests/db/programme-search.test.ts compares both ways).
 */
export function pageItems(ix: ProgrammeIndex, page: number[], now: Date): ProgrammeSearchItem[] {
  const statuses = statusesAt(ix, now.getTime());
  const statusAt = statuses.status;
  return page.map((i) => {
    const funder = ix.funders[ix.funder[i] as number] as { slug: string; name: string };
    const financed = ix.financed[i] as number;
    const amountMax = ix.amountMax[i] as number;
    return {
      slug: ix.slugs[i] as string,
      title: ix.titles[i] as string,
      summary: ix.summaries[i] as string,
      funder: { slug: funder.slug, name: funder.name, type: funderTypes.codes[ix.funderType[i] as number] as ProgrammeSearchItem["funder"]["type"] },
      status: CALENDAR_STATUSES[statusAt[i] as number] as ProgrammeSearchItem["status"],
      opensAt: dateOrNull(ix.opensAt[i] as number),
      closesAt: dateOrNull(ix.closesAt[i] as number),
      amountMax: Number.isNaN(amountMax) ? null : amountMax,
      applicationUrl: ix.applicationUrls[i] ?? null,
      isNational: ix.isNational[i] === 1,
      territories: [],
      financed: financedItems.codes.filter((_, bit) => financed & (1 << bit)),
      snippet: null,
      reopening: reopeningOf(ix, statuses, i, now.getTime()),
    };
  });
}

/**
 * The programmes available in a territory given with its parents (`territoryIds`), ascending: the
 * national ones and those covering any of them.
 */
function availableIn(ix: ProgrammeIndex, territoryIds: string[]): Int32Array {
  let here = ix.nationalProgrammes;
  for (const id of territoryIds) {
    const t = ix.territories.get(id);
    if (t !== undefined) here = union(here, ix.placeProgrammes.subarray(ix.placeStart[t] as number, ix.placeStart[t + 1] as number));
  }
  return here;
}

/** A search's filters, every field always set (one object shape: facetPass() stays compiled for all). */
interface PassFilters {
  hasAmountMin: boolean;
  amountMin: number;
  wantedTypes: number;
  funderWanted: Uint8Array | null;
  beneficiaryMask: number;
  financedMask: number;
  aidKindMask: number;
  wantedStatuses: number;
}

interface FacetCounts {
  typeCounts: Float64Array;
  statusCounts: Float64Array;
  /** Multi-valued facets are counted per combination of codes (a bit mask: 2^11 at most), then per code. */
  beneficiaryMasks: Float64Array;
  financedMasks: Float64Array;
  aidKindMasks: Float64Array;
  funderCounts: Float64Array;
}

const newFacetCounts = (ix: ProgrammeIndex): FacetCounts => ({
  typeCounts: new Float64Array(funderTypes.codes.length),
  statusCounts: new Float64Array(SEARCH_STATUSES.length),
  beneficiaryMasks: new Float64Array(1 << beneficiaries.codes.length),
  financedMasks: new Float64Array(1 << financedItems.codes.length),
  aidKindMasks: new Float64Array(1 << aidKinds.codes.length),
  funderCounts: new Float64Array(ix.funders.length),
});

/**
 * The pass over the programmes (the text's matches, or all): which pass every filter (written to
 * `matches`, their number returned), and the facet counts. A function of its own, on typed arrays
 * and one shape of filters, so that V8 compiles it once and keeps it: searchIndex() reads search
 * objects of many shapes, whose changes sent this loop back to the interpreter.
 */
function facetPass(
  ix: ProgrammeIndex,
  candidates: Int32Array | null,
  statusAt: Uint8Array,
  expectedAt: Uint8Array,
  filters: PassFilters,
  counts: FacetCounts,
  matches: Int32Array,
): number {
  const { hasAmountMin, amountMin, wantedTypes, funderWanted, beneficiaryMask, financedMask, aidKindMask, wantedStatuses } = filters;
  const { typeCounts, statusCounts, beneficiaryMasks, financedMasks, aidKindMasks, funderCounts } = counts;
  const { amount, funder: funderOf, coStart: coStartOf, coFunders, funderType, beneficiaries: beneficiariesOf, financed: financedOf, aidKinds: aidKindsOf } = ix;
  const visited = candidates ? candidates.length : ix.size;
  let matched = 0;
  for (let v = 0; v < visited; v++) {
    const i = candidates ? (candidates[v] as number) : v;
    if (hasAmountMin && !((amount[i] as number) >= amountMin)) continue;

    const status = statusAt[i] as number;
    const funder = funderOf[i] as number;
    const coStart = coStartOf[i] as number, coEnd = coStartOf[i + 1] as number;
    const type = funderType[i] as number;
    const beneficiaryCodes = beneficiariesOf[i] as number;
    const financedCodes = financedOf[i] as number;
    const aidKindCodes = aidKindsOf[i] as number;
    // The facets whose filter the programme fails, one bit each: none, exactly one (it counts in
    // that facet only), or more (it counts nowhere).
    let failed = 0;
    if (wantedTypes && !((wantedTypes >>> type) & 1)) failed |= FUNDER_TYPE_F;
    if (funderWanted) {
      let funded = funder >= 0 && funderWanted[funder] === 1;
      for (let k = coStart; !funded && k < coEnd; k++) {
        const c = coFunders[k] as number;
        funded = c >= 0 && funderWanted[c] === 1;
      }
      if (!funded) failed |= FUNDER_F;
    }
    if (beneficiaryMask && !(beneficiaryCodes & beneficiaryMask)) failed |= BENEFICIARY_F;
    if (financedMask && !(financedCodes & financedMask)) failed |= FINANCES_F;
    if (aidKindMask && !(aidKindCodes & aidKindMask)) failed |= AID_KIND_F;
    // `expected` (a predicted reopening) is a part of the closed ones: chosen alone, only those.
    const expected = expectedAt[i] as number;
    if (wantedStatuses ? !(((wantedStatuses >>> status) & 1) || (expected && wantedStatuses & EXPECTED_BIT)) : status === CLOSED) failed |= STATUS_F;
    if (failed & (failed - 1)) continue;
    if (failed === 0) matches[matched++] = i;

    // Counted in a facet when it passes every other facet's filter.
    const all = failed === 0;
    if (all || failed === FUNDER_TYPE_F) typeCounts[type] = (typeCounts[type] as number) + 1;
    if (all || failed === STATUS_F) {
      statusCounts[status] = (statusCounts[status] as number) + 1;
      if (expected) statusCounts[EXPECTED] = (statusCounts[EXPECTED] as number) + 1;
    }
    if (all || failed === BENEFICIARY_F) beneficiaryMasks[beneficiaryCodes] = (beneficiaryMasks[beneficiaryCodes] as number) + 1;
    if (all || failed === FINANCES_F) financedMasks[financedCodes] = (financedMasks[financedCodes] as number) + 1;
    if (all || failed === AID_KIND_F) aidKindMasks[aidKindCodes] = (aidKindMasks[aidKindCodes] as number) + 1;
    if (all || failed === FUNDER_F) {
      if (funder >= 0) funderCounts[funder] = (funderCounts[funder] as number) + 1;
      for (let k = coStart; k < coEnd; k++) {
        const c = coFunders[k] as number;
        if (c >= 0) funderCounts[c] = (funderCounts[c] as number) + 1;
      }
    }
  }
  return matched;
}

/** A multi-valued facet's counts per code, from its counts per combination of codes (bit masks). */
function perCode(masks: Float64Array, codes: number): Float64Array {
  const counts = new Float64Array(codes);
  for (let mask = 1; mask < masks.length; mask++) {
    const count = masks[mask] as number;
    if (count) for (let m = mask, bit = 0; m; m >>>= 1, bit++) if (m & 1) counts[bit] = (counts[bit] as number) + count;
  }
  return counts;
}

/**
 * The facet counts as rows: every code with programmes, and for funders, the `funderFacetSize`
 * most present (ties by name) and every funder chosen, with its count (0 when none is left).
 * Out of searchIndex(): the loop there stays small enough to be compiled whole.
 */
function facetRows(
  ix: ProgrammeIndex,
  counts: FacetCounts,
  wantedFunders: Set<number>,
  funderFacetSize: number,
): FacetCountRow[] {
  const rows: FacetCountRow[] = [];
  const push = (facet: string, codes: readonly string[], byCode: Float64Array) => {
    for (let k = 0; k < codes.length; k++) {
      if (byCode[k]) rows.push({ facet, value: codes[k] as string, label: null, count: byCode[k] as number });
    }
  };
  push("funderType", funderTypes.codes, counts.typeCounts);
  push("status", SEARCH_STATUSES, counts.statusCounts);
  push("beneficiary", beneficiaries.codes, perCode(counts.beneficiaryMasks, beneficiaries.codes.length));
  push("finances", financedItems.codes, perCode(counts.financedMasks, financedItems.codes.length));
  push("aidKind", aidKinds.codes, perCode(counts.aidKindMasks, aidKinds.codes.length));
  const funderCounts = counts.funderCounts;
  const present: number[] = [];
  for (let k = 0; k < funderCounts.length; k++) if ((funderCounts[k] as number) > 0) present.push(k);
  const byPresence = (a: number, b: number) =>
    compareNumbers(funderCounts[b] as number, funderCounts[a] as number) || (ix.funderNameRank[a] as number) - (ix.funderNameRank[b] as number);
  const shown = new Set(topSorted(present, funderFacetSize, byPresence));
  for (const k of wantedFunders) shown.add(k);
  for (const k of shown) rows.push({ facet: "funder", value: ix.funders[k]!.slug, label: ix.funders[k]!.name, count: funderCounts[k] as number });
  return rows;
}

// Work arrays of the search, reused from one search to the next (searchIndex runs to its end
// without yielding, and keeps none of them): allocating and zeroing them at every search cost
// ~1 MB and a garbage collection now and then at 100,000 programmes. Only the entries the
// search writes are read: the matches it found, their status and their rank.
let matchesScratch = new Int32Array(0);
let rankScratch = new Float64Array(0);
const scratchInt32 = (n: number) => (matchesScratch.length >= n ? matchesScratch : (matchesScratch = new Int32Array(n)));
const scratchRanks = (n: number) => (rankScratch.length >= n ? rankScratch : (rankScratch = new Float64Array(n)));

/** The best `capacity` items offered so far, by `compare` (a max-heap: its root is the worst kept). */
class BestOf {
  private readonly heap: number[] = [];
  constructor(
    private readonly capacity: number,
    private readonly compare: (a: number, b: number) => number,
  ) {}
  get full() {
    return this.heap.length >= this.capacity;
  }
  /** The worst item kept. */
  get worst(): number {
    return this.heap[0] as number;
  }
  offer(item: number) {
    const heap = this.heap;
    const compare = this.compare;
    if (heap.length < this.capacity) {
      // Sift up.
      let i = heap.length;
      heap.push(item);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (compare(item, heap[parent] as number) <= 0) break;
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = item;
    } else if (compare(item, heap[0] as number) < 0) {
      // Replace the root, sift down.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let top = l < heap.length && compare(heap[l] as number, item) > 0 ? l : -1;
        if (r < heap.length && compare(heap[r] as number, top < 0 ? item : (heap[top] as number)) > 0) top = r;
        if (top < 0) break;
        heap[i] = heap[top] as number;
        i = top;
      }
      heap[i] = item;
    }
  }
  sorted(): number[] {
    return this.heap.sort(this.compare);
  }
}

/**
 * The first `count` elements of `items` in order. A full sort of 65,000 matches costs ~100 ms; the
 * first pages only need a bounded heap (n log count).
 */
export function topSorted(items: ArrayLike<number>, count: number, compare: (a: number, b: number) => number): number[] {
  if (count <= 0) return [];
  if (count * 8 >= items.length) return Array.from(items).sort(compare).slice(0, count);
  const best = new BestOf(count, compare);
  for (let k = 0; k < items.length; k++) best.offer(items[k] as number);
  return best.sorted();
}

/**
 * The first `count` matches by relevance (`compare`, reading ranks from `rankAt`), ranking as few as
 * possible: matches are taken by decreasing loose bound of their rank (TextSearch.bounds(), cheap),
 * and once the page is full, those whose exact bound (TextSearch.bound(): a phrase's positions
 * checked) is below the rank of the page's last one cannot enter it and are not ranked; ranking
 * stops where no loose bound reaches that rank. A frequent word matches most of the catalogue, but
 * only the programmes where it is in the title or the summary can be on the first page.
 */
/** How finely topRanked() orders the matches by loose bound before ranking them. */
const BOUND_BUCKETS = 1024;

export function topRanked(
  items: ArrayLike<number>,
  count: number,
  compare: (a: number, b: number) => number,
  text: Pick<TextSearch, "bounds" | "bound" | "rank">,
  rankAt: Float64Array,
): number[] {
  if (count <= 0) return [];
  const bounds = text.bounds(items);
  // Matches in decreasing order of loose bound, near enough: a counting sort into buckets of equal
  // width, highest first (a full sort, or grouping by value, cost more than the ranking it saves).
  let highest = 0;
  for (let k = 0; k < bounds.length; k++) if ((bounds[k] as number) > highest) highest = bounds[k] as number;
  const scale = highest > 0 ? (BOUND_BUCKETS - 1) / highest : 0;
  const bucketOf = (bound: number) => BOUND_BUCKETS - 1 - Math.floor(bound * scale);
  const bucketStart = new Int32Array(BOUND_BUCKETS + 1);
  for (let k = 0; k < bounds.length; k++) {
    const b = bucketOf(bounds[k] as number) + 1;
    bucketStart[b] = (bucketStart[b] as number) + 1;
  }
  for (let b = 0; b < BOUND_BUCKETS; b++) bucketStart[b + 1] = (bucketStart[b + 1] as number) + (bucketStart[b] as number);
  const order = new Int32Array(bounds.length);
  const fill = bucketStart.slice(0, BOUND_BUCKETS);
  for (let k = 0; k < bounds.length; k++) {
    const b = bucketOf(bounds[k] as number);
    order[fill[b] as number] = k;
    fill[b] = (fill[b] as number) + 1;
  }
  const best = new BestOf(count, compare);
  for (let b = 0; b < BOUND_BUCKETS; b++) {
    // The highest bound this bucket can hold (its upper edge, with room for rounding).
    if (best.full && ((BOUND_BUCKETS - b) / scale) * (1 + 1e-9) < (rankAt[best.worst] as number)) break;
    for (let o = bucketStart[b] as number, end = bucketStart[b + 1] as number; o < end; o++) {
      const k = order[o] as number;
      if (best.full && (bounds[k] as number) < (rankAt[best.worst] as number)) continue;
      // The exact bound, dearer, only where the loose one leaves a chance.
      if (best.full && text.bound(k) < (rankAt[best.worst] as number)) continue;
      const item = items[k] as number;
      rankAt[item] = text.rank(item, k);
      best.offer(item);
    }
  }
  return best.sorted();
}

// Comparisons answer -1, 0 or 1 (small integers): a difference of dates or amounts would be a
// float, which V8 boxes on the heap when a comparator returns it (a garbage object per comparison).
/** -1, 0 or 1 as a < b, a = b, a > b (no NaN). */
const compareNumbers = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
/** NaN (NULL) last in both directions, as NULLS LAST. */
const ascending = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : compareNumbers(a, b));
const descending = (a: number, b: number) => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : compareNumbers(b, a));

/**
 * The order of each sort (the SQL ORDER BY it replaced, key for key; NULL dates and amounts last):
 * - relevance: rank, then as `closing`;
 * - closing: calls still running first, soonest closing date first, then the closed ones, most
 *   recently closed first;
 * - recent: most recently published, then most recently updated;
 * - amount: largest maximum amount first, then as `closing`.
 * The position (title then slug, in the database's collation) ends every tie: pages never overlap.
 */
function comparator(ix: ProgrammeIndex, sort: Sort, statusAt: Uint8Array, rankAt: Float64Array | null) {
  const closing = (a: number, b: number) => {
    const ca = statusAt[a] === CLOSED ? 1 : 0;
    const cb = statusAt[b] === CLOSED ? 1 : 0;
    if (ca !== cb) return ca - cb;
    return ca === 0 ? ascending(ix.closesAt[a] as number, ix.closesAt[b] as number) : descending(ix.closesAt[a] as number, ix.closesAt[b] as number);
  };
  switch (sort) {
    case "relevance":
      return (a: number, b: number) => (rankAt ? compareNumbers(rankAt[b] as number, rankAt[a] as number) : 0) || closing(a, b) || a - b;
    case "closing":
      return (a: number, b: number) => closing(a, b) || a - b;
    case "recent":
      return (a: number, b: number) =>
        descending(ix.publishedAt[a] as number, ix.publishedAt[b] as number) || compareNumbers(ix.updatedAt[b] as number, ix.updatedAt[a] as number) || a - b;
    case "amount":
      return (a: number, b: number) => descending(ix.amountMax[a] as number, ix.amountMax[b] as number) || closing(a, b) || a - b;
  }
}

const collator = new Intl.Collator("fr");

/** Each name's place in the alphabetical order (ties keep their order). */
function rankOf(names: string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => collator.compare(names[a] as string, names[b] as string) || a - b);
  const rank = new Int32Array(names.length);
  order.forEach((i, r) => {
    rank[i] = r;
  });
  return rank;
}

