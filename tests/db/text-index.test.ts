import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateProgrammes } from "../../bench/generate";
import type { Database } from "../../lib/db/connect";
import { topRanked } from "../../lib/data/programme-index";
import { getProgrammeIndex } from "../../lib/data/programme-index";
import { catalogueVersion } from "../../lib/data/search-cache";
import { planWords, readSearchContext, textQueryOf } from "../../lib/data/search-query";
import { writeTextQuery } from "../../lib/search/query-plan";
import {
  parseTsquery,
  type PhrasePostings,
  phrasePostings,
  type TextIndex,
  TextIndexBuilder,
  TextSearch,
} from "../../lib/search/text-index";
import { seededRandom } from "../support/random";
import { openPrivateTestDatabase } from "./support/test-database";

/**
 * The in-memory text search (lib/search/text-index.ts) against PostgreSQL itself: on the seed
 * catalogue plus 400 synthetic programmes (bench/generate.ts, long French texts), for hundreds of
 * queries written by the application's own analysis (synonyms, typos, phrases), the programmes
 * matching must be exactly those of `search_vector @@ query`, each with exactly the rank
 * `ts_rank_cd(…, query) + ts_rank_cd(…, phrase)` PostgreSQL gives, to the last bit; and the first
 * pages by relevance, which skip ranking what cannot reach them, must be those of a full sort.
 */

let db: Database;
let ids: string[];
let index: TextIndex;
/** The synonym phrases' postings, as the programme index computes them. */
let known: Map<string, PhrasePostings>;

beforeAll(async () => {
  db = await openPrivateTestDatabase();
  await generateProgrammes(db.sql, { count: 400, seed: 20261202 });
  const rows = await db.sql.query<{ id: string; words: string | null }>(
    "SELECT id::text, search_vector::text AS words FROM programme WHERE status = 'published' ORDER BY title, slug",
  );
  ids = rows.map((r) => r.id);
  const builder = new TextIndexBuilder();
  for (const r of rows) builder.add(r.words);
  index = builder.finish();
  known = phrasePostings(index, (await getProgrammeIndex(db, await catalogueVersion(db.sql))).synonyms.map((p) => p.query ?? ""));
}, 180_000);
afterAll(() => db?.close());

const FIXED = [
  "médiation numérique",
  "conseillers numériques",
  "conseiller numérique France Services",
  "France Services",
  "CNFS",
  "FSE+",
  "pass numérique",
  "tiers-lieux",
  "illectronisme",
  "équipement informatique associations",
  "aide à l'équipement des structures",
  "mediaton numerique",
  "reconditionement ordinateurs",
  "Banque des Territoires",
  "QPV",
  "inclusion numérique des seniors en zone rurale",
  "numérique numérique",
  "le la les",
  // synonym phrases under an AND
  "CNFS Bretagne",
  "conseillers numériques seniors",
  "France Services tiers-lieux",
  "fonds social européen formation",
];

async function queryWords(): Promise<string[]> {
  // Words of the catalogue (the typo lexicon), drawn into queries of one to four words.
  const words = (await db.sql.query<{ word: string }>("SELECT word FROM search_word ORDER BY word")).map((r) => r.word);
  const next = seededRandom(20261202);
  const pick = () => words[Math.floor(next() * words.length)] as string;
  const random = Array.from({ length: 160 }, () => Array.from({ length: 1 + Math.floor(next() * next() * 4) }, pick).join(" "));
  return [...FIXED, ...random];
}

/** The plan of a query, as the search makes it (its words analysed, the synonym sets they touch). */
async function planOf(q: string) {
  const [{ tokens }, programmes] = await Promise.all([readSearchContext(db.sql, { q }), getProgrammeIndex(db, await catalogueVersion(db.sql))]);
  return planWords(tokens ?? [], programmes.synonyms).plan;
}

async function postgresRanks(query: string, phrase: string | null): Promise<Map<string, number>> {
  const rows = await db.sql.query<{ id: string; rank: number }>(
    `SELECT id::text, (ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', search_vector, $1::tsquery)
                       ${phrase ? "+ ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', search_vector, $2::tsquery)" : ""})::float8 AS rank
       FROM programme WHERE status = 'published' AND search_vector @@ $1::tsquery`,
    phrase ? [query, phrase] : [query],
  );
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

describe("the text search in memory", () => {
  it("matches and ranks exactly as PostgreSQL's @@ and ts_rank_cd", async () => {
    let compared = 0;
    let matched = 0;
    let withKnown = 0;
    for (const q of await queryWords()) {
      const words = await textQueryOf(db.prisma, await planOf(q));
      if (!words) continue;
      const expected = await postgresRanks(words.query, words.phrase);
      // Without, then with the synonym phrases' postings computed in advance (as the search does).
      for (const postings of [null, known]) {
        const search = new TextSearch(index, parseTsquery(words.query), words.phrase ? parseTsquery(words.phrase) : null, postings);
        const docs = Array.from(search.matches());
        const actual = new Map(docs.map((doc) => [ids[doc] as string, search.rank(doc)]));
        expect(actual, `« ${q} » → ${words.query} | ${words.phrase} (${postings ? "avec" : "sans"} postings)`).toEqual(expected);
      }
      if ([...known.keys()].some((key) => words.query.includes(`'${key.split("@")[0]}'`))) withKnown++;
      compared++;
      matched += expected.size;
    }
    // The comparison is not empty: most queries match something, and many match a lot.
    expect(compared).toBeGreaterThan(150);
    expect(matched).toBeGreaterThan(3_000);
    expect(known.size).toBeGreaterThan(10);
    expect(withKnown).toBeGreaterThan(8);
  });

  it("finds the first pages by relevance without ranking everything, as a full sort would", async () => {
    for (const q of await queryWords()) {
      const words = await textQueryOf(db.prisma, await planOf(q));
      if (!words) continue;
      const search = new TextSearch(index, parseTsquery(words.query), words.phrase ? parseTsquery(words.phrase) : null, known);
      const docs = Array.from(search.matches());
      const all = new Float64Array(index.size);
      for (const doc of docs) all[doc] = search.rank(doc);
      // Many equal ranks: the tie-break (the document's number) decides, as the position does in the search.
      const byRank = (ranks: Float64Array) => (a: number, b: number) => (ranks[b] as number) - (ranks[a] as number) || a - b;
      const full = [...docs].sort(byRank(all));
      // Each bound is a bound: rank ≤ exact bound ≤ loose bound, for every match.
      const loose = search.bounds(docs);
      docs.forEach((doc, k) => {
        const exactBound = search.bound(k);
        expect(all[doc], `« ${q} » : rang ≤ majorant exact`).toBeLessThanOrEqual(exactBound);
        expect(exactBound, `« ${q} » : majorant exact ≤ majorant large`).toBeLessThanOrEqual(loose[k] as number);
      });
      for (const count of [1, 20, 60]) {
        const rankAt = new Float64Array(index.size);
        expect(topRanked([...docs], count, byRank(rankAt), search, rankAt), `« ${q} », ${count}`).toEqual(full.slice(0, count));
      }
    }
  });

  it("writes the text queries from the words' and synonyms' pieces exactly as PostgreSQL writes the whole", async () => {
    // The search does not ask PostgreSQL to write the query (one round trip less): it composes
    // what the analysis and the index already hold (writeTextQuery). PostgreSQL writing the same
    // plan (textQueryOf: phraseto_tsquery, ||, &&) must give the same query, node for node.
    const index = await getProgrammeIndex(db, await catalogueVersion(db.sql));
    expect(index.synonyms.length).toBeGreaterThan(20);
    let written = 0;
    let withSynonyms = 0;
    let corrected = 0;
    for (const q of [...(await queryWords()), "CNFS Bretagne", "conseiller numerique france services", "fonds social europeen", "pass numerique aptic",
      // typos, one inside a synonym phrase (« conseilers numeriques » is found through its correction)
      "conseilers numeriques france services", "illectronism", "conseilers numeriques", "inclusoin numerik des seniors"]) {
      const { tokens } = await readSearchContext(db.sql, { q });
      const { plan, synonyms } = planWords(tokens ?? [], index.synonyms);
      const expected = await textQueryOf(db.prisma, plan);
      const actual = writeTextQuery(plan, tokens ?? [], synonyms);
      if (expected === null) {
        expect(actual, q).toBeNull();
        continue;
      }
      expect(actual, `« ${q} » : PostgreSQL écrit ${expected.query} | ${expected.phrase}`).toBeTruthy();
      expect(parseTsquery(actual?.query ?? ""), `« ${q} » → ${actual?.query}`).toEqual(parseTsquery(expected.query));
      expect(actual?.phrase ? parseTsquery(actual.phrase) : null, `« ${q} » → ${actual?.phrase}`).toEqual(
        expected.phrase ? parseTsquery(expected.phrase) : null,
      );
      written++;
      if (plan.groups.some((g) => g.length > 1)) withSynonyms++;
      if (plan.corrections.length) corrected++;
    }
    // Not an empty comparison: synonym sets and corrections were written too.
    expect(written).toBeGreaterThan(150);
    expect(withSynonyms).toBeGreaterThan(5);
    expect(corrected).toBeGreaterThan(2);
  });

  it("reads tsvectors and tsqueries as PostgreSQL writes them, quotes and backslashes included", async () => {
    const [row] = await db.sql.query<{ v: string; q: string }>(
      String.raw`SELECT $$'l''aide':1A 'c\\d':2 'x':3,5B$$::tsvector::text AS v, $$'l''aide' <-> 'c\\d' | 'x'$$::tsquery::text AS q`,
    );
    const builder = new TextIndexBuilder();
    builder.add(row?.v ?? "");
    const small = builder.finish();
    expect([...small.lexemes.keys()].sort()).toEqual(["c\\d", "l'aide", "x"]);
    const search = new TextSearch(small, parseTsquery(row?.q ?? ""));
    expect(Array.from(search.matches())).toEqual([0]);
    const [pg] = await db.sql.query<{ rank: number }>(
      "SELECT ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', $1::tsvector, $2::tsquery)::float8 AS rank",
      [row?.v, row?.q],
    );
    expect(search.rank(0)).toBe(Number(pg?.rank));
  });
});
