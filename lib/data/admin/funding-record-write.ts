import "server-only";
import { z } from "zod";
import { type Actor, canCreate, canRestore, canVerify, EDITORIAL_STATUSES, type EditorialStatus, isCurator } from "../../auth/policy";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { parisStartOfDay, toParisIsoDate } from "../../paris-time";
import { slugify } from "../../validation/admin-fields";
import {
  type FundingRecordInput,
  fundingRecordInputFromSnapshot,
  fundingRecordInputSchema,
  fundingRecordPatchSchema,
  fundingRecordRestoreSchema,
  type FundingRecordSnapshot,
  fundingRecordStatusSchema,
  fundingRecordVerifySchema,
} from "../../validation/admin-funding-record";
import {
  assertCanEdit,
  assertTransition,
  conflict,
  type ConstraintMessages,
  constraintError,
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
import { fundingRecordColumns, type FundingRecordRefs, fundingRecordSnapshotSelect, toFundingRecordSnapshot } from "./funding-record-snapshot";

/**
 * The write services of funding records (/admin/effort), the same transaction as programmes and
 * funders: policy → zod (the CHECK constraints as field rules) → UPDATE … WHERE id AND version =
 * expected → one Revision. A constraint the schema did not catch (a race) still becomes a field message.
 */

export type FundingRecordWriteResult = WriteResult<FundingRecordSnapshot>;

const ENTITY = "funding-record" as const;
const NOUN = "Montant";

/** funding_record's constraints (migrations 20261122000000_init, 20261206120000_funding_effort) → field and message. */
export const FUNDING_RECORD_CONSTRAINTS: ConstraintMessages = [
  ["funding_record_slug_key", "slug", "Identifiant (slug) : déjà pris par un autre montant."],
  ["funding_record_amount_non_negative", "amount", "Montant : il ne peut pas être négatif."],
  ["funding_record_years_ordered", "yearEnd", "Dernière année : elle ne peut pas précéder la première année."],
  ["funding_record_years_plausible", "yearStart", "Années : entre 1990 et 2100."],
  ["funding_record_has_subject", "funder", "Financeur de l'annuaire : choisissez un programme ou un financeur, ou nommez le financeur."],
  ["funding_record_range_non_negative", "amountLow", "Fourchette : un montant ne peut pas être négatif."],
  ["funding_record_range_complete", "amountHigh", "Fourchette : une fourchette a deux bornes (le plus bas et le plus haut)."],
  ["funding_record_range_low_le_high", "amountHigh", "Fourchette : le montant le plus haut doit être supérieur ou égal au plus bas."],
  ["funding_record_amount_or_range", "amount", "Montant : donnez soit un montant, soit une fourchette, pas les deux."],
  ["funding_record_typed_funder", "funderType", "Type de financeur : obligatoire quand ni programme ni financeur de l'annuaire n'est choisi."],
  ["funding_record_not_part_of_itself", "partOf", "Part d'un autre montant : un montant ne peut pas être une part de lui-même."],
  ["funding_record_territory_id_fkey", "territory", "Territoire : ce territoire n'existe pas."],
  ["funding_record_part_of_id_fkey", "partOf", "Part d'un autre montant : ce montant n'existe plus."],
];

/** A violated funding_record constraint → validation_failed on its field; null for any other error. */
export const fundingRecordConstraintError = (error: unknown): DomainError | null => constraintError(error, FUNDING_RECORD_CONSTRAINTS);

const write = <R>(fn: (tx: Tx) => Promise<R>): Promise<R> => inTransaction(fn, FUNDING_RECORD_CONSTRAINTS);

const currentSelect = { ...fundingRecordSnapshotSelect, createdById: true, updatedBy: { select: { name: true } } } as const;

async function loadCurrent(tx: Tx, actor: Actor, slug: string) {
  const row = await tx.fundingRecord.findUnique({ where: { slug }, select: currentSelect });
  if (!row || (!isCurator(actor) && row.createdById !== actor.id)) throw notFound(NOUN);
  return { row, snapshot: toFundingRecordSnapshot(row), entry: { status: row.status, createdById: row.createdById } };
}
type Current = Awaited<ReturnType<typeof loadCurrent>>;

function checkVersion(current: Current, expected: number | undefined) {
  if (expected !== undefined && expected !== current.row.version) {
    throw conflict(current.row.label, current.snapshot, current.row.version, current.row.updatedBy?.name ?? null);
  }
}

/** The programme, funder and parent record the input names, as ids; unknown ones are field errors. */
async function resolveRefs(tx: Tx, input: FundingRecordInput, selfId?: string): Promise<FundingRecordRefs> {
  const errors: Record<string, string> = {};
  const [programme, funder, parent, territory] = await Promise.all([
    input.programme ? tx.programme.findUnique({ where: { slug: input.programme }, select: { id: true } }) : null,
    input.funder ? tx.funder.findUnique({ where: { slug: input.funder }, select: { id: true } }) : null,
    input.partOf ? tx.fundingRecord.findUnique({ where: { slug: input.partOf }, select: { id: true, partOfId: true } }) : null,
    input.territory ? tx.territory.findUnique({ where: { id: input.territory }, select: { id: true } }) : null,
  ]);
  if (input.programme && !programme) errors.programme = `Programme : programme inconnu « ${input.programme} ».`;
  if (input.funder && !funder) errors.funder = `Financeur de l'annuaire : financeur inconnu « ${input.funder} ».`;
  if (input.territory && !territory) errors.territory = `Territoire : territoire inconnu « ${input.territory} ».`;
  if (input.partOf && !parent) errors.partOf = `Part d'un autre montant : montant inconnu « ${input.partOf} ».`;
  if (parent && selfId) {
    if (parent.id === selfId) errors.partOf = "Part d'un autre montant : un montant ne peut pas être une part de lui-même.";
    else if (await isAncestor(tx, selfId, parent.partOfId)) {
      errors.partOf = "Part d'un autre montant : ce montant est lui-même une part de celui-ci (boucle).";
    }
  }
  if (Object.keys(errors).length) throw validationFailed(errors);
  return { programmeId: programme?.id ?? null, funderId: funder?.id ?? null, partOfId: parent?.id ?? null };
}

/** Whether `id` appears among the parents of `start` (following partOf, at most 20 steps). */
async function isAncestor(tx: Tx, id: string, start: string | null): Promise<boolean> {
  let next = start;
  for (let i = 0; next && i < 20; i++) {
    if (next === id) return true;
    const row: { partOfId: string | null } | null = await tx.fundingRecord.findUnique({ where: { id: next }, select: { partOfId: true } });
    next = row?.partOfId ?? null;
  }
  return false;
}

async function checkSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const taken = await tx.fundingRecord.findUnique({ where: { slug }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw validationFailed({ slug: "Identifiant (slug) : déjà pris par un autre montant." });
}

async function lockedUpdate(tx: Tx, actor: Actor, current: Current, data: Prisma.FundingRecordUncheckedUpdateManyInput) {
  const { count } = await tx.fundingRecord.updateMany({
    where: { id: current.row.id, version: current.row.version },
    data: { ...data, version: { increment: 1 }, updatedById: actor.id },
  });
  if (count === 0) {
    const now = await tx.fundingRecord.findUnique({ where: { id: current.row.id }, select: currentSelect });
    throw now ? conflict(now.label, toFundingRecordSnapshot(now), now.version, now.updatedBy?.name ?? null) : notFound(NOUN);
  }
}

async function readSnapshot(tx: Tx, id: string) {
  const row = await tx.fundingRecord.findUniqueOrThrow({ where: { id }, select: fundingRecordSnapshotSelect });
  return { row, snapshot: toFundingRecordSnapshot(row) };
}

async function revise(
  tx: Tx, actor: Actor, id: string, before: FundingRecordSnapshot | null,
  action: "create" | "update" | "status" | "verify" | "restore", note?: string | null,
): Promise<FundingRecordWriteResult> {
  const after = await readSnapshot(tx, id);
  const revisionId = await recordRevision(tx, actor, {
    entityType: ENTITY, entityId: id, entityLabel: after.row.label, version: after.row.version, action, note: note ?? null, before, after: after.snapshot,
  });
  return { id, slug: after.row.slug, version: after.row.version, snapshot: after.snapshot, changed: true, revisionId };
}

const createStatusSchema = z.enum(EDITORIAL_STATUSES, { error: "Statut : draft, in_review, published ou archived." }).optional();

/** Creates a funding record: a draft for contributors; a curator may send `status` (draft, in_review, published). */
export async function createFundingRecord(actor: Actor, raw: unknown): Promise<FundingRecordWriteResult> {
  if (!canCreate(actor)) throw new DomainError("forbidden", "Votre rôle ne permet pas de créer un montant.");
  let requested: EditorialStatus | undefined;
  let body = raw;
  if (raw && typeof raw === "object" && !Array.isArray(raw) && "status" in raw) {
    const { status, ...rest } = raw as Record<string, unknown>;
    body = rest;
    requested = parseOrFail(z.object({ status: createStatusSchema }), { status }).status;
  }
  const input = parseOrFail(fundingRecordInputSchema, body);
  const status: EditorialStatus = isCurator(actor) ? (requested ?? "draft") : "draft";
  if (status === "archived") throw validationFailed({ status: "Statut : une fiche ne peut pas être créée archivée." });

  return write(async (tx) => {
    const refs = await resolveRefs(tx, input);
    let slug = input.slug;
    if (slug) await checkSlugFree(tx, slug);
    else {
      const base = slugify(input.label) || "montant";
      const taken = await tx.fundingRecord.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      slug = firstFreeSlug(base, taken.map((t) => t.slug));
    }
    const created = await tx.fundingRecord.create({
      data: { ...fundingRecordColumns(input, refs), slug, status, createdById: actor.id, updatedById: actor.id },
      select: { id: true },
    });
    return revise(tx, actor, created.id, null, "create");
  });
}

const sorted = (s: object) => Object.fromEntries(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : 1)));

async function writeInput(
  tx: Tx, actor: Actor, current: Current, input: FundingRecordInput, revision: { action: "update" | "restore"; note?: string | null },
): Promise<FundingRecordWriteResult> {
  const before = current.snapshot;
  const slug = input.slug ?? before.slug;
  if (slug !== before.slug) await checkSlugFree(tx, slug, current.row.id);
  const next: FundingRecordSnapshot = { ...input, slug, status: before.status };
  // A stored text the schema would trim (a trailing space from the seed) is no change of its own.
  const parsedBefore = fundingRecordInputSchema.safeParse(fundingRecordInputFromSnapshot(before));
  const comparable = parsedBefore.success ? { ...parsedBefore.data, slug: before.slug, status: before.status } : before;
  if (revision.action === "update" && sameJson(sorted(next), sorted(comparable))) {
    return { id: current.row.id, slug: before.slug, version: current.row.version, snapshot: before, changed: false, revisionId: null };
  }
  const refs = await resolveRefs(tx, input, current.row.id);
  const columns: Prisma.FundingRecordUncheckedUpdateManyInput = { ...fundingRecordColumns(input, refs), slug };
  if (input.retrievedAt === before.retrievedAt) delete columns.retrievedAt;
  await lockedUpdate(tx, actor, current, columns);
  return revise(tx, actor, current.row.id, before, revision.action, revision.note);
}

export async function updateFundingRecord(actor: Actor, slug: string, patch: unknown): Promise<FundingRecordWriteResult> {
  return write(async (tx) => {
    // Who may see and edit it first: someone who may not learns nothing from the patch's errors.
    const current = await loadCurrent(tx, actor, slug);
    assertCanEdit(actor, current.entry);
    const { version, ...changes } = parseOrFail(fundingRecordPatchSchema, patch);
    checkVersion(current, version);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const input = parseOrFail(fundingRecordInputSchema, { ...fundingRecordInputFromSnapshot(current.snapshot), ...defined });
    return writeInput(tx, actor, current, input, { action: "update" });
  });
}

export async function transitionFundingRecord(actor: Actor, slug: string, raw: unknown): Promise<FundingRecordWriteResult> {
  const { to, version, note } = parseOrFail(fundingRecordStatusSchema, raw);
  return write(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    checkVersion(current, version);
    assertTransition(actor, current.entry, to);
    await lockedUpdate(tx, actor, current, { status: to });
    return revise(tx, actor, current.row.id, current.snapshot, "status", note);
  });
}

/** « Sources consultées aujourd'hui »: retrievedAt becomes today (Paris); the note is kept on the revision. */
export async function verifyFundingRecord(actor: Actor, slug: string, raw: unknown): Promise<FundingRecordWriteResult> {
  const { version, note } = parseOrFail(fundingRecordVerifySchema, raw);
  return write(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    if (!canVerify(actor)) throw new DomainError("forbidden", "Seuls les curateurs peuvent marquer des sources comme consultées.");
    checkVersion(current, version);
    await lockedUpdate(tx, actor, current, { retrievedAt: parisStartOfDay(toParisIsoDate(new Date())) });
    return revise(tx, actor, current.row.id, current.snapshot, "verify", note);
  });
}

export async function restoreFundingRecordRevision(actor: Actor, slug: string, raw: unknown): Promise<FundingRecordWriteResult> {
  const { revisionId, version, note } = parseOrFail(fundingRecordRestoreSchema, raw);
  return write(async (tx) => {
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
    const parsed = fundingRecordInputSchema.safeParse(fundingRecordInputFromSnapshot(revision.after as unknown as FundingRecordSnapshot));
    if (!parsed.success) {
      throw validationFailed({
        revisionId: `Cette version ne respecte plus les règles actuelles (${parsed.error.issues[0]?.message ?? "saisie invalide"}) : corrigez la fiche à la main.`,
      });
    }
    const label = `Version ${revision.version ?? "?"} restaurée`;
    return writeInput(tx, actor, current, parsed.data, { action: "restore", note: note ? `${label} : ${note}` : `${label}.` });
  });
}
