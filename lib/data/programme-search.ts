import "server-only";
import { z } from "zod";
import { aidKinds, beneficiaries, financedItems, funderTypes } from "../codes";
import { getDatabase, getPrisma } from "../db/client";
import type { Database } from "../db/connect";
import { Prisma } from "../generated/prisma/client";
import { SEARCH_STATUSES, searchStatusLabels } from "../programmes/reopening";
import { SNIPPET_OPTIONS } from "../search/snippet";
import type { ProgrammeSearch } from "../validation/programme-search";
import { type FacetCountRow, getProgrammeIndex, pageItems, positionsOf, reopeningsAt, searchIndex } from "./programme-index";
import { cached, catalogueVersion, searchCacheEnabled } from "./search-cache";
import { parseTsquery, TextSearch } from "../search/text-index";
import { planWords, readSearchContext, SEARCH_CONFIG, textQueriesOf } from "./search-query";
import {
  calendarStatusSql,
  type Facet,
} from "./search-filters";
import { itemColumns, itemColumnsSql, itemRowSchema, plainTextSql, type ProgrammeSearchItem, toSearchItem } from "./search-items";

export { searchTerritories, type TerritorySuggestion } from "./territory-search";
export type { ProgrammeSearchItem } from "./search-items";

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export type SearchFacets = Record<Facet, FacetValue[]>;

export interface ProgrammeSearchResult {
  total: number;
  page: number;
  perPage: number;
  items: ProgrammeSearchItem[];
  /** For each facet, how many results each value would give (every other filter applied). */
  facets: SearchFacets;
  territory: { id: string; level: string; name: string } | null;
  /** Query words replaced by the nearest word of the catalogue (« mediaton » → « mediation »). */
  corrections: { from: string; to: string }[];
}

const labelled = (labels: Record<string, string>) => (value: string) => labels[value] ?? value;
const enumFacets = {
  funderType: { codes: funderTypes.codes, label: labelled(funderTypes.labels) },
  beneficiary: { codes: beneficiaries.codes, label: labelled(beneficiaries.labels) },
  finances: { codes: financedItems.codes, label: labelled(financedItems.labels) },
  aidKind: { codes: aidKinds.codes, label: labelled(aidKinds.labels) },
  status: { codes: [...SEARCH_STATUSES], label: labelled(searchStatusLabels) },
} as const;

/**
 * The search of /financements and of the API. Published programmes only. One statement reads the
 * catalogue's version, the territory and the words typed as PostgreSQL analyses them (stems, typos);
 * synonyms, the text query, which programmes match it and how well, filters, facet counts, sort and
 * page are decided in memory (lib/search/query-plan.ts, lib/data/programme-index.ts,
 * lib/search/text-index.ts); the page's programmes are then read by id, with their extracts and
 * territories, or taken from the index when neither is asked for (the API).
 */
export async function searchProgrammes(
  search: ProgrammeSearch,
  { now }: { now?: Date } = {},
): Promise<ProgrammeSearchResult> {
  // A given time (tests, previews) bypasses the cache, which is keyed on the current minute.
  if (now) return runSearch(await getDatabase(), search, now);
  return searchProgrammesAs(search, "search", (result) => result);
}

/**
 * A search turned into something else (the API: its JSON text), kept in the search cache under its
 * own namespace, with the same invalidation: a repeated search is neither computed nor converted.
 * `snippets: false` leaves out the extracts around the words found, `territories: false` the items'
 * territories (the API returns neither: without them, the page of results costs no query at all).
 */
export async function searchProgrammesAs<T>(
  search: ProgrammeSearch,
  namespace: string,
  convert: (result: ProgrammeSearchResult) => T,
  { snippets = true, territories = true }: { snippets?: boolean; territories?: boolean } = {},
): Promise<T> {
  const db = await getDatabase();
  const compute = async () => convert(await runSearch(db, search, new Date(), { snippets, territories }));
  const key = `${namespace}|${snippets ? "snippets" : "plain"}|${territories ? "territories" : "-"}|${JSON.stringify(search)}`;
  return searchCacheEnabled() ? cached(db.sql, key, compute) : compute();
}

async function runSearch(
  db: Database,
  search: ProgrammeSearch,
  now: Date,
  { snippets = true, territories = true }: { snippets?: boolean; territories?: boolean } = {},
): Promise<ProgrammeSearchResult> {
  const prisma = db.prisma;
  // One round trip: the catalogue's version, the territory, the words analysed (search-query.ts).
  const context = await readSearchContext(db.sql, search);
  const index = await getProgrammeIndex(db, context.version);
  const place = context.territory;
  // The words become text queries (phraseto_tsquery's stems and phrases, synonyms, corrections),
  // matched and ranked in memory (lib/search/text-index.ts) as `@@` and `ts_rank_cd` would.
  const analysed = context.tokens ? planWords(context.tokens, index.synonyms) : null;
  const plan = analysed?.plan ?? null;
  const words = analysed && context.tokens ? await textQueriesOf(prisma, analysed.plan, context.tokens, analysed.synonyms) : null;
  const sort = search.sort ?? (words ? "relevance" : "closing");
  const text = words ? new TextSearch(index.text, parseTsquery(words.query), words.phrase ? parseTsquery(words.phrase) : null, index.phrases) : null;
  const headline = words && snippets
    ? Prisma.sql`ts_headline(${SEARCH_CONFIG}, ${plainTextSql(Prisma.sql`page.description`)}, ${words.query}::tsquery, ${SNIPPET_OPTIONS})`
    : Prisma.sql`NULL::text`;

  const found = searchIndex(index, search, {
    now,
    territoryIds: place?.ids ?? null,
    text,
    funderFacetSize: FUNDER_FACET_SIZE,
    sort,
  });
  const facets = toFacets(found.facetRows, search.funder);
  const result = {
    total: found.total,
    page: search.page,
    perPage: search.perPage,
    territory: place ? { id: place.id, level: place.level, name: place.name } : null,
    corrections: plan?.corrections ?? [],
    facets,
  };
  // Without territories' names and extracts (the API), the page's programmes are in the index.
  if (!territories && !(words && snippets)) return { ...result, items: pageItems(index, found.page, now) };
  // A prepared statement (a shape per choice of extracts and territories), like the context's.
  const pageQuery = Prisma.sql`
        SELECT page.id::text AS row_id, ${territories ? itemColumnsSql : itemColumns({ territories: false })}, ${headline} AS headline
          FROM (SELECT p.id, f.type AS funder_type, ${calendarStatusSql(now)} AS calendar_status, p.slug, p.title,
                       p.summary, p.description, p.opens_at, p.closes_at, p.amount_max::float8 AS amount_max,
                       p.application_url, p.is_national, p.financed, p.published_at, p.updated_at,
                       f.slug AS funder_slug, f.name AS funder_name
                  FROM programme p JOIN funder f ON f.id = p.funder_id
                 WHERE p.id = ANY(${found.pageIds}::uuid[])) page`;
  const pageRows = found.pageIds.length ? await db.sql.prepared<{ row_id: string }>(pageQuery.text, pageQuery.values) : [];
  const byId = new Map(pageRows.map((row) => [row.row_id, row]));
  const reopenings = reopeningsAt(index, found.page, now);
  const rows = found.pageIds.flatMap((id, k) => {
    const row = byId.get(id);
    return row ? [{ row, reopening: reopenings[k] ?? null }] : [];
  });
  const parsed = itemRowsSchema.parse(rows.map((r) => r.row));
  return { ...result, items: parsed.map((row, k) => ({ ...toSearchItem(row), reopening: rows[k]?.reopening ?? null })) };
}

/** Built once: a zod schema compiles its checks the first time it parses. */
const itemRowsSchema = z.array(itemRowSchema);

/** The funder facet lists the funders with the most results (plus every funder chosen), not thousands. */
export const FUNDER_FACET_SIZE = 50;

function toFacets(rows: FacetCountRow[], chosenFunders: string[]): SearchFacets {
  const counts = new Map<string, number>();
  const funders = new Map<string, FacetValue>();
  for (const row of rows) {
    if (row.facet === "funder") {
      const known = funders.get(row.value);
      if (!known || known.count < row.count) funders.set(row.value, { value: row.value, label: row.label ?? row.value, count: row.count });
    } else {
      counts.set(`${row.facet}:${row.value}`, row.count);
    }
  }
  const enumFacet = (facet: keyof typeof enumFacets): FacetValue[] =>
    enumFacets[facet].codes.map((value) => ({ value, label: enumFacets[facet].label(value), count: counts.get(`${facet}:${value}`) ?? 0 }));
  return {
    funderType: enumFacet("funderType"),
    funder: [...funders.values()]
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"))
      .filter((f, rank) => rank < FUNDER_FACET_SIZE || chosenFunders.includes(f.value)),
    beneficiary: enumFacet("beneficiary"),
    finances: enumFacet("finances"),
    aidKind: enumFacet("aidKind"),
    status: enumFacet("status"),
  };
}

/**
 * Published programmes close to this one: sharing what they finance (counts double), who may apply,
 * and the kind of funder. Those still accepting applications come first.
 */
export async function findSimilarProgrammes(
  slug: string,
  limit = 4,
  { now = new Date() }: { now?: Date } = {},
): Promise<ProgrammeSearchItem[]> {
  const prisma = await getPrisma();
  const take = Math.min(Math.max(Math.trunc(limit) || 1, 1), 20);
  const rows = await prisma.$queryRaw<unknown[]>`
    WITH target AS (
      SELECT p.id, p.financed, p.beneficiaries, f.type
        FROM programme p JOIN funder f ON f.id = p.funder_id
       WHERE p.slug = ${slug} AND p.status = 'published'
    ), page AS (
      SELECT p.id, p.slug, p.title, p.summary, p.opens_at, p.closes_at, p.amount_max::float8 AS amount_max,
             p.application_url, p.is_national, p.financed,
             f.slug AS funder_slug, f.name AS funder_name, f.type AS funder_type,
             ${calendarStatusSql(now)} AS calendar_status,
             2 * cardinality(ARRAY(SELECT unnest(p.financed) INTERSECT SELECT unnest(t.financed)))
               + cardinality(ARRAY(SELECT unnest(p.beneficiaries) INTERSECT SELECT unnest(t.beneficiaries)))
               + (f.type = t.type)::int AS score
        FROM programme p JOIN funder f ON f.id = p.funder_id CROSS JOIN target t
       WHERE p.status = 'published' AND p.id <> t.id
         AND (p.financed && t.financed OR p.beneficiaries && t.beneficiaries)
    )
    SELECT ${itemColumnsSql}, NULL::text AS headline FROM page
     ORDER BY (page.calendar_status = 'closed'), page.score DESC, page.closes_at ASC NULLS LAST, page.title, page.slug
     LIMIT ${take}`;
  const items = itemRowsSchema.parse(rows).map((row) => toSearchItem(row));
  if (!items.some((i) => i.status === "closed")) return items;
  // The closed ones' predicted reopenings, from the search index (the same as status=expected).
  const db = await getDatabase();
  const index = await getProgrammeIndex(db, await catalogueVersion(db.sql));
  const reopenings = reopeningsAt(index, positionsOf(index, items.map((i) => i.slug)), now);
  return items.map((item, k) => ({ ...item, reopening: reopenings[k] ?? null }));
}
