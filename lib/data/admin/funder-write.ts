import "server-only";
import { z } from "zod";
import {
  type Actor,
  canCreate,
  canRestore,
  canVerify,
  EDITORIAL_STATUSES,
  type EditorialStatus,
  isCurator,
} from "../../auth/policy";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { plural } from "../../format";
import { slugify } from "../../validation/admin-fields";
import {
  type FunderInput,
  funderInputFromSnapshot,
  funderInputSchema,
  funderPatchSchema,
  funderRestoreSchema,
  type FunderSnapshot,
  funderStatusSchema,
  funderVerifySchema,
} from "../../validation/admin-funder";
import {
  assertCanEdit,
  assertTransition,
  conflict,
  firstFreeSlug,
  inTransaction,
  notFound,
  parseOrFail,
  recordRevision,
  sameJson,
  type Tx,
  validationFailed,
  type WriteResult,
} from "./entity-write";
import { funderColumns, funderSnapshotSelect, toFunderSnapshot } from "./funder-snapshot";

/**
 * The write services of funders, the same transaction as programmes (lib/data/admin/programme-write.ts):
 * policy → zod → UPDATE … WHERE id AND version = expected → one Revision. A funder leaves « publié »
 * only once no published programme depends on it (their public pages would name a missing funder).
 */

export type FunderWriteResult = WriteResult<FunderSnapshot>;

const ENTITY = "funder" as const;

const currentSelect = { ...funderSnapshotSelect, createdById: true, updatedBy: { select: { name: true } } } as const;

async function loadCurrent(tx: Tx, actor: Actor, slug: string) {
  const row = await tx.funder.findUnique({ where: { slug }, select: currentSelect });
  if (!row || (!isCurator(actor) && row.createdById !== actor.id)) throw notFound("Financeur");
  return { row, snapshot: toFunderSnapshot(row), entry: { status: row.status, createdById: row.createdById } };
}
type Current = Awaited<ReturnType<typeof loadCurrent>>;

function checkVersion(current: Current, expected: number | undefined) {
  if (expected !== undefined && expected !== current.row.version) {
    throw conflict(current.row.name, current.snapshot, current.row.version, current.row.updatedBy?.name ?? null);
  }
}

async function checkTerritory(tx: Tx, input: FunderInput) {
  if (!input.territory) return;
  const found = await tx.territory.findUnique({ where: { id: input.territory }, select: { id: true } });
  if (!found) throw validationFailed({ territory: `Territoire : territoire inconnu « ${input.territory} ».` });
}

async function checkSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const taken = await tx.funder.findUnique({ where: { slug }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw validationFailed({ slug: "Identifiant (slug) : déjà pris par un autre financeur." });
}

async function lockedUpdate(tx: Tx, actor: Actor, current: Current, data: Prisma.FunderUncheckedUpdateManyInput) {
  const { count } = await tx.funder.updateMany({
    where: { id: current.row.id, version: current.row.version },
    data: { ...data, version: { increment: 1 }, updatedById: actor.id },
  });
  if (count === 0) {
    const now = await tx.funder.findUnique({ where: { id: current.row.id }, select: currentSelect });
    throw now ? conflict(now.name, toFunderSnapshot(now), now.version, now.updatedBy?.name ?? null) : notFound("Financeur");
  }
}

async function readSnapshot(tx: Tx, id: string) {
  const row = await tx.funder.findUniqueOrThrow({ where: { id }, select: funderSnapshotSelect });
  return { row, snapshot: toFunderSnapshot(row) };
}

const createStatusSchema = z.enum(EDITORIAL_STATUSES, { error: "Statut : draft, in_review, published ou archived." }).optional();

/** Creates a funder: a draft for contributors; a curator may send `status` (draft, in_review, published). */
export async function createFunder(actor: Actor, raw: unknown): Promise<FunderWriteResult> {
  if (!canCreate(actor)) throw new DomainError("forbidden", "Votre rôle ne permet pas de créer un financeur.");
  let requested: EditorialStatus | undefined;
  let body = raw;
  if (raw && typeof raw === "object" && !Array.isArray(raw) && "status" in raw) {
    const { status, ...rest } = raw as Record<string, unknown>;
    body = rest;
    requested = parseOrFail(z.object({ status: createStatusSchema }), { status }).status;
  }
  const input = parseOrFail(funderInputSchema, body);
  const status: EditorialStatus = isCurator(actor) ? (requested ?? "draft") : "draft";
  if (status === "archived") throw validationFailed({ status: "Statut : une fiche ne peut pas être créée archivée." });

  return inTransaction(async (tx) => {
    await checkTerritory(tx, input);
    let slug = input.slug;
    if (slug) await checkSlugFree(tx, slug);
    else {
      const base = slugify(input.name) || "financeur";
      const taken = await tx.funder.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      slug = firstFreeSlug(base, taken.map((t) => t.slug));
    }
    const created = await tx.funder.create({
      data: {
        ...funderColumns(input),
        slug,
        status,
        publishedAt: status === "published" ? new Date() : null,
        createdById: actor.id,
        updatedById: actor.id,
      },
      select: { id: true },
    });
    const after = await readSnapshot(tx, created.id);
    const revisionId = await recordRevision(tx, actor, {
      entityType: ENTITY, entityId: created.id, entityLabel: after.row.name, version: after.row.version,
      action: "create", before: null, after: after.snapshot,
    });
    return { id: created.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
  });
}

async function writeInput(
  tx: Tx,
  actor: Actor,
  current: Current,
  input: FunderInput,
  revision: { action: "update" | "restore"; note?: string | null },
): Promise<FunderWriteResult> {
  const before = current.snapshot;
  await checkTerritory(tx, input);
  const slug = input.slug ?? before.slug;
  if (slug !== before.slug) await checkSlugFree(tx, slug, current.row.id);
  const next: FunderSnapshot = { ...input, slug, status: before.status };
  const sorted = (s: FunderSnapshot) => Object.fromEntries(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (revision.action === "update" && sameJson(sorted(next), sorted(before))) {
    return { id: current.row.id, slug: before.slug, version: current.row.version, snapshot: before, changed: false, revisionId: null };
  }
  const columns: Prisma.FunderUncheckedUpdateManyInput = { ...funderColumns(input), slug };
  if (input.lastVerifiedAt === before.lastVerifiedAt) delete columns.lastVerifiedAt;
  await lockedUpdate(tx, actor, current, columns);
  const after = await readSnapshot(tx, current.row.id);
  const revisionId = await recordRevision(tx, actor, {
    entityType: ENTITY, entityId: current.row.id, entityLabel: after.row.name, version: after.row.version,
    action: revision.action, note: revision.note, before, after: after.snapshot,
  });
  return { id: current.row.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
}

export async function updateFunder(actor: Actor, slug: string, patch: unknown): Promise<FunderWriteResult> {
  const { version, ...changes } = parseOrFail(funderPatchSchema, patch);
  return inTransaction(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    assertCanEdit(actor, current.entry);
    checkVersion(current, version);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const input = parseOrFail(funderInputSchema, { ...funderInputFromSnapshot(current.snapshot), ...defined });
    return writeInput(tx, actor, current, input, { action: "update" });
  });
}

export async function transitionFunder(actor: Actor, slug: string, raw: unknown): Promise<FunderWriteResult> {
  const { to, version, note } = parseOrFail(funderStatusSchema, raw);
  return inTransaction(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    checkVersion(current, version);
    const from = current.row.status;
    assertTransition(actor, current.entry, to);
    if (from === "published") {
      const dependents = await tx.programme.count({ where: { funderId: current.row.id, status: "published" } });
      if (dependents > 0) {
        throw new DomainError(
          "invalid_transition",
          `Ce financeur porte ${plural(dependents, "programme publié", "programmes publiés")} : archivez-les ou changez leur financeur avant de le retirer de la publication.`,
          "to",
        );
      }
    }
    await lockedUpdate(tx, actor, current, { status: to, ...(to === "published" ? { publishedAt: new Date() } : {}) });
    const after = await readSnapshot(tx, current.row.id);
    const revisionId = await recordRevision(tx, actor, {
      entityType: ENTITY, entityId: current.row.id, entityLabel: after.row.name, version: after.row.version,
      action: "status", note: note ?? null, before: current.snapshot, after: after.snapshot,
    });
    return { id: current.row.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
  });
}

/** « Vérifié auprès de la source » now; the note is kept on the revision (funders have no note column). */
export async function verifyFunder(actor: Actor, slug: string, raw: unknown): Promise<FunderWriteResult> {
  const { version, note } = parseOrFail(funderVerifySchema, raw);
  return inTransaction(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    if (!canVerify(actor)) throw new DomainError("forbidden", "Seuls les curateurs peuvent marquer une fiche comme vérifiée.");
    checkVersion(current, version);
    await lockedUpdate(tx, actor, current, { lastVerifiedAt: new Date() });
    const after = await readSnapshot(tx, current.row.id);
    const revisionId = await recordRevision(tx, actor, {
      entityType: ENTITY, entityId: current.row.id, entityLabel: after.row.name, version: after.row.version,
      action: "verify", note: note ?? null, before: current.snapshot, after: after.snapshot,
    });
    return { id: current.row.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
  });
}

export async function restoreFunderRevision(actor: Actor, slug: string, raw: unknown): Promise<FunderWriteResult> {
  const { revisionId, version, note } = parseOrFail(funderRestoreSchema, raw);
  return inTransaction(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    if (!canRestore(actor, current.entry)) {
      throw new DomainError("forbidden", "Votre rôle ne permet pas de restaurer une version de cette fiche.");
    }
    checkVersion(current, version);
    const revision = await tx.revision.findFirst({
      where: { id: revisionId, entityType: ENTITY, entityId: current.row.id },
      select: { after: true, version: true },
    });
    if (!revision?.after) throw notFound("Révision");
    const parsed = funderInputSchema.safeParse(funderInputFromSnapshot(revision.after as unknown as FunderSnapshot));
    if (!parsed.success) {
      throw validationFailed({
        revisionId: `Cette version ne respecte plus les règles actuelles (${parsed.error.issues[0]?.message ?? "saisie invalide"}) : corrigez la fiche à la main.`,
      });
    }
    const label = `Version ${revision.version ?? "?"} restaurée`;
    return writeInput(tx, actor, current, parsed.data, { action: "restore", note: note ? `${label} : ${note}` : `${label}.` });
  });
}
