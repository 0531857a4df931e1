import type { Actor, EditorialStatus } from "../auth/policy";
import type { Prisma } from "../generated/prisma/client";
import { programmeChildren, programmeColumns, programmeSnapshotSelect, toProgrammeSnapshot } from "../data/admin/programme-snapshot";
import type { ProgrammeInput, ProgrammeSnapshot } from "../validation/admin-programme";

/**
 * The writes of one imported row, inside the import's transaction: the same columns and lists as
 * the curation services (lib/data/admin/programme-write.ts, through programme-snapshot.ts), an
 * `UPDATE … WHERE id AND version` (a concurrent save is a conflict, never overwritten), and the
 * Revision « import », authored by the importing account (none for the seed). Kept free of
 * `server-only` modules so that the seed and scripts/import.ts run it too.
 */

export type Tx = Prisma.TransactionClient;

export const currentSelect = {
  ...programmeSnapshotSelect,
  createdById: true,
  reviewNote: true,
  funder: { select: { slug: true, name: true, status: true } },
} as const;
export type CurrentRow = Prisma.ProgrammeGetPayload<{ select: typeof currentSelect }>;

export async function readSnapshot(tx: Tx, id: string) {
  const row = await tx.programme.findUniqueOrThrow({ where: { id }, select: programmeSnapshotSelect });
  return { row, snapshot: toProgrammeSnapshot(row) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Replaces the lists that changed (co-funders, coverage, rounds, sources). */
async function replaceChildren(tx: Tx, id: string, input: ProgrammeInput, coFunderIds: string[], before: ProgrammeSnapshot | null) {
  const rows = programmeChildren(id, input, coFunderIds);
  const where = { programmeId: id };
  const changed = (key: "coFunders" | "territories" | "rounds" | "sources") =>
    !before || !same(key === "territories" && input.isNational ? [] : input[key], before[key]);
  if (changed("coFunders")) {
    await tx.programmeCoFunder.deleteMany({ where });
    if (rows.coFunders.length) await tx.programmeCoFunder.createMany({ data: rows.coFunders });
  }
  if (changed("territories") || (before && before.isNational !== input.isNational)) {
    await tx.programmeTerritory.deleteMany({ where });
    if (rows.coverage.length) await tx.programmeTerritory.createMany({ data: rows.coverage });
  }
  if (changed("rounds")) {
    await tx.programmeRound.deleteMany({ where });
    if (rows.rounds.length) await tx.programmeRound.createMany({ data: rows.rounds });
  }
  if (changed("sources")) {
    await tx.programmeSource.deleteMany({ where });
    if (rows.sources.length) await tx.programmeSource.createMany({ data: rows.sources });
  }
}

async function revision(tx: Tx, actor: Actor | null, r: { id: string; label: string; version: number; note: string | null; before: object | null; after: object }) {
  const row = await tx.revision.create({
    data: {
      entityType: "programme",
      entityId: r.id,
      entityLabel: r.label,
      version: r.version,
      action: "import",
      note: r.note,
      authorId: actor?.id ?? null,
      before: (r.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: r.after as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return row.id;
}

export async function createImported(
  tx: Tx,
  actor: Actor | null,
  w: { input: ProgrammeInput; slug: string; funderId: string; coFunderIds: string[]; status: EditorialStatus; reviewNote: string | null; note: string | null },
) {
  const created = await tx.programme.create({
    data: {
      ...programmeColumns(w.input),
      slug: w.slug,
      funderId: w.funderId,
      status: w.status,
      publishedAt: w.status === "published" ? new Date() : null,
      reviewNote: w.reviewNote,
      createdById: actor?.id ?? null,
      updatedById: actor?.id ?? null,
    },
    select: { id: true },
  });
  await replaceChildren(tx, created.id, w.input, w.coFunderIds, null);
  const after = await readSnapshot(tx, created.id);
  await revision(tx, actor, { id: created.id, label: after.row.title, version: after.row.version, note: w.note, before: null, after: after.snapshot });
  return after.snapshot;
}

export class ImportConflict extends Error {}

export async function updateImported(
  tx: Tx,
  actor: Actor | null,
  current: CurrentRow,
  before: ProgrammeSnapshot,
  w: { input: ProgrammeInput; slug: string; funderId: string; coFunderIds: string[]; status: EditorialStatus; reviewNote: string | null; note: string | null },
) {
  const columns: Prisma.ProgrammeUncheckedUpdateManyInput = { ...programmeColumns(w.input), slug: w.slug, funderId: w.funderId, reviewNote: w.reviewNote };
  // The verification instant is kept when its day did not change (a file only knows the day).
  if (w.input.lastVerifiedAt === before.lastVerifiedAt) delete columns.lastVerifiedAt;
  if (w.status !== current.status) {
    columns.status = w.status;
    if (w.status === "published") columns.publishedAt = new Date();
  }
  const { count } = await tx.programme.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...columns, version: { increment: 1 }, updatedById: actor?.id ?? null },
  });
  if (count === 0) throw new ImportConflict(`« ${current.title} » a été modifié pendant l'import : relancez-le.`);
  await replaceChildren(tx, current.id, w.input, w.coFunderIds, before);
  const after = await readSnapshot(tx, current.id);
  await revision(tx, actor, { id: current.id, label: after.row.title, version: after.row.version, note: w.note, before, after: after.snapshot });
  return after.snapshot;
}
