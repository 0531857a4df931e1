import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "../../lib/auth/credentials";
import { LOGIN_WINDOW_MS, loginLimitState, MAX_FAILURES } from "../../lib/auth/login-limit";
import { checkLoginLimit } from "../../lib/auth/sign-in-flow";
import type { Database } from "../../lib/db/connect";
import { openTestDatabase } from "./support/test-database";
import { createTestUser, deleteTestUsers, type TestUser } from "./support/users";

let db: Database;
let user: TestUser;
beforeAll(async () => {
  db = await openTestDatabase();
  user = await createTestUser(db.prisma, { role: "curator" });
});
afterAll(async () => {
  if (user) {
    await db.prisma.loginAttempt.deleteMany({ where: { email: user.email } });
    await db.prisma.auditEvent.deleteMany({ where: { email: user.email } });
    await deleteTestUsers(db.prisma, [user.id]);
  }
  await db?.close();
});

/** A unique fake address per test (the limit is also counted per address). */
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const emailOf = () => `inconnu-${randomUUID()}@example.test`;

const request = (ip: string) =>
  new Request("http://127.0.0.1/api/auth/connexion", {
    method: "POST",
    headers: { "x-forwarded-for": ip, accept: "text/html" },
  });

async function failures(count: number, email: string, ip: string | (() => string)) {
  for (let i = 0; i < count; i++) {
    const who = await authenticateWithPassword(db.prisma, {
      email,
      password: "mauvais mot de passe",
      ip: typeof ip === "string" ? ip : ip(),
    });
    expect(who).toBeNull();
  }
}

describe("sign-in limit (counted in the database)", () => {
  it("lets the right password in and records lastLoginAt and a successful attempt", async () => {
    const ip = address();
    const before = new Date(Date.now() - 1000);
    const actor = await authenticateWithPassword(db.prisma, { email: user.email.toUpperCase(), password: user.password, ip });
    expect(actor).toEqual({ id: user.id, email: user.email, name: user.name, role: "curator" });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } });
    expect(row.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(await db.prisma.loginAttempt.count({ where: { email: user.email, ip, succeeded: true } })).toBe(1);
  });

  it("answers the 11th attempt after 10 bad passwords for one account with 429, a French sentence and an audit entry", async () => {
    const email = emailOf();
    await failures(MAX_FAILURES - 1, email, address);
    expect(await checkLoginLimit(request(address()), email)).toBeNull(); // the 10th is still tried
    await failures(1, email, address);

    const response = await checkLoginLimit(request(address()), email);
    expect(response?.status).toBe(429);
    expect(response?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await response?.text()).toContain("Trop de tentatives de connexion ont échoué");
    const audit = await db.prisma.auditEvent.findMany({ where: { email, action: "login.rate_limited" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ by: ["account"] });
  });

  it("limits the account from any address, before any password is looked at", async () => {
    const ip = address();
    await failures(MAX_FAILURES, user.email, address);
    const response = await checkLoginLimit(request(ip), user.email);
    expect(response?.status).toBe(429);
    const audit = await db.prisma.auditEvent.findFirst({ where: { actorId: user.id, action: "login.rate_limited" } });
    expect(audit?.ip).toBe(ip);
    // Another account from that same address is not limited.
    expect(await checkLoginLimit(request(ip), emailOf())).toBeNull();
    await db.prisma.loginAttempt.deleteMany({ where: { email: user.email } });
  });

  it("counts per address too: 10 bad passwords on 10 accounts from one address limit the 11th account", async () => {
    const ip = address();
    for (let i = 0; i < MAX_FAILURES; i++) await failures(1, emailOf(), ip);
    const response = await checkLoginLimit(request(ip), emailOf());
    expect(response?.status).toBe(429);
    const accept = new Request("http://127.0.0.1/api/auth/callback/credentials", {
      method: "POST",
      headers: { "x-forwarded-for": `203.0.113.9, ${ip}`, accept: "application/json" },
    });
    const json = await checkLoginLimit(accept, emailOf());
    expect(json?.status).toBe(429);
    expect(await json?.json()).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("15 minutes") } });
    // The same accounts from another address are fine.
    expect(await checkLoginLimit(request(address()), emailOf())).toBeNull();
  });

  it("forgets failures older than 15 minutes, and does not count successes", async () => {
    const email = emailOf();
    const ip = address();
    const now = new Date();
    const old = new Date(now.getTime() - LOGIN_WINDOW_MS - 1000);
    await db.prisma.loginAttempt.createMany({
      data: Array.from({ length: 20 }, () => ({ email, ip, succeeded: false, createdAt: old })),
    });
    await db.prisma.loginAttempt.createMany({
      data: Array.from({ length: 20 }, () => ({ email, ip, succeeded: true, createdAt: now })),
    });
    await db.prisma.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES - 1 }, () => ({ email, ip, succeeded: false, createdAt: now })),
    });
    expect((await loginLimitState(db.prisma, { email, ip }, now)).limited).toBe(false);
    await db.prisma.loginAttempt.create({ data: { email, ip, succeeded: false, createdAt: now } });
    const state = await loginLimitState(db.prisma, { email, ip }, now);
    expect(state).toMatchObject({ limited: true, by: ["account", "address"] });
    expect(state.retryAfterSeconds).toBeGreaterThan(15 * 60 - 5);
    // 15 minutes later the window has slid past them.
    expect((await loginLimitState(db.prisma, { email, ip }, new Date(now.getTime() + LOGIN_WINDOW_MS + 1))).limited).toBe(false);
  });

  it("fails a disabled account the same way as a wrong password", async () => {
    const disabled = await createTestUser(db.prisma, { role: "admin" });
    try {
      await db.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
      expect(await authenticateWithPassword(db.prisma, { email: disabled.email, password: disabled.password, ip: address() })).toBeNull();
      expect(await db.prisma.loginAttempt.count({ where: { email: disabled.email, succeeded: false } })).toBe(1);
    } finally {
      await db.prisma.loginAttempt.deleteMany({ where: { email: disabled.email } });
      await deleteTestUsers(db.prisma, [disabled.id]);
    }
  });
});
