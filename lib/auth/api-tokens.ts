import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { toActor } from "./actor";
import type { Actor } from "./policy";

/**
 * Personal API tokens: `fin_` + 32 random bytes (base64url). Only the SHA-256 of the whole token is stored
 * (ApiToken.tokenHash), with its first characters (prefix) to tell tokens apart in lists.
 */
export const TOKEN_PREFIX = "fin_";
export const PREFIX_LENGTH = 12;

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export function generateToken(): { token: string; tokenHash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX_LENGTH) };
}

/** lastUsedAt is written at most once a minute per token (not on every request). */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The account behind a bearer token: null when the token is unknown, revoked, expired, or its account
 * disabled. One indexed query (tokenHash is unique), plus at most one write a minute for lastUsedAt.
 */
export async function actorFromToken(prisma: PrismaClient, token: string, now = new Date()): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const actor = toActor(row.user);
  if (!actor) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return actor;
}
