import "server-only";
import { z } from "zod";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { planQuery, type QueryPlan } from "../search/query-plan";

/**
 * Turns the words typed into a PostgreSQL text query, in one round trip: the database splits and
 * normalises the words exactly as it indexed the catalogue (search_normalize, the french_unaccent
 * configuration), finds each unknown word's nearest catalogue word in the `search_word` lexicon
 * (trigram `%` on its GIN index, most similar then most frequent) and the synonym sets the query
 * touches; lib/search/query-plan.ts decides the groups; tsqueryOf() writes them back as SQL.
 */

export const SEARCH_CONFIG = Prisma.sql`'french_unaccent'::regconfig`;
/** Raw words read from the query at most (stop words included). */
const MAX_TOKENS = 24;

const analysisSchema = z.object({
  tokens: z.array(
    z.object({
      word: z.string(),
      lexeme: z.string().nullable(),
      known: z.boolean(),
      correction: z.string().nullable(),
      correctionLexeme: z.string().nullable(),
    }),
  ),
  synonyms: z.array(z.object({ group: z.string(), phrase: z.string(), lexemes: z.array(z.string()) })),
});

export async function analyseQuery(prisma: PrismaClient, q: string): Promise<QueryPlan> {
  const [row] = await prisma.$queryRaw<{ analysis: unknown }[]>`
    WITH token AS (
      SELECT t.word, t.ord, (tsvector_to_array(to_tsvector(${SEARCH_CONFIG}, t.word)))[1] AS lexeme
        FROM unnest(regexp_split_to_array(search_normalize(${q}), ' ')) WITH ORDINALITY AS t(word, ord)
       WHERE t.word <> '' AND t.ord <= ${MAX_TOKENS}
    ), analysed AS (
      SELECT token.*, k.known, c.word AS correction, c.lexeme AS correction_lexeme
        FROM token
       CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM search_word s WHERE s.lexeme = token.lexeme) AS known) k
        LEFT JOIN LATERAL (
          SELECT s.word, s.lexeme FROM search_word s
           WHERE NOT k.known AND token.lexeme IS NOT NULL AND length(token.word) >= 4 AND s.word % token.word
           ORDER BY similarity(s.word, token.word) DESC, s.frequency DESC, s.word
           LIMIT 1) c ON true
    ), query_lexemes AS (
      SELECT array_agg(l) AS lexemes
        FROM analysed, unnest(ARRAY[analysed.lexeme, analysed.correction_lexeme]) AS l
       WHERE l IS NOT NULL
    ), phrase AS (
      SELECT s.id::text AS "group", ph.phrase, search_lexemes(ph.phrase) AS lexemes
        FROM search_synonym s CROSS JOIN LATERAL unnest(array_prepend(s.term, s.synonyms)) AS ph(phrase)
    )
    SELECT json_build_object(
      'tokens', (SELECT coalesce(json_agg(json_build_object(
                   'word', a.word, 'lexeme', a.lexeme, 'known', a.known,
                   'correction', a.correction, 'correctionLexeme', a.correction_lexeme) ORDER BY a.ord), '[]'::json)
                   FROM analysed a),
      'synonyms', (SELECT coalesce(json_agg(json_build_object('group', p."group", 'phrase', p.phrase, 'lexemes', p.lexemes)), '[]'::json)
                     FROM phrase p
                    WHERE p."group" IN (SELECT m."group" FROM phrase m, query_lexemes q
                                         WHERE cardinality(m.lexemes) > 0 AND m.lexemes <@ q.lexemes))
    )::text AS analysis`;
  const analysis = analysisSchema.parse(JSON.parse(String(row?.analysis ?? '{"tokens":[],"synonyms":[]}')));
  return planQuery(analysis.tokens, analysis.synonyms);
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
