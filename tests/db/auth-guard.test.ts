import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromToken, generateToken, hashToken } from "../../lib/auth/api-tokens";
import { actorFromRequest, requireApiActor, safeCallbackPath } from "../../lib/auth/guard";
import type { Database } from "../../lib/db/connect";
import { DomainError } from "../../lib/errors";
import { openTestDatabase } from "./support/test-database";
import { createTestUser, deleteTestUsers, type TestUser } from "./support/users";

const SECRET = "secret-de-test-du-garde-0123456789";
let db: Database;
let curator: TestUser;
let contributor: TestUser;
let previousSecret: string | undefined;

beforeAll(async () => {
  previousSecret = process.env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_SECRET = SECRET;
  db = await openTestDatabase();
  curator = await createTestUser(db.prisma, { role: "curator" });
  contributor = await createTestUser(db.prisma, { role: "contributor" });
});
afterAll(async () => {
  await deleteTestUsers(db.prisma, [curator?.id, contributor?.id].filter(Boolean) as string[]);
  await db?.close();
  process.env.NEXTAUTH_SECRET = previousSecret;
});

async function createToken(userId: string, data: { expiresAt?: Date; revokedAt?: Date } = {}) {
  const { token, tokenHash, prefix } = generateToken();
  const row = await db.prisma.apiToken.create({ data: { userId, name: "Jeton de test", tokenHash, prefix, ...data } });
  return { token, id: row.id };
}

const withBearer = (token: string) => new Request("http://127.0.0.1/api/v1/admin/programmes", { headers: { authorization: `Bearer ${token}` } });
const withSession = (cookie: string) => new Request("http://127.0.0.1/api/v1/admin/programmes", { headers: { cookie } });

async function sessionCookie(userId: string, secret = SECRET) {
  const token = await encode({ token: { sub: userId, provider: "credentials" }, secret });
  return `autre=1; next-auth.session-token=${token}`;
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("API tokens", () => {
  it("are stored as the SHA-256 of the token, with a short prefix, never in clear", async () => {
    const { token, tokenHash, prefix } = generateToken();
    expect(token).toMatch(/^fin_[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(token.length / 3);
  });

  it("authenticate their owner and record lastUsedAt", async () => {
    const { token, id } = await createToken(curator.id);
    expect(await actorFromRequest(withBearer(token))).toEqual({ id: curator.id, email: curator.email, name: curator.name, role: "curator" });
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("are refused when unknown, revoked or expired", async () => {
    const revoked = await createToken(curator.id, { revokedAt: new Date() });
    const expired = await createToken(curator.id, { expiresAt: new Date(Date.now() - 1000) });
    const future = await createToken(curator.id, { expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await actorFromRequest(withBearer(revoked.token))).toBeNull();
    expect(await actorFromRequest(withBearer(expired.token))).toBeNull();
    expect(await actorFromRequest(withBearer(`fin_${"x".repeat(43)}`))).toBeNull();
    expect(await actorFromRequest(withBearer("pas-un-jeton"))).toBeNull();
    expect((await actorFromRequest(withBearer(future.token)))?.id).toBe(curator.id);
    expect(await actorFromToken(db.prisma, future.token, new Date(Date.now() + 7_200_000))).toBeNull();
  });

  it("a bad bearer token never falls back to the session cookie", async () => {
    const request = new Request("http://127.0.0.1/x", {
      headers: { authorization: "Bearer fin_inconnu", cookie: await sessionCookie(curator.id) },
    });
    expect(await actorFromRequest(request)).toBeNull();
  });
});

describe("session cookie", () => {
  it("identifies the account, read from the database", async () => {
    expect(await actorFromRequest(withSession(await sessionCookie(contributor.id)))).toMatchObject({ id: contributor.id, role: "contributor" });
  });

  it("is refused when signed with another secret, unknown or absent", async () => {
    expect(await actorFromRequest(withSession(await sessionCookie(contributor.id, "un-autre-secret-0123456789")))).toBeNull();
    expect(await actorFromRequest(withSession(await sessionCookie("00000000-0000-4000-8000-000000000000")))).toBeNull();
    expect(await actorFromRequest(withSession("next-auth.session-token=nimportequoi"))).toBeNull();
    expect(await actorFromRequest(new Request("http://127.0.0.1/x"))).toBeNull();
  });

  it("follows role changes at the next request", async () => {
    const user = await createTestUser(db.prisma, { role: "contributor" });
    try {
      const cookie = await sessionCookie(user.id);
      expect((await actorFromRequest(withSession(cookie)))?.role).toBe("contributor");
      await db.prisma.user.update({ where: { id: user.id }, data: { role: "curator" } });
      expect((await actorFromRequest(withSession(cookie)))?.role).toBe("curator");
    } finally {
      await deleteTestUsers(db.prisma, [user.id]);
    }
  });
});

describe("a disabled account", () => {
  it("loses access at its next request, by session and by token; re-enabled, it gets it back", async () => {
    const user = await createTestUser(db.prisma, { role: "admin" });
    try {
      const cookie = await sessionCookie(user.id);
      const { token } = await createToken(user.id);
      expect((await actorFromRequest(withSession(cookie)))?.id).toBe(user.id);
      expect((await actorFromRequest(withBearer(token)))?.id).toBe(user.id);

      await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
      expect(await actorFromRequest(withSession(cookie))).toBeNull();
      expect(await actorFromRequest(withBearer(token))).toBeNull();
      expect((await rejection(requireApiActor(withBearer(token)))).code).toBe("unauthenticated");

      await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: null } });
      expect((await actorFromRequest(withSession(cookie)))?.id).toBe(user.id);
    } finally {
      await deleteTestUsers(db.prisma, [user.id]);
    }
  });
});

describe("requireApiActor", () => {
  it("throws unauthenticated (401) without credentials and forbidden (403) for a role too low", async () => {
    const anonymous = await rejection(requireApiActor(new Request("http://127.0.0.1/x")));
    expect(anonymous.code).toBe("unauthenticated");
    expect(anonymous.message).toMatch(/Authentification requise/);
    const { token } = await createToken(contributor.id);
    const forbidden = await rejection(requireApiActor(withBearer(token), "curator"));
    expect(forbidden.code).toBe("forbidden");
    expect((await requireApiActor(withBearer(token), "contributor")).id).toBe(contributor.id);
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-origin paths only", () => {
    expect(safeCallbackPath("/admin/programmes?statut=draft#x")).toBe("/admin/programmes?statut=draft#x");
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, "/\u0000x"]) {
      expect(safeCallbackPath(bad)).toBe("/admin");
    }
  });
});
