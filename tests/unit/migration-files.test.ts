import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DbSetupError } from "../../lib/db/errors";
import { MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrate";

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("readMigrations", () => {
  it("checksums each migration as the SHA-256 of its file, as Prisma does", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) {
      const file = path.join(MIGRATIONS_DIR, m.name, "migration.sql");
      expect(m.checksum).toBe(sha256(file));
      expect(m.sql).toBe(fs.readFileSync(file, "utf8"));
    }
  });

  it("names migrations as Prisma does: a 14-digit timestamp, then a name", () => {
    for (const m of readMigrations()) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("reads folders in name order and skips those without migration.sql", () => {
    for (const [name, sql] of [["20250102000000_b", "select 2;"], ["20250101000000_a", "select 1;"], ["20250103000000_empty", null]] as const) {
      fs.mkdirSync(path.join(tmp, name));
      if (sql) fs.writeFileSync(path.join(tmp, name, "migration.sql"), sql);
    }
    fs.writeFileSync(path.join(tmp, "migration_lock.toml"), 'provider = "postgresql"');
    expect(readMigrations(tmp).map((m) => m.name)).toEqual(["20250101000000_a", "20250102000000_b"]);
  });

  it("says in French when the folder is missing", () => {
    const missing = path.join(tmp, "absent");
    expect(() => readMigrations(missing)).toThrow(new DbSetupError(`Dossier des migrations introuvable : ${missing}.`));
  });
});
