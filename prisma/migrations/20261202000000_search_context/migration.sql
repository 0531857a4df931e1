-- What a search needs from the database before it runs in memory, in one call (hand-written; used
-- by lib/data/search-query.ts): the catalogue's version, the words typed as the catalogue was
-- indexed, and the chosen territory with the territories above it.
--
-- Why a function: sent as one parameterised statement, PostgreSQL planned it again at every search
-- (its estimates with the words known beat the generic plan's, so the plan cache kept "custom"
-- plans), and planning cost four times the execution (0.4 ms of 0.5 on the server). Here each
-- statement is planned once per connection (plan_cache_mode = force_generic_plan, for this function
-- only): 0.58 → 0.12 ms per search with words on the server (pgbench, 1 client), and the embedded
-- database, which plans every query it is sent, keeps these plans for its session too.
--
-- For each word of p_q (at most p_max_tokens, split and normalised as the catalogue's words are,
-- search_normalize and the french_unaccent configuration): its lexeme (null for a stop word), whether
-- the catalogue knows it, its nearest catalogue word when it does not (trigram `%` on the lexicon's
-- GIN index, most similar then most frequent; words of 4 letters or more), and both as
-- phraseto_tsquery writes them. As JSON text, in the order typed; null without words.
-- The territory: {id, level, name, ids: itself and its EPCI, département, région}; null without one
-- or when the id is unknown.
CREATE FUNCTION "search_context"(p_q text, p_max_tokens integer, p_territory text,
                                 OUT "version" bigint, OUT "tokens" text, OUT "territory" text)
  LANGUAGE plpgsql STABLE
  SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  "version" := (SELECT cv.version FROM "catalogue_version" cv);
  IF p_q IS NOT NULL AND p_q <> '' THEN
    "tokens" := (
      WITH token AS (
        SELECT t.word, t.ord, (tsvector_to_array(to_tsvector('french_unaccent'::regconfig, t.word)))[1] AS lexeme
          FROM unnest(regexp_split_to_array("search_normalize"(p_q), ' ')) WITH ORDINALITY AS t(word, ord)
         WHERE t.word <> '' AND t.ord <= p_max_tokens
      ), analysed AS (
        SELECT token.*, k.known, c.word AS correction, c.lexeme AS correction_lexeme
          FROM token
         CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM "search_word" s WHERE s.lexeme = token.lexeme) AS known) k
          LEFT JOIN LATERAL (
            SELECT s.word, s.lexeme FROM "search_word" s
             WHERE NOT k.known AND token.lexeme IS NOT NULL AND length(token.word) >= 4 AND s.word % token.word
             ORDER BY similarity(s.word, token.word) DESC, s.frequency DESC, s.word
             LIMIT 1) c ON true
      )
      SELECT coalesce(json_agg(json_build_object(
               'word', a.word, 'lexeme', a.lexeme, 'known', a.known,
               'correction', a.correction, 'correctionLexeme', a.correction_lexeme,
               'query', phraseto_tsquery('french_unaccent'::regconfig, a.word)::text,
               'correctionQuery', CASE WHEN a.correction IS NOT NULL
                                       THEN phraseto_tsquery('french_unaccent'::regconfig, a.correction)::text END
             ) ORDER BY a.ord), '[]'::json)::text
        FROM analysed a);
  END IF;
  IF p_territory IS NOT NULL AND p_territory <> '' THEN
    "territory" := (
      SELECT json_build_object('id', t.id, 'level', t.level::text, 'name', t.name,
                               'ids', array_remove(ARRAY[t.id, t.epci_id, t.departement_id, t.region_id], NULL))::text
        FROM "territory" t WHERE t.id = p_territory);
  END IF;
END $$;
