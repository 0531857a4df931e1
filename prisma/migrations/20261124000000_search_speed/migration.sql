-- The search's filters, facets and sort keys read from one covering index (hand-written): an
-- index-only scan of a few columns instead of the programmes' rows with their long texts
-- (at 100 000 programmes: a 30 MB index instead of a 200 MB table; BENCHMARKS.md).
-- `id` is included so that the page of results and the facets can join on it without the table.
CREATE INDEX "programme_search_facts_idx" ON "programme" ("status")
  INCLUDE ("id", "funder_id", "beneficiaries", "financed", "aid_kinds", "is_closed", "opens_at", "closes_at",
           "recurrence", "is_national", "amount_max", "amount_total", "published_at", "updated_at", "title", "slug");

-- The catalogue's version: bumped by every statement that changes what a search can return
-- (programmes, their funders, co-funders, coverage, territories, synonyms). The search cache
-- (lib/data/search-cache.ts) keys its entries on it, so that no result outlives a change.
CREATE TABLE "catalogue_version" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changed_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT "catalogue_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "catalogue_version_single_row" CHECK ("id")
);
INSERT INTO "catalogue_version" DEFAULT VALUES;

CREATE FUNCTION "bump_catalogue_version"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalogue_version" SET "version" = "version" + 1, "changed_at" = now();
  RETURN NULL;
END $$;

CREATE TRIGGER "programme_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "programme"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version"();
CREATE TRIGGER "funder_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funder"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version"();
CREATE TRIGGER "programme_co_funder_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "programme_co_funder"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version"();
CREATE TRIGGER "programme_territory_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "programme_territory"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version"();
CREATE TRIGGER "territory_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "territory"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version"();
CREATE TRIGGER "search_synonym_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "search_synonym"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version"();
