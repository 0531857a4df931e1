import "server-only";
import { z } from "zod";
import {
  type Actor,
  canCreate,
  canRestore,
  canVerify,
  EDITORIAL_STATUSES,
  type EditorialStatus,
  editorialStatusLabels,
  isCurator,
} from "../../auth/policy";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { slugify } from "../../validation/admin-fields";
import {
  type ProgrammeInput,
  programmeInputFromSnapshot,
  programmeInputSchema,
  programmePatchSchema,
  type ProgrammeSnapshot,
  programmeStatusSchema,
  programmeRestoreSchema,
  programmeVerifySchema,
} from "../../validation/admin-programme";
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
import { programmeChildren, programmeColumns, programmeSnapshotSelect, toProgrammeSnapshot } from "./programme-snapshot";

/**
 * The write services of programmes, called by the workspace's server actions and by
 * /api/v1/admin/programmes alike. Each is ONE transaction:
 *   policy (lib/auth/policy.ts) → zod → UPDATE … WHERE id AND version = expected (0 rows: conflict,
 *   never an overwrite; version + 1) → the lists replaced → one Revision (before/after snapshots).
 * Failures are DomainError: not_found (also what the actor may not see), forbidden,
 * validation_failed (fields), conflict (current snapshot and version), invalid_transition.
 * Nothing is ever deleted: archive instead.
 */

export type ProgrammeWriteResult = WriteResult<ProgrammeSnapshot>;

const ENTITY = "programme" as const;

const currentSelect = {
  ...programmeSnapshotSelect,
  createdById: true,
  funder: { select: { slug: true, name: true, status: true } },
  updatedBy: { select: { name: true } },
} as const;

async function loadCurrent(tx: Tx, actor: Actor, slug: string) {
  const row = await tx.programme.findUnique({ where: { slug }, select: currentSelect });
  // What the actor may not see does not exist for them (404, not 403).
  if (!row || (!isCurator(actor) && row.createdById !== actor.id)) throw notFound("Programme");
  return { row, snapshot: toProgrammeSnapshot(row), entry: { status: row.status, createdById: row.createdById } };
}
type Current = Awaited<ReturnType<typeof loadCurrent>>;

function checkVersion(current: Current, expected: number | undefined) {
  if (expected !== undefined && expected !== current.row.version) {
    throw conflict(current.row.title, current.snapshot, current.row.version, current.row.updatedBy?.name ?? null);
  }
}

/** The funders (main and co-funders) by slug → id; unknown, invisible or archived ones are field errors. */
async function resolveReferences(tx: Tx, actor: Actor, input: ProgrammeInput) {
  const slugs = [input.funder, ...input.coFunders];
  // One after the other: a transaction is one connection, which runs one query at a time.
  const funders = await tx.funder.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, status: true, createdById: true } });
  const territoryCount =
    input.isNational || input.territories.length === 0 ? 0 : await tx.territory.count({ where: { id: { in: input.territories } } });
  const usable = new Map(
    funders.filter((f) => isCurator(actor) || f.status === "published" || f.createdById === actor.id).map((f) => [f.slug, f]),
  );
  const fields: Record<string, string> = {};
  const main = usable.get(input.funder);
  if (!main) fields.funder = `Financeur principal : financeur inconnu « ${input.funder} ».`;
  else if (main.status === "archived") fields.funder = `Financeur principal : « ${input.funder} » est archivé.`;
  input.coFunders.forEach((slug, i) => {
    const f = usable.get(slug);
    if (!f) fields[`coFunders.${i}`] ??= `Cofinanceurs : financeur inconnu « ${slug} ».`;
    else if (f.status === "archived") fields[`coFunders.${i}`] ??= `Cofinanceurs : « ${slug} » est archivé.`;
  });
  if (!input.isNational && territoryCount !== input.territories.length) {
    const found = new Set(
      (await tx.territory.findMany({ where: { id: { in: input.territories } }, select: { id: true } })).map((t) => t.id),
    );
    const missing = input.territories.filter((t) => !found.has(t));
    fields.territories = `Territoires couverts : territoire inconnu ${missing.slice(0, 5).map((t) => `« ${t} »`).join(", ")}.`;
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { funderId: main!.id, coFunderIds: input.coFunders.map((s) => usable.get(s)!.id) };
}

async function checkSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const taken = await tx.programme.findUnique({ where: { slug }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw validationFailed({ slug: "Identifiant (slug) : déjà pris par un autre programme." });
}

async function derivedSlug(tx: Tx, title: string) {
  const base = slugify(title) || "programme";
  const taken = await tx.programme.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, taken.map((t) => t.slug));
}

/** Replaces the lists that changed (co-funders, coverage, rounds, sources). */
async function replaceChildren(tx: Tx, id: string, input: ProgrammeInput, coFunderIds: string[], before: ProgrammeSnapshot | null) {
  const rows = programmeChildren(id, input, coFunderIds);
  const where = { programmeId: id };
  const changed = (key: "coFunders" | "territories" | "rounds" | "sources") =>
    !before || !sameJson(key === "territories" && input.isNational ? [] : input[key], before[key]);
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

/** UPDATE … WHERE id AND version = expected; 0 rows is a conflict (someone saved in between). */
async function lockedUpdate(tx: Tx, actor: Actor, current: Current, data: Prisma.ProgrammeUncheckedUpdateManyInput) {
  const { count } = await tx.programme.updateMany({
    where: { id: current.row.id, version: current.row.version },
    data: { ...data, version: { increment: 1 }, updatedById: actor.id },
  });
  if (count === 0) {
    const now = await tx.programme.findUnique({ where: { id: current.row.id }, select: currentSelect });
    throw now
      ? conflict(now.title, toProgrammeSnapshot(now), now.version, now.updatedBy?.name ?? null)
      : notFound("Programme");
  }
}

async function readSnapshot(tx: Tx, id: string) {
  const row = await tx.programme.findUniqueOrThrow({ where: { id }, select: programmeSnapshotSelect });
  return { row, snapshot: toProgrammeSnapshot(row) };
}

function ensureFunderPublished(funder: { slug: string; name: string; status: EditorialStatus }) {
  if (funder.status !== "published") {
    throw new DomainError(
      "invalid_transition",
      `Publiez d'abord le financeur « ${funder.name} » (actuellement : ${editorialStatusLabels[funder.status].toLowerCase()}) : un programme n'est publié que si son financeur l'est.`,
      "funder",
    );
  }
}

const createStatusSchema = z.enum(EDITORIAL_STATUSES, { error: "Statut : draft, in_review, published ou archived." }).optional();

/**
 * Creates a programme. Contributors' programmes are drafts whatever they send; a curator may send
 * `status` (draft, in_review or published: the funder must then be published).
 */
export async function createProgramme(actor: Actor, raw: unknown): Promise<ProgrammeWriteResult> {
  if (!canCreate(actor)) throw new DomainError("forbidden", "Votre rôle ne permet pas de créer un programme.");
  let requested: EditorialStatus | undefined;
  let body = raw;
  if (raw && typeof raw === "object" && !Array.isArray(raw) && "status" in raw) {
    const { status, ...rest } = raw as Record<string, unknown>;
    body = rest;
    requested = parseOrFail(z.object({ status: createStatusSchema }), { status }).status;
  }
  const input = parseOrFail(programmeInputSchema, body);
  const status: EditorialStatus = isCurator(actor) ? (requested ?? "draft") : "draft";
  if (status === "archived") throw validationFailed({ status: "Statut : une fiche ne peut pas être créée archivée." });

  return inTransaction(async (tx) => {
    const refs = await resolveReferences(tx, actor, input);
    const slug = input.slug ?? (await derivedSlug(tx, input.title));
    if (input.slug) await checkSlugFree(tx, slug);
    if (status === "published") {
      const funder = await tx.funder.findUniqueOrThrow({ where: { id: refs.funderId }, select: { slug: true, name: true, status: true } });
      ensureFunderPublished(funder);
    }
    const created = await tx.programme.create({
      data: {
        ...programmeColumns(input),
        slug,
        funderId: refs.funderId,
        status,
        publishedAt: status === "published" ? new Date() : null,
        createdById: actor.id,
        updatedById: actor.id,
      },
      select: { id: true },
    });
    await replaceChildren(tx, created.id, input, refs.coFunderIds, null);
    const after = await readSnapshot(tx, created.id);
    const revisionId = await recordRevision(tx, actor, {
      entityType: ENTITY, entityId: created.id, entityLabel: after.row.title, version: after.row.version,
      action: "create", before: null, after: after.snapshot,
    });
    return { id: created.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
  });
}

/** Writes a whole input over the current state (update and restore). */
async function writeInput(
  tx: Tx,
  actor: Actor,
  current: Current,
  input: ProgrammeInput,
  revision: { action: "update" | "restore"; note?: string | null },
): Promise<ProgrammeWriteResult> {
  const before = current.snapshot;
  const refs = await resolveReferences(tx, actor, input);
  const slug = input.slug ?? before.slug;
  if (slug !== before.slug) await checkSlugFree(tx, slug, current.row.id);
  const next: ProgrammeSnapshot = { ...input, slug, status: before.status, territories: input.isNational ? [] : input.territories };
  if (sameJson(toComparable(next), toComparable(before)) && revision.action === "update") {
    return { id: current.row.id, slug: before.slug, version: current.row.version, snapshot: before, changed: false, revisionId: null };
  }
  if (current.row.status === "published" && input.funder !== before.funder) {
    const funder = await tx.funder.findUniqueOrThrow({ where: { id: refs.funderId }, select: { slug: true, name: true, status: true } });
    if (funder.status !== "published") {
      throw validationFailed({ funder: `Financeur principal : « ${funder.name} » n'est pas publié ; un programme publié ne peut en dépendre.` });
    }
  }
  const columns: Prisma.ProgrammeUncheckedUpdateManyInput = { ...programmeColumns(input), slug, funderId: refs.funderId };
  // The verification instant is kept when its day did not change (the form only knows the day).
  if (input.lastVerifiedAt === before.lastVerifiedAt) delete columns.lastVerifiedAt;
  await lockedUpdate(tx, actor, current, columns);
  await replaceChildren(tx, current.row.id, input, refs.coFunderIds, before);
  const after = await readSnapshot(tx, current.row.id);
  const revisionId = await recordRevision(tx, actor, {
    entityType: ENTITY, entityId: current.row.id, entityLabel: after.row.title, version: after.row.version,
    action: revision.action, note: revision.note, before, after: after.snapshot,
  });
  return { id: current.row.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
}

/** Key order independent comparison of a would-be snapshot with the current one. */
const toComparable = (s: ProgrammeSnapshot) => Object.fromEntries(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Applies any subset of the fields, checked against the version the person started from. */
export async function updateProgramme(actor: Actor, slug: string, patch: unknown): Promise<ProgrammeWriteResult> {
  const { version, ...changes } = parseOrFail(programmePatchSchema, patch);
  return inTransaction(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    assertCanEdit(actor, current.entry);
    checkVersion(current, version);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    // The merged whole goes through the create schema: the rules across fields hold on the result.
    const input = parseOrFail(programmeInputSchema, { ...programmeInputFromSnapshot(current.snapshot), ...defined });
    return writeInput(tx, actor, current, input, { action: "update" });
  });
}

/** A workflow step (lib/auth/policy.ts): 409 invalid_transition when it does not exist, 403 when the role may not. */
export async function transitionProgramme(actor: Actor, slug: string, raw: unknown): Promise<ProgrammeWriteResult> {
  const { to, version, note } = parseOrFail(programmeStatusSchema, raw);
  return inTransaction(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    checkVersion(current, version);
    assertTransition(actor, current.entry, to);
    if (to === "published") ensureFunderPublished(current.row.funder);
    await lockedUpdate(tx, actor, current, { status: to, ...(to === "published" ? { publishedAt: new Date() } : {}) });
    const after = await readSnapshot(tx, current.row.id);
    const revisionId = await recordRevision(tx, actor, {
      entityType: ENTITY, entityId: current.row.id, entityLabel: after.row.title, version: after.row.version,
      action: "status", note: note ?? null, before: current.snapshot, after: after.snapshot,
    });
    return { id: current.row.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
  });
}

/** « Vérifié auprès de la source » now, with what was checked (curators). */
export async function verifyProgramme(actor: Actor, slug: string, raw: unknown): Promise<ProgrammeWriteResult> {
  const { version, note } = parseOrFail(programmeVerifySchema, raw);
  return inTransaction(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    if (!canVerify(actor)) throw new DomainError("forbidden", "Seuls les curateurs peuvent marquer une fiche comme vérifiée.");
    checkVersion(current, version);
    await lockedUpdate(tx, actor, current, { lastVerifiedAt: new Date(), verificationNote: note ?? null });
    const after = await readSnapshot(tx, current.row.id);
    const revisionId = await recordRevision(tx, actor, {
      entityType: ENTITY, entityId: current.row.id, entityLabel: after.row.title, version: after.row.version,
      action: "verify", note: note ?? null, before: current.snapshot, after: after.snapshot,
    });
    return { id: current.row.id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
  });
}

/**
 * Brings back the fields as a revision left them (its `after`), as a new revision « restore »; the
 * editorial status stays what it is (it changes only through the workflow).
 */
export async function restoreProgrammeRevision(actor: Actor, slug: string, raw: unknown): Promise<ProgrammeWriteResult> {
  const { revisionId, version, note } = parseOrFail(programmeRestoreSchema, raw);
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
    const stored = revision.after as unknown as ProgrammeSnapshot;
    const parsed = programmeInputSchema.safeParse(programmeInputFromSnapshot(stored));
    if (!parsed.success) {
      throw validationFailed({
        revisionId: `Cette version ne respecte plus les règles actuelles (${parsed.error.issues[0]?.message ?? "saisie invalide"}) : corrigez la fiche à la main.`,
      });
    }
    const label = `Version ${revision.version ?? "?"} restaurée`;
    return writeInput(tx, actor, current, parsed.data, { action: "restore", note: note ? `${label} : ${note}` : `${label}.` });
  });
}
