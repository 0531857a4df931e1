import "server-only";
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { SqlRunner } from "../db/connect";
import { DomainError } from "../errors";
import {
  type AnalysedToken,
  planQuery,
  type QueryPlan,
  type SynonymPhrase,
  touchedSynonyms,
  writeTextQuery,
} from "../search/query-plan";
import { SEARCH_CONFIG } from "./search-config";

export { SEARCH_CONFIG };

/**
 * What a search needs from the database before it runs in memory, read in one round trip: the
 * catalogue's version (is the programme index current?), the chosen territory with the territories
 * above it, and the words typed, split and normalised exactly as the catalogue was indexed
 * (search_normalize, the french_unaccent configuration): for each word its lexeme, whether the
 * catalogue knows it, its nearest catalogue word when it does not (trigram `%` on the `search_word`
 * lexicon's GIN index, most similar then most frequent), and both as phraseto_tsquery writes them.
 * The database function search_context() does it (prisma/migrations/20261202000000_search_context:
 * its statements are planned once per connection, not at every search). The synonym sets are in the
 * programme index (programme-index.ts); lib/search/query-plan.ts decides the groups and writes the
 * text query from these pieces.
 */

/** Raw words read from the query at most (stop words included). */
const MAX_TOKENS = 24;

const tokensSchema = z.array(
  z.object({
    word: z.string(),
    lexeme: z.string().nullable(),
    known: z.boolean(),
    correction: z.string().nullable(),
    correctionLexeme: z.string().nullable(),
    query: z.string(),
    correctionQuery: z.string().nullable(),
  }),
);

const territorySchema = z.object({ id: z.string(), level: z.string(), name: z.string(), ids: z.array(z.string()) });

export interface SearchContext {
  version: string;
  /** The words typed, analysed; null without words. */
  tokens: AnalysedToken[] | null;
  /** The territory chosen, and the ids of it and of those containing it; null without one. */
  territory: { id: string; level: string; name: string; ids: string[] } | null;
}

const CONTEXT_SQL = `SELECT version, tokens, territory FROM search_context($1, $2, $3)`;

export async function readSearchContext(
  sql: SqlRunner,
  { q, territory }: { q?: string | null; territory?: string | null },
): Promise<SearchContext> {
  const [row] = await sql.prepared<{ version: bigint | number | string | null; tokens: string | null; territory: string | null }>(
    CONTEXT_SQL,
    [q || null, MAX_TOKENS, territory || null],
  );
  if (territory && !row?.territory) throw new DomainError("unknown_territory", `Territoire inconnu : « ${territory} ».`, "territory");
  return {
    version: String(row?.version ?? "0"),
    tokens: row?.tokens ? tokensSchema.parse(JSON.parse(row.tokens)) : null,
    territory: row?.territory ? territorySchema.parse(JSON.parse(row.territory)) : null,
  };
}

/** The words typed, analysed and planned, with the synonym sets they touch. */
export function planWords(tokens: AnalysedToken[], synonymPhrases: SynonymPhrase[]): { plan: QueryPlan; synonyms: SynonymPhrase[] } {
  const synonyms = touchedSynonyms(tokens, synonymPhrases);
  return { plan: planQuery(tokens, synonyms), synonyms };
}

/**
 * The text queries of a search: written from the pieces PostgreSQL already gave (writeTextQuery),
 * or by PostgreSQL when they do not suffice (textQueryOf).
 */
export async function textQueriesOf(
  prisma: PrismaClient,
  plan: QueryPlan,
  tokens: AnalysedToken[],
  synonyms: SynonymPhrase[],
): Promise<{ query: string; phrase: string | null } | null> {
  const written = writeTextQuery(plan, tokens, synonyms);
  return written !== undefined ? written : textQueryOf(prisma, plan);
}

/**
 * The plan written as PostgreSQL text queries (their text form, `'mediat' & 'numer'`): the query
 * itself, and the whole query as one phrase (null for one word), which ranks exact wordings first.
 * Null when the plan has no words.
 */
export async function textQueryOf(prisma: PrismaClient, plan: QueryPlan): Promise<{ query: string; phrase: string | null } | null> {
  if (!plan.groups.length) return null;
  const [row] = await prisma.$queryRaw<{ query: string; phrase: string | null }[]>`
    SELECT (${tsqueryOf(plan.groups)})::text AS query,
           ${plan.phrase ? Prisma.sql`phraseto_tsquery(${SEARCH_CONFIG}, ${plan.phrase})::text` : Prisma.sql`NULL::text`} AS phrase`;
  return row ?? null;
}

/** The plan as a tsquery expression: AND of groups, OR of phrases within a group. */
export function tsqueryOf(groups: string[][]): Prisma.Sql {
  return Prisma.join(
    groups.map(
      (phrases) =>
        Prisma.sql`(${Prisma.join(
          phrases.map((phrase) => Prisma.sql`phraseto_tsquery(${SEARCH_CONFIG}, ${phrase})`),
          " || ",
        )})`,
    ),
    " && ",
  );
}
