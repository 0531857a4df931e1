import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../generated/prisma/client";
import { reportLines } from "../../import/report";
import { runImport } from "../../import/run";
import { SEED_DATA_DIR } from "./catalogue";

/**
 * The research batch of December 2026 (prisma/seed-data/programmes-research-2026-12.json: the seed's
 * shape plus `reviewNote` and `confidence`), brought in THROUGH THE IMPORTER (lib/import), nobody as
 * author: entries without a reviewer's note and of high or medium confidence are published, the
 * others wait in review with their note. Idempotent: a second run finds every entry unchanged.
 */

export const RESEARCH_BATCH_FILE = "programmes-research-2026-12.json";
export const RESEARCH_BATCH_NOTE = "Import du lot de recherche 2026-12";

/** Published by the seed: nothing left for the reviewer, and a confidence the research calls high or medium. */
export const publishedBySeed = (row: { reviewNote: string | null; confidence: string | null }) =>
  row.reviewNote === null && (row.confidence === "high" || row.confidence === "medium");

export interface ResearchBatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export async function seedResearchBatch(prisma: PrismaClient, file = path.join(SEED_DATA_DIR, RESEARCH_BATCH_FILE)): Promise<ResearchBatchCounts | null> {
  if (!fs.existsSync(file)) return null;
  const report = await runImport(
    prisma,
    { fileName: path.basename(file), content: fs.readFileSync(file, "utf8") },
    { actor: null, dryRun: false, publishRow: publishedBySeed, note: RESEARCH_BATCH_NOTE },
  );
  if (!report.applied) {
    const problems = reportLines({ ...report, rows: report.rows.filter((r) => r.outcome === "rejected") });
    throw new Error(`Le lot de recherche ${path.basename(file)} n'a pas pu être importé :\n${problems.join("\n")}`);
  }
  const { created, updated, unchanged } = report.counts;
  return { created, updated, unchanged };
}
