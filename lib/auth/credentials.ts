import type { PrismaClient } from "../generated/prisma/client";
import { normaliseEmail, recordLoginAttempt } from "./login-limit";
import { verifyPassword } from "./password";
import type { Actor } from "./policy";

/**
 * Checks an e-mail and password (the credentials provider's authorize()): records the attempt
 * (LoginAttempt, which the limit counts) and, on success, lastLoginAt. A disabled account, an unknown
 * one and a wrong password all fail the same way (no account enumeration).
 * The limit itself is checked before, by the sign-in route (it answers 429).
 */
export async function authenticateWithPassword(
  prisma: PrismaClient,
  { email, password, ip }: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<Actor | null> {
  const normalised = normaliseEmail(email);
  const user =
    normalised && normalised.length <= 320
      ? await prisma.user.findUnique({
          where: { email: normalised },
          select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
        })
      : null;
  const matches = await verifyPassword(user?.passwordHash, password);
  const succeeded = Boolean(user && matches && !user.disabledAt);
  await recordLoginAttempt(prisma, { email: normalised || "(vide)", ip, succeeded });
  if (!succeeded || !user) return null;
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
