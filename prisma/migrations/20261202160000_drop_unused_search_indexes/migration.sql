-- The search reads the catalogue into memory (lib/data/programme-index.ts) and no longer queries
-- these two indexes; each of them cost every write of a programme (BENCHMARKS.md: 45 MB and 29 MB
-- at 100,000 programmes). The full-text column itself stays: the in-memory index reads it.

-- DropIndex
DROP INDEX "programme_search_vector_idx";

-- The covering index of the SQL search (migration 20261124000000_search_speed).
DROP INDEX "programme_search_facts_idx";
