import "server-only";
import { getPrisma } from "../db/client";
import { DomainError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { senderHash } from "../security/sender-hash";
import { fieldErrors } from "../validation/admin-fields";
import { correctionSchema, proposalSchema } from "../validation/contribution";

/**
 * What the public sends: a programme proposed on /proposer, a correction from « Signaler une erreur »
 * (/financements/<slug>/signaler). Both become a pending Contribution for the curators (/admin/contributions).
 *
 * Robots are kept out by
 *   - the honeypot (checked by the caller: a hit is answered like a success and stores nothing — it is not
 *     counted either, since counting would mean storing a row for a robot; a robot that avoids the honeypot
 *     meets the limit below);
 *   - a limit per sender address, counted IN THE DATABASE on the keyed hash of the address (senderHash), so
 *     that it holds across server processes: SENDER_LIMITS below. Counting and inserting happen in one
 *     transaction under an advisory lock on the hash: two simultaneous sends cannot both pass the last slot.
 * The address itself is not kept; the e-mail is only ever shown to curators.
 */

export const SENDER_LIMITS = [
  { windowMs: 60 * 60 * 1000, max: 5, wait: "dans une heure" },
  { windowMs: 24 * 60 * 60 * 1000, max: 20, wait: "demain" },
] as const;

export const RATE_LIMITED_CONTRIBUTION_MESSAGE = (wait: string) =>
  `Vous avez envoyé beaucoup de messages depuis cette connexion : pour éviter les envois automatiques, réessayez ${wait}. Rien n'a été enregistré.`;

export type SubmitResult = { id: string };

type Submission =
  | { kind: "proposal"; input: unknown; address: string }
  | { kind: "correction"; input: unknown; address: string; programmeSlug: string };

/**
 * Validates (validation_failed with French field messages), checks the sender's limit (rate_limited, nothing
 * stored) and stores a pending contribution. The caller handles the honeypot before calling.
 */
export async function submitContribution(submission: Submission): Promise<SubmitResult> {
  const prisma = await getPrisma();
  const hash = senderHash(submission.address);
  // The limit first: a limited sender learns it before correcting their fields.
  await assertUnderLimit(prisma, hash);
  const row = await buildRow(prisma, submission);
  return prisma.$transaction(async (tx) => {
    // One send at a time per sender: the count below and the insert see each other.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${hash}))) AS l`;
    await assertUnderLimit(tx, hash);
    const created = await tx.contribution.create({ data: { ...row, senderHash: hash }, select: { id: true } });
    return { id: created.id };
  });
}

async function buildRow(
  prisma: Prisma.TransactionClient,
  submission: Submission,
): Promise<Omit<Prisma.ContributionUncheckedCreateInput, "senderHash">> {
  if (submission.kind === "proposal") {
    const parsed = proposalSchema.safeParse(submission.input);
    if (!parsed.success) throw invalid(fieldErrors(parsed.error));
    const { description, proposerName, proposerOrganisation, proposerEmail, consent: _consent, ...payload } = parsed.data;
    return { kind: "proposal", payload, message: description, proposerName, proposerOrganisation, proposerEmail };
  }
  const programme = await prisma.programme.findFirst({
    where: { slug: submission.programmeSlug, status: "published" },
    select: { id: true, title: true, version: true },
  });
  if (!programme) throw new DomainError("not_found", "Ce financement n'existe pas ou n'est plus publié.");
  const parsed = correctionSchema.safeParse(submission.input);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  const { correction, proposerName, proposerOrganisation, proposerEmail, consent: _consent, ...rest } = parsed.data;
  return {
    kind: "correction",
    programmeId: programme.id,
    // The programme as the person saw it: its title and version at the time.
    payload: { ...rest, programmeTitle: programme.title, programmeVersion: programme.version },
    message: correction,
    proposerName,
    proposerOrganisation,
    proposerEmail,
  };
}

function invalid(fields: Record<string, string>): DomainError {
  const count = Object.keys(fields).length;
  return new DomainError(
    "validation_failed",
    count > 1 ? `${count} champs sont à corriger.` : (Object.values(fields)[0] ?? "Saisie invalide."),
    Object.keys(fields)[0],
    { fields },
  );
}

/** rate_limited when the sender reached one of SENDER_LIMITS (the rows of the longest window, newest first). */
async function assertUnderLimit(db: Prisma.TransactionClient, hash: string, now = new Date()): Promise<void> {
  const longest = SENDER_LIMITS[SENDER_LIMITS.length - 1]!;
  const rows = await db.contribution.findMany({
    where: { senderHash: hash, createdAt: { gt: new Date(now.getTime() - longest.windowMs) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: longest.max,
  });
  for (const limit of SENDER_LIMITS) {
    const inWindow = rows.filter((r) => r.createdAt.getTime() > now.getTime() - limit.windowMs);
    if (inWindow.length >= limit.max) {
      throw new DomainError("rate_limited", RATE_LIMITED_CONTRIBUTION_MESSAGE(limit.wait));
    }
  }
}

/** The programme « Signaler une erreur » is about (published only), or null. */
export async function getProgrammeForCorrection(slug: string) {
  const prisma = await getPrisma();
  return prisma.programme.findFirst({
    where: { slug, status: "published" },
    select: { slug: true, title: true, funder: { select: { name: true } } },
  });
}

/** The published funders' names, for the proposal form's suggestions (a datalist: free text stays possible). */
export async function listPublishedFunderNames(): Promise<string[]> {
  const prisma = await getPrisma();
  const rows = await prisma.funder.findMany({ where: { status: "published" }, select: { name: true }, orderBy: { name: "asc" } });
  return rows.map((r) => r.name);
}
