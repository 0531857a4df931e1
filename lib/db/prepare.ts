import type { Database } from "./connect";
import { migrate } from "./migrate";
import { seedCaseStudies } from "./seed/case-studies";
import { seedCatalogue } from "./seed/catalogue";
import { seedResearchBatch } from "./seed/research-batch";
import { seedSynonyms } from "./seed/synonyms";
import { seedTerritories } from "./seed/territories";

export interface PrepareReport {
  migrationsApplied: string[];
  territoriesSeeded: number;
  catalogueSeeded: boolean;
}

/**
 * Brings a database to the current schema and, when it is empty, loads the territories and the
 * researched catalogue. `force` reloads the seed even on a database that has data (idempotent).
 */
export async function prepareDatabase(
  db: Database,
  { force = false, log = (_: string) => undefined }: { force?: boolean; log?: (line: string) => void } = {},
): Promise<PrepareReport> {
  const { applied } = await migrate(db.sql);
  if (applied.length) log(`Migrations appliquées : ${applied.join(", ")}`);

  const [{ count: territories }] = (await db.sql.query<{ count: number }>(
    "select count(*)::int as count from territory",
  )) as [{ count: number }];
  let territoriesSeeded = 0;
  if (force || territories === 0) {
    const started = Date.now();
    territoriesSeeded = await seedTerritories(db.sql);
    log(`Territoires chargés : ${territoriesSeeded} (${Date.now() - started} ms)`);
  }

  const funders = await db.prisma.funder.count();
  let catalogueSeeded = false;
  if (force || funders === 0) {
    const started = Date.now();
    const counts = await seedCatalogue(db.prisma);
    catalogueSeeded = true;
    log(
      `Catalogue chargé : ${counts.programmes} programmes, ${counts.funders} financeurs, ${counts.records} montants (${Date.now() - started} ms)`,
    );
    // The research batch, through the importer (its entries in review when a doubt remains).
    const batchStarted = Date.now();
    const batch = await seedResearchBatch(db.prisma);
    if (batch) {
      log(
        `Lot de recherche 2026-12 : ${batch.created} créés, ${batch.updated} mis à jour, ${batch.unchanged} inchangés (${Date.now() - batchStarted} ms)`,
      );
    }
  }
  // Case studies: with the catalogue, or once on a database seeded before they existed.
  if (catalogueSeeded || (await db.prisma.caseStudy.count()) === 0) {
    log(`Retours d'expérience chargés : ${await seedCaseStudies(db.prisma)}`);
  }
  // Search: the acronyms (idempotent, cheap: every start), and the exact lexicon of the catalogue's words.
  await seedSynonyms(db.sql);
  if (catalogueSeeded) await db.sql.query("select refresh_search_words()");
  return { migrationsApplied: applied, territoriesSeeded, catalogueSeeded };
}
