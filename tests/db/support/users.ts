import { hashPassword } from "../../../lib/auth/password";
import type { Role } from "../../../lib/auth/policy";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { uniqueSlug } from "./test-database";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

/**
 * An account a test makes for itself (unique e-mail), with a real argon2id password hash.
 * Remove it afterwards with deleteTestUsers (its tokens, attempts and audit events go with it).
 */
export async function createTestUser(
  prisma: PrismaClient,
  { role, email, name, password }: { role: Role; email?: string; name?: string; password?: string },
): Promise<TestUser> {
  const plain = password ?? `mot-de-passe-${uniqueSlug("test")}`;
  const user = await prisma.user.create({
    data: {
      email: (email ?? `${uniqueSlug(role)}@example.test`).toLowerCase(),
      name: name ?? `Compte de test (${role})`,
      role,
      passwordHash: await hashPassword(plain),
    },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, password: plain };
}

/** Removes test accounts and what hangs on them (API tokens, audit events); entries they authored stay. */
export async function deleteTestUsers(prisma: PrismaClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await prisma.apiToken.deleteMany({ where: { userId: { in: ids } } });
  await prisma.auditEvent.deleteMany({ where: { actorId: { in: ids } } });
  await prisma.user.updateMany({ where: { invitedById: { in: ids } }, data: { invitedById: null } });
  await prisma.user.deleteMany({ where: { id: { in: ids } } });
}
