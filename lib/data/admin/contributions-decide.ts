import "server-only";
import { type Actor, canReviewContributions } from "../../auth/policy";
import { getPrisma } from "../../db/client";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { correctionTopicLabels, type CorrectionTopic } from "../../validation/contribution";
import {
  acceptCorrectionSchema,
  acceptProposalSchema,
  decisionLabels,
  rejectContributionSchema,
} from "../../validation/contribution-decision";
import { proposerLabel } from "./contributions";
import { inTransaction, parseOrFail, recordRevision, type Tx } from "./entity-write";
import { programmeSnapshotSelect, toProgrammeSnapshot } from "./programme-snapshot";
import { createProgramme, updateProgramme } from "./programme-write";

/**
 * A curator's decision on a public contribution (/admin/contributions/<id>): accept a proposal (a DRAFT
 * programme through createProgramme), accept a correction (optionally applying the application link and the
 * dates through updateProgramme, with the programme's version), or reject with a reason.
 *
 * No double decision: the contribution is CLAIMED first by a conditional update (`WHERE id AND status =
 * 'pending'`); of two curators deciding at once, one gets 0 rows and a conflict. The programme writes run in
 * their own transaction (the services of programme-write.ts); if one fails, the claim is given back (pending
 * again) and nothing else was written. The credit — a Revision « contribution » on the programme whose note names
 * the proposer (never their e-mail) — is written with the link to the programme, in one transaction.
 */

function assertReviewer(actor: Actor) {
  if (!canReviewContributions(actor)) {
    throw new DomainError("forbidden", "Seuls les curateurs peuvent accepter ou refuser les contributions du public.");
  }
}

/** Why a contribution cannot be decided now: gone, of the other kind, or decided already. */
async function notPending(id: string): Promise<DomainError> {
  const prisma = await getPrisma();
  const c = await prisma.contribution.findUnique({
    where: { id },
    select: { status: true, reviewedBy: { select: { name: true } } },
  });
  if (!c) return new DomainError("not_found", "Contribution introuvable.");
  const what = c.status === "accepted" ? "acceptée" : c.status === "rejected" ? "refusée" : "en cours de traitement";
  return new DomainError(
    "conflict",
    `Cette contribution a déjà été ${what}${c.reviewedBy ? ` par ${c.reviewedBy.name}` : ""} : rien n'a été modifié.`,
  );
}

async function loadPending(id: string, kind: "proposal" | "correction") {
  const prisma = await getPrisma();
  const c = await prisma.contribution.findUnique({
    where: { id },
    select: {
      id: true, kind: true, status: true, payload: true, message: true, proposerName: true, proposerOrganisation: true,
      programme: { select: { slug: true } },
    },
  });
  if (!c || c.kind !== kind) throw new DomainError("not_found", "Contribution introuvable.");
  if (c.status !== "pending") throw await notPending(id);
  return c;
}

/** pending → accepted, by this curator, now; 0 rows → someone decided first. */
async function claim(actor: Actor, id: string, note: string | null) {
  const prisma = await getPrisma();
  const { count } = await prisma.contribution.updateMany({
    where: { id, status: "pending" },
    data: { status: "accepted", reviewedById: actor.id, reviewedAt: new Date(), decisionNote: note },
  });
  if (count === 0) throw await notPending(id);
}

/** Gives a claim back when the programme write failed (only our own claim, still unlinked). */
async function release(actor: Actor, id: string) {
  const prisma = await getPrisma();
  await prisma.contribution.updateMany({
    where: { id, status: "accepted", reviewedById: actor.id, programmeId: null },
    data: { status: "pending", reviewedById: null, reviewedAt: null, decisionNote: null },
  });
}

/** Same as release for a correction (whose programmeId is set from the start). */
async function releaseCorrection(actor: Actor, id: string) {
  const prisma = await getPrisma();
  await prisma.contribution.updateMany({
    where: { id, status: "accepted", reviewedById: actor.id },
    data: { status: "pending", reviewedById: null, reviewedAt: null, decisionNote: null },
  });
}

async function credit(tx: Tx, actor: Actor, programmeId: string, note: string) {
  const row = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: programmeSnapshotSelect });
  const snapshot = toProgrammeSnapshot(row);
  return recordRevision(tx, actor, {
    entityType: "programme",
    entityId: programmeId,
    entityLabel: row.title,
    version: row.version,
    action: "contribution",
    note,
    before: snapshot,
    after: snapshot,
  });
}

const withNote = (text: string, note: string | null) => (note ? `${text} Note : ${note}` : text);

type ProposalPayload = {
  title?: string; funderName?: string; applicationUrl?: string; opensAt?: string | null; closesAt?: string | null;
  beneficiaries?: string[]; financed?: string[]; territory?: string | null;
};

/** The first sentences of the description, at most ~300 characters: the draft's summary, for the form's default. */
export function summaryFrom(description: string): string {
  const flat = description.replace(/\s+/g, " ").trim();
  if (flat.length <= 300) return flat;
  const cut = flat.slice(0, 300);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! "), cut.lastIndexOf("? "));
  return end > 80 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

export interface AcceptProposalResult {
  programmeSlug: string;
  revisionId: string;
}

/** Accepts a proposal: a DRAFT programme, credited to the proposer, linked to the contribution. */
export async function acceptProposal(actor: Actor, raw: unknown): Promise<AcceptProposalResult> {
  assertReviewer(actor);
  const input = parseOrFail(acceptProposalSchema, raw);
  const c = await loadPending(input.contributionId, "proposal");
  const p = c.payload as ProposalPayload;
  await claim(actor, c.id, input.note);
  let created;
  try {
    created = await createProgramme(actor, {
      title: p.title,
      summary: input.summary,
      description: c.message ?? input.summary,
      funder: input.funder,
      aidKinds: input.aidKinds,
      financed: p.financed ?? [],
      beneficiaries: p.beneficiaries ?? [],
      isNational: input.isNational,
      territories: input.isNational ? [] : input.territories,
      coverageNote: p.territory ?? null,
      opensAt: p.opensAt ?? null,
      closesAt: p.closesAt ?? null,
      applicationUrl: p.applicationUrl ?? null,
      sources: p.applicationUrl ? [{ url: p.applicationUrl, title: "Page indiquée dans la proposition du public", retrievedAt: null }] : [],
    });
  } catch (error) {
    await release(actor, c.id);
    throw error;
  }
  const note = withNote(`Proposé par ${proposerLabel(c)} via le formulaire public.`, input.note);
  const revisionId = await inTransaction(async (tx) => {
    await tx.contribution.update({ where: { id: c.id }, data: { programmeId: created.id } });
    return credit(tx, actor, created.id, note);
  });
  return { programmeSlug: created.slug, revisionId };
}

export interface AcceptCorrectionResult {
  programmeSlug: string;
  revisionId: string;
  /** The labels of the fields written to the programme (empty: applied by hand, or nothing to apply). */
  applied: string[];
}

/**
 * Accepts a correction: the structured fields given (application link, opening, closing) are written to the
 * programme through updateProgramme with the version the curator saw (a newer one → conflict, nothing decided);
 * anything else the curator applies in the edit page. A Revision « contribution » credits the proposer.
 */
export async function acceptCorrection(actor: Actor, raw: unknown): Promise<AcceptCorrectionResult> {
  assertReviewer(actor);
  const input = parseOrFail(acceptCorrectionSchema, raw);
  const c = await loadPending(input.contributionId, "correction");
  if (!c.programme) throw new DomainError("not_found", "Le programme de cette correction n'existe plus : refusez-la.");
  const slug = c.programme.slug;
  const patch: Record<string, unknown> = {};
  if (input.applicationUrl) patch.applicationUrl = input.applicationUrl;
  if (input.opensAt) patch.opensAt = input.opensAt;
  if (input.closesAt) patch.closesAt = input.closesAt;
  await claim(actor, c.id, input.note);
  let applied: string[] = [];
  if (Object.keys(patch).length) {
    try {
      const result = await updateProgramme(actor, slug, { ...patch, version: input.version });
      if (result.changed) applied = Object.keys(patch).map((k) => decisionLabels[k as keyof typeof decisionLabels].replace(/^Nouve(au|lle) /, ""));
    } catch (error) {
      await releaseCorrection(actor, c.id);
      throw error;
    }
  }
  const topic = (c.payload as { topic?: string }).topic as CorrectionTopic | undefined;
  const about = topic && correctionTopicLabels[topic] ? ` (${correctionTopicLabels[topic].toLowerCase()})` : "";
  const what = applied.length ? ` Appliqué : ${applied.join(", ")}.` : "";
  const note = withNote(`Correction signalée par ${proposerLabel(c)} via le formulaire public${about}.${what}`, input.note);
  const revisionId = await inTransaction(async (tx) => {
    const programme = await tx.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    return credit(tx, actor, programme.id, note);
  });
  return { programmeSlug: slug, revisionId, applied };
}

/** Rejects with a reason (kept for curators; sent to nobody). */
export async function rejectContribution(actor: Actor, raw: unknown): Promise<void> {
  assertReviewer(actor);
  const input = parseOrFail(rejectContributionSchema, raw);
  const prisma = await getPrisma();
  const data: Prisma.ContributionUncheckedUpdateManyInput = {
    status: "rejected",
    reviewedById: actor.id,
    reviewedAt: new Date(),
    decisionNote: input.decisionNote,
  };
  const { count } = await prisma.contribution.updateMany({ where: { id: input.contributionId, status: "pending" }, data });
  if (count === 0) throw await notPending(input.contributionId);
}
