import "server-only";
import { generateToken } from "../auth/api-tokens";
import type { Actor } from "../auth/policy";
import { getPrisma } from "../db/client";
import { DomainError } from "../errors";
import { createTokenSchema, fieldErrorsOf } from "../validation/account";

/**
 * Personal API tokens (/admin/profil): shown once at creation, stored as SHA-256 (lib/auth/api-tokens.ts),
 * listed by name and prefix, revoked (never deleted: the list keeps them as revoked). Each person sees
 * and revokes only their own; each write leaves an AuditEvent.
 */
export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export const MAX_ACTIVE_TOKENS = 20;

export async function listMyTokens(actor: Actor): Promise<TokenRow[]> {
  const prisma = await getPrisma();
  return prisma.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
    take: 200,
  });
}

export async function createApiToken(actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("validation_failed", "Le formulaire contient des erreurs.", undefined, { fields: fieldErrorsOf(parsed.error) });
  }
  const { name, lifetime } = parsed.data;
  const expiresAt = lifetime === "aucune" ? null : new Date(now.getTime() + Number(lifetime) * 86_400_000);
  const prisma = await getPrisma();
  const active = await prisma.apiToken.count({
    where: { userId: actor.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (active >= MAX_ACTIVE_TOKENS) {
    throw new DomainError("validation_failed", `Vous avez déjà ${MAX_ACTIVE_TOKENS} jetons actifs : révoquez-en un avant d'en créer un autre.`);
  }
  const { token, tokenHash, prefix } = generateToken();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: actor.id, name, tokenHash, prefix, expiresAt }, select: { id: true } });
    await tx.auditEvent.create({
      data: { action: "api_token.created", actorId: actor.id, email: actor.email, detail: { tokenId: created.id, name, prefix, expiresAt: expiresAt?.toISOString() ?? null } },
    });
    return created;
  });
  return { id: row.id, token, expiresAt };
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) {
      const exists = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: { id: true } });
      if (!exists) throw new DomainError("not_found", "Ce jeton n'existe pas.");
      return; // already revoked: nothing to do
    }
    await tx.auditEvent.create({ data: { action: "api_token.revoked", actorId: actor.id, email: actor.email, detail: { tokenId } } });
  });
}
