-- A programme's rounds (its dated editions) feed the search index: the predicted reopening of a
-- closed call (lib/programmes/reopening.ts, the search's status=expected) reads their dates. A round
-- added, changed or removed alone must bump the catalogue's version like a change of the programme
-- itself, so that the in-memory index (lib/data/programme-index.ts) and the search cache
-- (lib/data/search-cache.ts) refresh. Same statement-level trigger as 20261124000000_search_speed.
CREATE TRIGGER "programme_round_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "programme_round"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version"();
