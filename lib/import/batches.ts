import "server-only";
import { type Actor, canImport, canPublishImport, isCurator } from "../auth/policy";
import { findSimilarProgrammes } from "../data/admin/duplicates";
import { getPrisma } from "../db/client";
import { DomainError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { readImportFile } from "./read-file";
import type { ImportFormat, ImportReport } from "./report";
import { type DuplicateFinder, runImport } from "./run";

/**
 * Import batches of the workspace (/admin/import): the uploaded file is kept with its dry run's
 * report (pending), then confirmed (re-validated and applied in one transaction: the report becomes
 * the applied one) or discarded. A contributor sees and confirms only their own batches, and their
 * entries land in review whatever the batch asked; a curator sees every batch.
 */

export type ImportBatchStatus = "pending" | "applied" | "discarded";

export interface ImportBatchView {
  id: string;
  fileName: string;
  format: string;
  publish: boolean;
  status: ImportBatchStatus;
  report: ImportReport | null;
  createdAt: Date;
  appliedAt: Date | null;
  createdBy: { id: string; name: string } | null;
}

const select = {
  id: true, fileName: true, format: true, publish: true, status: true, report: true, createdAt: true, appliedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ImportBatchSelect;

/** « doublon possible » warnings: lib/data/admin/duplicates.ts, inside the import's transaction. */
const duplicates: DuplicateFinder = (query, db) => findSimilarProgrammes(query, db);

const toView = (row: Prisma.ImportBatchGetPayload<{ select: typeof select }>): ImportBatchView => ({
  ...row,
  status: row.status as ImportBatchStatus,
  report: (row.report as unknown as ImportReport | null) ?? null,
});

const visibleTo = (actor: Actor): Prisma.ImportBatchWhereInput => (isCurator(actor) ? {} : { createdById: actor.id });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The upload: its dry run, stored as a pending batch. */
export async function createImportBatch(actor: Actor, file: { fileName: string; content: string; publish: boolean }): Promise<ImportBatchView> {
  if (!canImport(actor)) throw new DomainError("forbidden", "Votre rôle ne permet pas d'importer.");
  const prisma = await getPrisma();
  const publish = file.publish && canPublishImport(actor);
  const report = await runImport(prisma, file, { actor, dryRun: true, publish, findDuplicates: duplicates });
  const format: ImportFormat | "inconnu" = report.format ?? readImportFile(file.fileName, file.content).format ?? "inconnu";
  const row = await prisma.importBatch.create({
    data: {
      fileName: file.fileName.slice(0, 200),
      format,
      content: file.content,
      publish,
      report: report as unknown as Prisma.InputJsonValue,
      createdById: actor.id,
    },
    select,
  });
  return toView(row);
}

export async function getImportBatch(actor: Actor, id: string): Promise<ImportBatchView | null> {
  if (!UUID.test(id)) return null;
  const prisma = await getPrisma();
  const row = await prisma.importBatch.findFirst({ where: { id, ...visibleTo(actor) }, select });
  return row ? toView(row) : null;
}

export async function listImportBatches(actor: Actor, { take = 20 }: { take?: number } = {}): Promise<ImportBatchView[]> {
  const prisma = await getPrisma();
  const rows = await prisma.importBatch.findMany({ where: visibleTo(actor), select, orderBy: { createdAt: "desc" }, take });
  return rows.map(toView);
}

/**
 * Confirms a pending batch: the file is analysed again against the catalogue as it is now and, when no
 * row is rejected, applied in one transaction. The batch becomes « applied » with that report; with a
 * rejection nothing is written and the batch stays pending with the new report.
 */
export async function confirmImportBatch(actor: Actor, id: string): Promise<ImportBatchView> {
  const prisma = await getPrisma();
  const batch = await prisma.importBatch.findFirst({ where: { id: UUID.test(id) ? id : undefined, ...visibleTo(actor) }, select: { ...select, content: true } });
  if (!batch || !UUID.test(id)) throw new DomainError("not_found", "Import introuvable.");
  if (batch.status !== "pending") {
    throw new DomainError("invalid_transition", batch.status === "applied" ? "Cet import a déjà été appliqué." : "Cet import a été abandonné.");
  }
  const report = await runImport(
    prisma,
    { fileName: batch.fileName, content: batch.content },
    { actor, dryRun: false, publish: batch.publish && canPublishImport(actor), note: `Import du fichier ${batch.fileName}`, findDuplicates: duplicates },
  );
  // Only a pending batch changes (two confirmations at once: the second finds it applied).
  const { count } = await prisma.importBatch.updateMany({
    where: { id, status: "pending" },
    data: report.applied
      ? { status: "applied", appliedAt: new Date(), report: report as unknown as Prisma.InputJsonValue }
      : { report: report as unknown as Prisma.InputJsonValue },
  });
  if (count === 0) throw new DomainError("invalid_transition", "Cet import n'est plus en attente.");
  return (await getImportBatch(actor, id))!;
}

export async function discardImportBatch(actor: Actor, id: string): Promise<void> {
  const prisma = await getPrisma();
  if (!UUID.test(id)) throw new DomainError("not_found", "Import introuvable.");
  const { count } = await prisma.importBatch.updateMany({ where: { id, status: "pending", ...visibleTo(actor) }, data: { status: "discarded" } });
  if (count === 0) {
    const exists = await prisma.importBatch.findFirst({ where: { id, ...visibleTo(actor) }, select: { status: true } });
    throw exists ? new DomainError("invalid_transition", "Cet import n'est plus en attente.") : new DomainError("not_found", "Import introuvable.");
  }
}

/** The entry's research note, for the reviewer beside the edit form (the page has checked the actor may see it). */
export async function getProgrammeReviewNote(slug: string): Promise<string | null> {
  const prisma = await getPrisma();
  return (await prisma.programme.findUnique({ where: { slug }, select: { reviewNote: true } }))?.reviewNote ?? null;
}

