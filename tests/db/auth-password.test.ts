import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "../../lib/auth/password";
import type { Database } from "../../lib/db/connect";
import { openTestDatabase } from "./support/test-database";
import { createTestUser, deleteTestUsers } from "./support/users";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe("password hashing", () => {
  it("hashes with argon2id at OWASP's parameters, salted (two hashes of one password differ)", async () => {
    const a = await hashPassword("un mot de passe assez long");
    const b = await hashPassword("un mot de passe assez long");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("un mot de passe");
  });

  it("verifies the right password only, and fails without a hash or with a malformed one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(null, "correct horse battery staple")).toBe(false);
    expect(await verifyPassword("pas un hash", "correct horse battery staple")).toBe(false);
  });

  it("refuses weak new passwords with a French sentence", () => {
    expect(passwordProblem("court")).toMatch(/au moins 12 caractères/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/répétitif/);
    expect(passwordProblem("camille.martin-2026!", "camille.martin@exemple.fr")).toMatch(/adresse e-mail/);
    expect(passwordProblem("une phrase de passe solide")).toBeNull();
  });

  it("stores only the hash in the database (createTestUser)", async () => {
    const user = await createTestUser(db.prisma, { role: "contributor" });
    try {
      const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(user.password);
      expect(await verifyPassword(row.passwordHash, user.password)).toBe(true);
    } finally {
      await deleteTestUsers(db.prisma, [user.id]);
    }
  });
});
