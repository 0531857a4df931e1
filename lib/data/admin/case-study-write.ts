import "server-only";
import { z } from "zod";
import { type Actor, canCreate, canRestore, EDITORIAL_STATUSES, type EditorialStatus, isCurator } from "../../auth/policy";
import { DomainError } from "../../errors";
import { slugify } from "../../validation/admin-fields";
import {
  type CaseStudyInput,
  caseStudyInputFromSnapshot,
  caseStudyInputSchema,
  caseStudyPatchSchema,
  caseStudyRestoreSchema,
  type CaseStudySnapshot,
  caseStudyStatusSchema,
} from "../../validation/admin-case-study";
import { caseStudyColumns, caseStudySnapshotSelect, normalisedCaseStudyInput, toCaseStudySnapshot } from "./case-study-snapshot";
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

/**
 * The write services of case studies (/admin/retours-d-experience), the same transaction as the
 * other curated entries: policy → zod → UPDATE … WHERE id AND version = expected → links to the
 * programmes and funders replaced → one Revision. Case studies have no « vérifié le » date.
 */

export type CaseStudyWriteResult = WriteResult<CaseStudySnapshot>;

const ENTITY = "case-study" as const;
const NOUN = "Retour d'expérience";

export const CASE_STUDY_CONSTRAINTS: ConstraintMessages = [
  ["case_study_slug_key", "slug", "Identifiant (slug) : déjà pris par un autre retour d'expérience."],
  ["case_study_territory_id_fkey", "territory", "Territoire : ce territoire n'existe pas."],
  ["case_study_programme_programme_id_fkey", "programmes", "Programmes de l'annuaire : un programme n'existe plus."],
  ["case_study_funder_funder_id_fkey", "funders", "Financeurs de l'annuaire : un financeur n'existe plus."],
];

export const caseStudyConstraintError = (error: unknown): DomainError | null => constraintError(error, CASE_STUDY_CONSTRAINTS);

const write = <R>(fn: (tx: Tx) => Promise<R>): Promise<R> => inTransaction(fn, CASE_STUDY_CONSTRAINTS);

const currentSelect = { ...caseStudySnapshotSelect, createdById: true, updatedBy: { select: { name: true } } } as const;

async function loadCurrent(tx: Tx, actor: Actor, slug: string) {
  const row = await tx.caseStudy.findUnique({ where: { slug }, select: currentSelect });
  if (!row || (!isCurator(actor) && row.createdById !== actor.id)) throw notFound(NOUN);
  return { row, snapshot: toCaseStudySnapshot(row), entry: { status: row.status, createdById: row.createdById } };
}
type Current = Awaited<ReturnType<typeof loadCurrent>>;

function checkVersion(current: Current, expected: number | undefined) {
  if (expected !== undefined && expected !== current.row.version) {
    throw conflict(current.row.title, current.snapshot, current.row.version, current.row.updatedBy?.name ?? null);
  }
}

/** The programmes and funders named, as ids, and the territory; unknown ones are field errors. */
async function resolveLinks(tx: Tx, input: CaseStudyInput) {
  const [programmes, funders, territory] = await Promise.all([
    input.programmes.length ? tx.programme.findMany({ where: { slug: { in: input.programmes } }, select: { id: true, slug: true } }) : [],
    input.funders.length ? tx.funder.findMany({ where: { slug: { in: input.funders } }, select: { id: true, slug: true } }) : [],
    input.territory ? tx.territory.findUnique({ where: { id: input.territory }, select: { id: true } }) : null,
  ]);
  const errors: Record<string, string> = {};
  const missingProgramme = input.programmes.find((s) => !programmes.some((p) => p.slug === s));
  const missingFunder = input.funders.find((s) => !funders.some((f) => f.slug === s));
  if (missingProgramme) errors.programmes = `Programmes de l'annuaire : programme inconnu « ${missingProgramme} ».`;
  if (missingFunder) errors.funders = `Financeurs de l'annuaire : financeur inconnu « ${missingFunder} ».`;
  if (input.territory && !territory) errors.territory = `Territoire : territoire inconnu « ${input.territory} ».`;
  if (Object.keys(errors).length) throw validationFailed(errors);
  return { programmeIds: programmes.map((p) => p.id), funderIds: funders.map((f) => f.id) };
}

async function replaceLinks(tx: Tx, caseStudyId: string, links: { programmeIds: string[]; funderIds: string[] }) {
  await tx.caseStudyProgramme.deleteMany({ where: { caseStudyId } });
  await tx.caseStudyFunder.deleteMany({ where: { caseStudyId } });
  if (links.programmeIds.length) await tx.caseStudyProgramme.createMany({ data: links.programmeIds.map((programmeId) => ({ caseStudyId, programmeId })) });
  if (links.funderIds.length) await tx.caseStudyFunder.createMany({ data: links.funderIds.map((funderId) => ({ caseStudyId, funderId })) });
}

async function checkSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const taken = await tx.caseStudy.findUnique({ where: { slug }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw validationFailed({ slug: "Identifiant (slug) : déjà pris par un autre retour d'expérience." });
}

async function lockedUpdate(tx: Tx, actor: Actor, current: Current, data: Record<string, unknown>) {
  const { count } = await tx.caseStudy.updateMany({
    where: { id: current.row.id, version: current.row.version },
    data: { ...data, version: { increment: 1 }, updatedById: actor.id },
  });
  if (count === 0) {
    const now = await tx.caseStudy.findUnique({ where: { id: current.row.id }, select: currentSelect });
    throw now ? conflict(now.title, toCaseStudySnapshot(now), now.version, now.updatedBy?.name ?? null) : notFound(NOUN);
  }
}

async function revise(
  tx: Tx, actor: Actor, id: string, before: CaseStudySnapshot | null, action: "create" | "update" | "status" | "restore", note?: string | null,
): Promise<CaseStudyWriteResult> {
  const row = await tx.caseStudy.findUniqueOrThrow({ where: { id }, select: caseStudySnapshotSelect });
  const snapshot = toCaseStudySnapshot(row);
  const revisionId = await recordRevision(tx, actor, {
    entityType: ENTITY, entityId: id, entityLabel: row.title, version: row.version, action, note: note ?? null, before, after: snapshot,
  });
  return { id, slug: row.slug, version: row.version, snapshot, changed: true, revisionId };
}

const createStatusSchema = z.enum(EDITORIAL_STATUSES, { error: "Statut : draft, in_review, published ou archived." }).optional();

export async function createCaseStudy(actor: Actor, raw: unknown): Promise<CaseStudyWriteResult> {
  if (!canCreate(actor)) throw new DomainError("forbidden", "Votre rôle ne permet pas de créer un retour d'expérience.");
  let requested: EditorialStatus | undefined;
  let body = raw;
  if (raw && typeof raw === "object" && !Array.isArray(raw) && "status" in raw) {
    const { status, ...rest } = raw as Record<string, unknown>;
    body = rest;
    requested = parseOrFail(z.object({ status: createStatusSchema }), { status }).status;
  }
  const input = normalisedCaseStudyInput(parseOrFail(caseStudyInputSchema, body));
  const status: EditorialStatus = isCurator(actor) ? (requested ?? "draft") : "draft";
  if (status === "archived") throw validationFailed({ status: "Statut : une fiche ne peut pas être créée archivée." });

  return write(async (tx) => {
    const links = await resolveLinks(tx, input);
    let slug = input.slug;
    if (slug) await checkSlugFree(tx, slug);
    else {
      const base = slugify(input.title) || "retour-d-experience";
      const taken = await tx.caseStudy.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      slug = firstFreeSlug(base, taken.map((t) => t.slug));
    }
    const created = await tx.caseStudy.create({
      data: {
        ...caseStudyColumns(input), slug, status,
        publishedAt: status === "published" ? new Date() : null,
        createdById: actor.id, updatedById: actor.id,
      },
      select: { id: true },
    });
    await replaceLinks(tx, created.id, links);
    return revise(tx, actor, created.id, null, "create");
  });
}

const sorted = (s: object) => Object.fromEntries(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : 1)));

async function writeInput(
  tx: Tx, actor: Actor, current: Current, raw: CaseStudyInput, revision: { action: "update" | "restore"; note?: string | null },
): Promise<CaseStudyWriteResult> {
  const input = normalisedCaseStudyInput(raw);
  const before = current.snapshot;
  const slug = input.slug ?? before.slug;
  if (slug !== before.slug) await checkSlugFree(tx, slug, current.row.id);
  const next: CaseStudySnapshot = { ...input, slug, status: before.status };
  // A stored text the schema would trim (the seed's trailing line break) is no change of its own.
  const parsedBefore = caseStudyInputSchema.safeParse(caseStudyInputFromSnapshot(before));
  const comparable = parsedBefore.success ? { ...normalisedCaseStudyInput(parsedBefore.data), slug: before.slug, status: before.status } : before;
  if (revision.action === "update" && sameJson(sorted(next), sorted(comparable))) {
    return { id: current.row.id, slug: before.slug, version: current.row.version, snapshot: before, changed: false, revisionId: null };
  }
  const links = await resolveLinks(tx, input);
  await lockedUpdate(tx, actor, current, { ...caseStudyColumns(input), slug });
  if (!sameJson(input.programmes, before.programmes) || !sameJson(input.funders, before.funders)) await replaceLinks(tx, current.row.id, links);
  return revise(tx, actor, current.row.id, before, revision.action, revision.note);
}

export async function updateCaseStudy(actor: Actor, slug: string, patch: unknown): Promise<CaseStudyWriteResult> {
  return write(async (tx) => {
    // Who may see and edit it first: someone who may not learns nothing from the patch's errors.
    const current = await loadCurrent(tx, actor, slug);
    assertCanEdit(actor, current.entry);
    const { version, ...changes } = parseOrFail(caseStudyPatchSchema, patch);
    checkVersion(current, version);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const input = parseOrFail(caseStudyInputSchema, { ...caseStudyInputFromSnapshot(current.snapshot), ...defined });
    return writeInput(tx, actor, current, input, { action: "update" });
  });
}

export async function transitionCaseStudy(actor: Actor, slug: string, raw: unknown): Promise<CaseStudyWriteResult> {
  const { to, version, note } = parseOrFail(caseStudyStatusSchema, raw);
  return write(async (tx) => {
    const current = await loadCurrent(tx, actor, slug);
    checkVersion(current, version);
    assertTransition(actor, current.entry, to);
    await lockedUpdate(tx, actor, current, { status: to, ...(to === "published" ? { publishedAt: new Date() } : {}) });
    return revise(tx, actor, current.row.id, current.snapshot, "status", note);
  });
}

/** Case studies carry no « vérifié le » date: the form never offers it; a crafted request is refused. */
export async function verifyCaseStudy(_actor: Actor, _slug: string, _raw: unknown): Promise<CaseStudyWriteResult> {
  throw new DomainError("invalid_parameter", "Les retours d'expérience n'ont pas de date de vérification : enregistrez vos modifications.");
}

export async function restoreCaseStudyRevision(actor: Actor, slug: string, raw: unknown): Promise<CaseStudyWriteResult> {
  const { revisionId, version, note } = parseOrFail(caseStudyRestoreSchema, raw);
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
    const parsed = caseStudyInputSchema.safeParse(caseStudyInputFromSnapshot(revision.after as unknown as CaseStudySnapshot));
    if (!parsed.success) {
      throw validationFailed({
        revisionId: `Cette version ne respecte plus les règles actuelles (${parsed.error.issues[0]?.message ?? "saisie invalide"}) : corrigez la fiche à la main.`,
      });
    }
    const label = `Version ${revision.version ?? "?"} restaurée`;
    return writeInput(tx, actor, current, parsed.data, { action: "restore", note: note ? `${label} : ${note}` : `${label}.` });
  });
}
