-- Full-text search over the catalogue, typo tolerance and place-name search (hand-written).
-- Runs unchanged on PostgreSQL ≥ 14 and on PGlite (with its contrib unaccent and pg_trgm).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it finds its dictionary through search_path). This wrapper binds the
-- dictionary once, when it is created (SQL-standard body), so it can be IMMUTABLE and be indexed.
CREATE FUNCTION "immutable_unaccent"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN unaccent('unaccent'::regdictionary, $1);

-- How words and place names are compared: unaccented, lower case, any run of other characters
-- (hyphens, apostrophes, punctuation) folded to one space. « Saint-Brieuc » → « saint brieuc ».
CREATE FUNCTION "search_normalize"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN btrim(regexp_replace(lower("immutable_unaccent"($1)), '[^a-z0-9]+', ' ', 'g'));

-- French stemming after removing accents: « médiation », « mediation », « médiations » → 'mediat'.
CREATE TEXT SEARCH CONFIGURATION "french_unaccent" (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION "french_unaccent"
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- The lexemes of a text in reading order (stop words dropped): how synonyms are matched to a query.
CREATE FUNCTION "search_lexemes"(text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN ARRAY(
    SELECT u.lexeme FROM unnest(to_tsvector('french_unaccent'::regconfig, $1)) AS u, unnest(u.positions) AS pos
    ORDER BY pos);

-- The distinct words of a text, each with its lexeme; stop words, numbers and very short words left out.
CREATE FUNCTION "search_words"(text) RETURNS TABLE ("word" text, "lexeme" text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  SELECT w.word, w.lexeme
    FROM (SELECT x AS word, (tsvector_to_array(to_tsvector('french_unaccent'::regconfig, x)))[1] AS lexeme
            FROM (SELECT DISTINCT regexp_split_to_table("search_normalize"($1), ' ')) AS t(x)) AS w
   WHERE w.lexeme IS NOT NULL AND length(w.word) BETWEEN 3 AND 40 AND w.word ~ '[a-z]';
END;

-- Weighted document of a programme: A title, B summary, C funders (name, acronym, co-funders, note),
-- D description, eligibility and coverage note.
ALTER TABLE "programme" ADD COLUMN "search_vector" tsvector;

CREATE FUNCTION "programme_search_vector"(p "programme") RETURNS tsvector
  LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT setweight(to_tsvector('french_unaccent'::regconfig, coalesce(p.title, '')), 'A')
      || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(p.summary, '')), 'B')
      || setweight(to_tsvector('french_unaccent'::regconfig, concat_ws(' ',
           (SELECT concat_ws(' ', f.name, f.acronym) FROM "funder" f WHERE f.id = p.funder_id),
           (SELECT string_agg(concat_ws(' ', f.name, f.acronym), ' ')
              FROM "programme_co_funder" c JOIN "funder" f ON f.id = c.funder_id WHERE c.programme_id = p.id),
           p.funder_note)), 'C')
      || setweight(to_tsvector('french_unaccent'::regconfig, concat_ws(' ',
           p.description, array_to_string(p.eligibility, ' '), p.coverage_note)), 'D');
END;

-- Lexicon of the catalogue's words, for typo correction: a query word the catalogue does not know
-- is replaced by the most similar known word (trigram similarity) before the text query is built.
-- Kept up to date by the triggers below (new words); refresh_search_words() rebuilds it exactly
-- (drops words that left the catalogue, recounts frequencies); the seed calls it.
CREATE TABLE "search_word" (
    "word" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,
    "frequency" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "search_word_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "search_word_word_trgm_idx" ON "search_word" USING GIN ("word" gin_trgm_ops);
CREATE INDEX "search_word_lexeme_idx" ON "search_word" ("lexeme");

CREATE FUNCTION "programme_search_text"(p "programme") RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN concat_ws(' ', p.title, p.summary, p.description, array_to_string(p.eligibility, ' '), p.coverage_note, p.funder_note);

CREATE FUNCTION "refresh_search_words"() RETURNS integer
  LANGUAGE sql VOLATILE
BEGIN ATOMIC
  DELETE FROM "search_word";
  INSERT INTO "search_word" ("word", "lexeme", "frequency")
  SELECT d.word, min(d.lexeme), count(*)::int
    FROM (SELECT p.id, w.word, w.lexeme FROM "programme" p, "search_words"("programme_search_text"(p)) w
           WHERE p.status = 'published'
          UNION ALL
          SELECT f.id, w.word, w.lexeme FROM "funder" f, "search_words"(concat_ws(' ', f.name, f.acronym)) w) AS d
   GROUP BY d.word;
  SELECT count(*)::int FROM "search_word";
END;

CREATE FUNCTION "programme_search_refresh"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := "programme_search_vector"(NEW);
  IF NEW.status = 'published' THEN
    INSERT INTO "search_word" ("word", "lexeme")
    SELECT w.word, w.lexeme FROM "search_words"("programme_search_text"(NEW)) w
    ON CONFLICT ("word") DO NOTHING;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "programme_search_refresh"
  BEFORE INSERT OR UPDATE OF "title", "summary", "description", "eligibility", "coverage_note", "funder_id", "funder_note", "status"
  ON "programme" FOR EACH ROW EXECUTE FUNCTION "programme_search_refresh"();

-- Co-funders added or removed: their programmes' funder words change (once per statement).
CREATE FUNCTION "programme_co_funder_search_refresh"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "programme" p SET search_vector = "programme_search_vector"(p)
     WHERE p.id IN (SELECT n.programme_id FROM new_rows n);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "programme" p SET search_vector = "programme_search_vector"(p)
     WHERE p.id IN (SELECT o.programme_id FROM old_rows o);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "programme_co_funder_search_insert"
  AFTER INSERT ON "programme_co_funder" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "programme_co_funder_search_refresh"();
CREATE TRIGGER "programme_co_funder_search_update"
  AFTER UPDATE ON "programme_co_funder" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "programme_co_funder_search_refresh"();
CREATE TRIGGER "programme_co_funder_search_delete"
  AFTER DELETE ON "programme_co_funder" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "programme_co_funder_search_refresh"();

-- A funder created or renamed: its words are learnt, and (renamed) the programmes it funds or
-- co-funds are re-indexed.
CREATE FUNCTION "funder_search_refresh"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE "programme" p SET search_vector = "programme_search_vector"(p)
     WHERE p.funder_id = NEW.id
        OR p.id IN (SELECT c.programme_id FROM "programme_co_funder" c WHERE c.funder_id = NEW.id);
  END IF;
  INSERT INTO "search_word" ("word", "lexeme")
  SELECT w.word, w.lexeme FROM "search_words"(concat_ws(' ', NEW.name, NEW.acronym)) w
  ON CONFLICT ("word") DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "funder_search_insert"
  AFTER INSERT ON "funder"
  FOR EACH ROW EXECUTE FUNCTION "funder_search_refresh"();
CREATE TRIGGER "funder_search_rename"
  AFTER UPDATE OF "name", "acronym" ON "funder"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.acronym IS DISTINCT FROM NEW.acronym)
  EXECUTE FUNCTION "funder_search_refresh"();

-- Backfill, then index.
UPDATE "programme" p SET search_vector = "programme_search_vector"(p);
SELECT "refresh_search_words"();

CREATE INDEX "programme_search_vector_idx" ON "programme" USING GIN ("search_vector");

-- Place names, accents, case and punctuation ignored: one trigram index serves both the prefix
-- search (LIKE 'bre%', from two letters on) and the typo-tolerant one (%).
CREATE INDEX "territory_name_trgm_idx" ON "territory" USING GIN ("search_normalize"("name") gin_trgm_ops);
