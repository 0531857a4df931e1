import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { upsertUserFromCli } from "../../lib/auth/cli-user";
import { verifyPassword } from "../../lib/auth/password";
import type { Database } from "../../lib/db/connect";
import { openTestDatabase, uniqueSlug } from "./support/test-database";
import { deleteTestUsers } from "./support/users";

let db: Database;
const created: string[] = [];
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  const users = await db.prisma.user.findMany({ where: { email: { in: created } }, select: { id: true } });
  await db.prisma.auditEvent.deleteMany({ where: { email: { in: created } } });
  await deleteTestUsers(db.prisma, users.map((u) => u.id));
  await db?.close();
});

const email = () => {
  const value = `${uniqueSlug("cli")}@example.test`;
  created.push(value);
  return value;
};

/** Runs `npm run user:create` itself (through tsx, as npm does). */
function runCli(args: string[], env: Record<string, string | undefined>) {
  const cleanEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete cleanEnv[key];
  return spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/create-user.ts", ...args], {
    env: cleanEnv,
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("user:create", () => {
  it("creates an account with a hashed password, then updates its password and role", async () => {
    const address = email();
    const first = await upsertUserFromCli(db.prisma, { email: address.toUpperCase(), name: "Camille CLI", role: "admin", password: "une phrase de passe solide" });
    expect(first).toMatchObject({ created: true, role: "admin" });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(await verifyPassword(row.passwordHash, "une phrase de passe solide")).toBe(true);
    expect(row.passwordHash).not.toContain("phrase");

    const second = await upsertUserFromCli(db.prisma, { email: address, role: "curator", password: "une autre phrase de passe" });
    expect(second).toMatchObject({ created: false, role: "curator" });
    const updated = await db.prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(updated.name).toBe("Camille CLI");
    expect(updated.version).toBe(row.version + 1);
    expect(await verifyPassword(updated.passwordHash, "une autre phrase de passe")).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { email: address, action: { startsWith: "user." } } })).toBe(2);
  });

  it("refuses a weak password, and a new account without name or role, in French", async () => {
    await expect(upsertUserFromCli(db.prisma, { email: email(), name: "X", role: "admin", password: "court" })).rejects.toThrow(/au moins 12 caractères/);
    await expect(upsertUserFromCli(db.prisma, { email: email(), role: "admin", password: "une phrase de passe solide" })).rejects.toThrow(/--name est obligatoire/);
    await expect(upsertUserFromCli(db.prisma, { email: email(), name: "X", password: "une phrase de passe solide" })).rejects.toThrow(/--role est obligatoire/);
  });

  it("the command checks its options and never echoes the password", () => {
    const result = runCli(["--email", "pas-une-adresse", "--role", "chef"], { USER_PASSWORD: "une phrase de passe solide" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("L'adresse e-mail n'est pas valide.");
    expect(result.stderr).toContain("Le rôle doit être admin, curator ou contributor.");
    expect(result.stderr + result.stdout).not.toContain("une phrase de passe solide");
  });

  it("says in one sentence that the embedded database is in use by the running server", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "user-create-"));
    try {
      const dataDir = path.join(dir, "pglite");
      // A lock held by a running process (this one), as the server holds it.
      fs.writeFileSync(`${dataDir}.lock`, String(process.pid));
      const result = runCli(["--email", "a@example.test", "--name", "A", "--role", "admin"], {
        USER_PASSWORD: "une phrase de passe solide",
        DATABASE_URL: undefined,
        PGLITE_DATA_DIR: dataDir,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        "Erreur : la base embarquée est utilisée par le serveur en marche : arrêtez-le (Ctrl+C sur npm start) le temps de créer le compte, ou utilisez un serveur PostgreSQL (DATABASE_URL).",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(inject("testDatabase").kind === "postgres")("the command creates the account on the server (DATABASE_URL)", async () => {
    const info = inject("testDatabase");
    if (info.kind !== "postgres") return;
    const address = email();
    const result = runCli(["--email", address, "--name", "Serveur CLI", "--role", "contributor"], {
      USER_PASSWORD: "une phrase de passe solide",
      DATABASE_URL: info.url,
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`Compte créé : ${address} (Contributeur)`);
    const row = await db.prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(await verifyPassword(row.passwordHash, "une phrase de passe solide")).toBe(true);
  });
});
