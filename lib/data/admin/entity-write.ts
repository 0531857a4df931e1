import "server-only";
import type { z } from "zod";
import {
  type Actor,
  canEdit,
  canTransition,
  type EditorialStatus,
  editorialStatusLabels,
  type OwnedEntry,
  transitionExists,
} from "../../auth/policy";
import { getPrisma } from "../../db/client";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { fieldErrors } from "../../validation/admin-fields";

/**
 * What the write services of programmes and funders share: the transaction, the Revision, the
 * translation of database constraints into field messages, the conflict error.
 */

export type Tx = Prisma.TransactionClient;
export type EntityType = "programme" | "funder" | "funding-record" | "case-study";
/** import: written by a bulk import; contribution: a public proposal or correction accepted by a curator. */
export type RevisionAction = "create" | "update" | "status" | "verify" | "restore" | "import" | "contribution";

/** The outcome of a write: the entity's state after it. */
export interface WriteResult<S> {
  id: string;
  slug: string;
  version: number;
  snapshot: S;
  /** False when the input changed nothing (no new version, no revision). */
  changed: boolean;
  revisionId: string | null;
}

/**
 * The database's constraints, with the field and the French message they stand for: the schemas
 * check the same rules first, so these only fire on a race (two saves taking the same slug) or a
 * rule the schema does not know.
 */
/** A database constraint's name, the form field it stands for, and its French message. */
export type ConstraintMessages = [name: string, field: string, message: string][];

const CONSTRAINTS: ConstraintMessages = [
  ["programme_slug_key", "slug", "Identifiant (slug) : déjà pris par un autre programme."],
  ["funder_slug_key", "slug", "Identifiant (slug) : déjà pris par un autre financeur."],
  ["programme_slug_format", "slug", "Identifiant (slug) : lettres minuscules sans accents, chiffres et tirets."],
  ["funder_slug_format", "slug", "Identifiant (slug) : lettres minuscules sans accents, chiffres et tirets."],
  ["programme_amount_min_le_max", "amountMax", "Montant maximal : il doit être supérieur ou égal au montant minimal."],
  ["programme_amounts_non_negative", "amountMin", "Montants : un montant ne peut pas être négatif."],
  ["programme_funding_rate_range", "fundingRateMax", "Taux de financement maximal : un pourcentage entre 0 (exclu) et 100."],
  ["programme_closes_after_opens", "closesAt", "Date de clôture : elle doit suivre la date d'ouverture."],
  ["programme_round_closes_after_opens", "rounds", "Sessions : la clôture d'une session doit suivre son ouverture."],
  ["programme_currency_code", "currency", "Devise : code à trois lettres majuscules (EUR)."],
  ["programme_source_programme_id_url_key", "sources", "Sources : une adresse figure deux fois dans la liste."],
  ["programme_territory_territory_id_fkey", "territories", "Territoires couverts : un territoire n'existe pas."],
  ["funder_territory_id_fkey", "territory", "Territoire : ce territoire n'existe pas."],
];

/**
 * A violated constraint → validation_failed on its field; null for any other error. `table` lists the
 * constraints to recognise (by default those of programmes and funders; each entity's service passes its own).
 */
export function constraintError(error: unknown, table: ConstraintMessages = CONSTRAINTS): DomainError | null {
  if (!error || typeof error !== "object" || error instanceof DomainError) return null;
  const e = error as { message?: unknown; meta?: unknown; cause?: unknown };
  let text = String(e.message ?? "");
  try {
    text += JSON.stringify(e.meta ?? null) + String((e.cause as { message?: unknown } | undefined)?.message ?? "");
  } catch {
    // meta that cannot be serialised: the message alone decides
  }
  const hit = table.find(([name]) => new RegExp(`\\b${name}\\b`).test(text));
  if (!hit) return null;
  const [, field, message] = hit;
  return new DomainError("validation_failed", message, field, { fields: { [field]: message } });
}

export function validationFailed(fields: Record<string, string>): DomainError {
  const count = Object.keys(fields).length;
  const first = Object.values(fields)[0] ?? "Saisie invalide.";
  return new DomainError(
    "validation_failed",
    count > 1 ? `${count} champs sont à corriger. ${first}` : first,
    Object.keys(fields)[0],
    { fields },
  );
}

/** Parses with a schema; failures become validation_failed with a message per field path. */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

export function conflict(label: string, current: unknown, currentVersion: number, by: string | null): DomainError {
  return new DomainError(
    "conflict",
    `« ${label} » a été modifié entre-temps${by ? ` par ${by}` : ""} (version ${currentVersion}) : vos changements n'ont pas été enregistrés. Comparez-les avec la version actuelle, puis enregistrez à nouveau.`,
    "version",
    { current, currentVersion },
  );
}

export const notFound = (what: string) => new DomainError("not_found", `${what} introuvable.`);

/**
 * Runs one write in one transaction; a violated database constraint (of `constraints`) becomes validation_failed.
 * (A DomainError thrown inside rolls everything back and reaches the caller as it is.)
 */
export async function inTransaction<R>(fn: (tx: Tx) => Promise<R>, constraints: ConstraintMessages = CONSTRAINTS): Promise<R> {
  const prisma = await getPrisma();
  try {
    return await prisma.$transaction(fn, { maxWait: 20_000, timeout: 30_000 });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw constraintError(error, constraints) ?? error;
  }
}

export async function recordRevision(
  tx: Tx,
  actor: Actor,
  r: {
    entityType: EntityType;
    entityId: string;
    entityLabel: string;
    version: number;
    action: RevisionAction;
    note?: string | null;
    before: object | null;
    after: object | null;
  },
): Promise<string> {
  const row = await tx.revision.create({
    data: {
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: r.entityLabel,
      version: r.version,
      action: r.action,
      note: r.note ?? null,
      authorId: actor.id,
      before: (r.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (r.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
    select: { id: true },
  });
  return row.id;
}

/** The base slug plus the first free suffix (`-2`, `-3`…) among the slugs already taken. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Whether two JSON-like values are equal (snapshots: same key order by construction). */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const statusLabel = (status: EditorialStatus) => editorialStatusLabels[status].toLowerCase();

/** 403 when the actor may not change this entry's fields (lib/auth/policy.ts canEdit), with the reason. */
export function assertCanEdit(actor: Actor, entry: OwnedEntry): void {
  if (canEdit(actor, entry)) return;
  throw new DomainError(
    "forbidden",
    entry.status === "draft"
      ? "Vous ne pouvez modifier que les fiches que vous avez créées."
      : `Cette fiche est « ${statusLabel(entry.status)} » : seuls les curateurs peuvent la modifier.`,
  );
}

/** A workflow step: 409 invalid_transition when it does not exist from this status, 403 when the role may not. */
export function assertTransition(actor: Actor, entry: OwnedEntry, to: EditorialStatus): void {
  if (entry.status === to) {
    throw new DomainError("invalid_transition", `Cette fiche est déjà « ${statusLabel(to)} ».`, "to");
  }
  if (!transitionExists(entry.status, to)) {
    throw new DomainError("invalid_transition", `Passage impossible de « ${statusLabel(entry.status)} » à « ${statusLabel(to)} ».`, "to");
  }
  if (!canTransition(actor, entry, to)) {
    throw new DomainError("forbidden", `Votre rôle ne permet pas de passer cette fiche en « ${statusLabel(to)} ».`);
  }
}
