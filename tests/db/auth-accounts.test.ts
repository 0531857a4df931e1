import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromToken } from "../../lib/auth/api-tokens";
import { verifyPassword } from "../../lib/auth/password";
import type { Actor } from "../../lib/auth/policy";
import { createApiToken, listMyTokens, revokeApiToken } from "../../lib/data/api-tokens";
import { changeOwnPassword, changeUserRole, inviteUser, listUsers, resetUserPassword, setUserDisabled } from "../../lib/data/users";
import type { Database } from "../../lib/db/connect";
import { DomainError } from "../../lib/errors";
import { openTestDatabase, uniqueSlug } from "./support/test-database";
import { createTestUser, deleteTestUsers, type TestUser } from "./support/users";

let db: Database;
let admin: TestUser;
let curator: TestUser;
const ids: string[] = [];
const actorOf = (u: TestUser): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role });

beforeAll(async () => {
  db = await openTestDatabase();
  admin = await createTestUser(db.prisma, { role: "admin" });
  curator = await createTestUser(db.prisma, { role: "curator" });
  ids.push(admin.id, curator.id);
});
afterAll(async () => {
  await deleteTestUsers(db.prisma, ids);
  await db?.close();
});

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
const versionOf = async (id: string) => (await db.prisma.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const audits = (action: string, actorId: string) => db.prisma.auditEvent.findMany({ where: { action, actorId } });

describe("account management (admin)", () => {
  it("invites with a one-time initial password (stored hashed), one audit entry, and refuses a duplicate e-mail", async () => {
    const email = `${uniqueSlug("invite")}@example.test`;
    const invited = await inviteUser(actorOf(admin), { email: email.toUpperCase(), name: "Inès Invitée", role: "contributor" });
    ids.push(invited.id);
    expect(invited.email).toBe(email);
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row).toMatchObject({ role: "contributor", invitedById: admin.id, version: 1 });
    expect(await verifyPassword(row.passwordHash, invited.initialPassword)).toBe(true);
    expect((await audits("user.invited", admin.id)).filter((a) => a.email === email)).toHaveLength(1);

    const duplicate = await domainError(inviteUser(actorOf(admin), { email, name: "Doublon", role: "curator" }));
    expect(duplicate.details?.fields).toEqual({ email: "Un compte existe déjà avec cette adresse e-mail." });
    const invalid = await domainError(inviteUser(actorOf(admin), { email: "pas-une-adresse", name: "", role: "chef" }));
    expect(Object.keys(invalid.details?.fields ?? {}).sort()).toEqual(["email", "name", "role"]);
  });

  it("is for admins only", async () => {
    const users = await listUsers(actorOf(admin));
    expect(users.some((u) => u.id === curator.id)).toBe(true);
    expect((await domainError(listUsers(actorOf(curator)))).code).toBe("forbidden");
    expect((await domainError(inviteUser(actorOf(curator), { email: "x@example.test", name: "X", role: "admin" }))).code).toBe("forbidden");
    const version = await versionOf(admin.id);
    expect((await domainError(changeUserRole(actorOf(curator), { userId: admin.id, role: "contributor", version }))).code).toBe("forbidden");
  });

  it("changes a role against the version read: a stale version is a conflict, and each write is audited", async () => {
    const target = await createTestUser(db.prisma, { role: "contributor" });
    ids.push(target.id);
    const version = await versionOf(target.id);
    await changeUserRole(actorOf(admin), { userId: target.id, role: "curator", version: String(version) });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, version: true } })).toEqual({ role: "curator", version: version + 1 });
    const [audit] = (await audits("user.role_changed", admin.id)).filter((a) => (a.detail as { userId?: string }).userId === target.id);
    expect(audit?.detail).toMatchObject({ from: "contributor", to: "curator" });

    // A second admin's form, read before the change: refused, nothing overwritten.
    const stale = await domainError(changeUserRole(actorOf(admin), { userId: target.id, role: "admin", version }));
    expect(stale.code).toBe("conflict");
    expect(stale.details?.currentVersion).toBe(version + 1);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("curator");
  });

  it("exactly one of two concurrent changes from the same version wins", async () => {
    const target = await createTestUser(db.prisma, { role: "contributor" });
    ids.push(target.id);
    const version = await versionOf(target.id);
    const results = await Promise.allSettled([
      setUserDisabled(actorOf(admin), { userId: target.id, disabled: "true", version }),
      changeUserRole(actorOf(admin), { userId: target.id, role: "admin", version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as DomainError).code).toBe("conflict");
    expect(await versionOf(target.id)).toBe(version + 1);
  });

  it("an admin can neither disable nor demote themselves", async () => {
    const version = await versionOf(admin.id);
    expect((await domainError(setUserDisabled(actorOf(admin), { userId: admin.id, disabled: "true", version }))).code).toBe("forbidden");
    expect((await domainError(changeUserRole(actorOf(admin), { userId: admin.id, role: "curator", version }))).code).toBe("forbidden");
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, disabledAt: true } })).toEqual({ role: "admin", disabledAt: null });
  });

  it("disables and re-enables (audited), and resets a password (shown once, stored hashed)", async () => {
    const target = await createTestUser(db.prisma, { role: "curator" });
    ids.push(target.id);
    await setUserDisabled(actorOf(admin), { userId: target.id, disabled: "true", version: await versionOf(target.id) });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeInstanceOf(Date);
    await setUserDisabled(actorOf(admin), { userId: target.id, disabled: "false", version: await versionOf(target.id) });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeNull();
    const { password } = await resetUserPassword(actorOf(admin), { userId: target.id, version: await versionOf(target.id) });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(await verifyPassword(row.passwordHash, password)).toBe(true);
    expect(await verifyPassword(row.passwordHash, target.password)).toBe(false);
    const actions = (await db.prisma.auditEvent.findMany({ where: { actorId: admin.id, email: target.email }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.disabled", "user.enabled", "user.password_reset"]);
  });
});

describe("my account", () => {
  it("changes my password only with the current one, and refuses a weak or mismatched new one", async () => {
    const me = await createTestUser(db.prisma, { role: "contributor" });
    ids.push(me.id);
    const wrong = await domainError(changeOwnPassword(actorOf(me), { currentPassword: "pas le bon", newPassword: "une nouvelle phrase solide", confirmPassword: "une nouvelle phrase solide" }));
    expect(wrong.details?.fields).toEqual({ currentPassword: "Le mot de passe actuel est incorrect." });
    const weak = await domainError(changeOwnPassword(actorOf(me), { currentPassword: me.password, newPassword: "court", confirmPassword: "autre" }));
    expect(Object.keys(weak.details?.fields ?? {}).sort()).toEqual(["confirmPassword", "newPassword"]);

    await changeOwnPassword(actorOf(me), { currentPassword: me.password, newPassword: "une nouvelle phrase solide", confirmPassword: "une nouvelle phrase solide" });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(await verifyPassword(row.passwordHash, "une nouvelle phrase solide")).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { actorId: me.id, action: "user.password_changed" } })).toBe(1);
  });

  it("creates API tokens shown once (hash stored), lists them by prefix, and revokes only my own", async () => {
    const me = await createTestUser(db.prisma, { role: "curator" });
    const other = await createTestUser(db.prisma, { role: "curator" });
    ids.push(me.id, other.id);
    const now = new Date();
    const { id, token, expiresAt } = await createApiToken(actorOf(me), { name: "  Import tableur ", lifetime: "30" }, now);
    expect(expiresAt?.getTime()).toBe(now.getTime() + 30 * 86_400_000);
    const [listed] = await listMyTokens(actorOf(me));
    expect(listed).toMatchObject({ id, name: "Import tableur", prefix: token.slice(0, 12), revokedAt: null });
    expect(JSON.stringify(await db.prisma.apiToken.findUniqueOrThrow({ where: { id } }))).not.toContain(token);
    expect((await actorFromToken(db.prisma, token))?.id).toBe(me.id);
    expect(await listMyTokens(actorOf(other))).toEqual([]);

    expect((await domainError(revokeApiToken(actorOf(other), id))).code).toBe("not_found");
    expect((await actorFromToken(db.prisma, token))?.id).toBe(me.id);
    await revokeApiToken(actorOf(me), id);
    expect(await actorFromToken(db.prisma, token)).toBeNull();
    expect((await db.prisma.auditEvent.findMany({ where: { actorId: me.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual([
      "api_token.created",
      "api_token.revoked",
    ]);
    const invalid = await domainError(createApiToken(actorOf(me), { name: "", lifetime: "toujours" }));
    expect(Object.keys(invalid.details?.fields ?? {}).sort()).toEqual(["lifetime", "name"]);
  });
});
