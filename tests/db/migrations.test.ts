import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { DbSetupError } from "../../lib/db/errors";
import { MIGRATIONS_DIR, type Migration, migrate, readMigrations } from "../../lib/db/migrate";
import { openEmptyDatabase } from "./support/test-database";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const tableExists = async (database: Database, name: string) => {
  const [row] = await database.sql.query<{ exists: boolean }>("select to_regclass($1) is not null as exists", [
    `public.${name}`,
  ]);
  return row?.exists;
};

const fakeMigration = (name: string, sql: string): Migration => ({
  name,
  sql,
  checksum: createHash("sha256").update(sql).digest("hex"),
});

describe("migrate on an empty database", () => {
  let fresh: Database;
  let first: Awaited<ReturnType<typeof migrate>>;
  let second: Awaited<ReturnType<typeof migrate>>;
  beforeAll(async () => {
    fresh = await openEmptyDatabase();
    first = await migrate(fresh.sql);
    second = await migrate(fresh.sql);
  });
  afterAll(() => fresh?.close());

  it("applies every migration, then nothing on a second run", async () => {
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(first).toEqual({ applied: names, alreadyApplied: 0 });
    expect(second).toEqual({ applied: [], alreadyApplied: names.length });
    expect(await tableExists(fresh, "programme")).toBe(true);
    expect(await tableExists(fresh, "territory")).toBe(true);
  });

  it("records each migration in _prisma_migrations with Prisma's columns and the file's SHA-256", async () => {
    const columns = await fresh.sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `select column_name, data_type, is_nullable from information_schema.columns
       where table_schema = 'public' and table_name = '_prisma_migrations' order by ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO" },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO" },
    ]);

    const rows = await fresh.sql.query<{
      id: string; checksum: string; migration_name: string; finished_at: Date | null;
      rolled_back_at: Date | null; applied_steps_count: number;
    }>(`select * from "_prisma_migrations" order by migration_name`);
    const dirs = fs.readdirSync(MIGRATIONS_DIR).filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, "migration.sql"))).sort();
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const file = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });
});

describe("migrate when something is wrong", () => {
  it("rolls a failing run back whole and says so in French", async () => {
    db = await openEmptyDatabase();
    const migrations = [
      fakeMigration("20990101000000_good", `create table "test_good" (id int primary key);`),
      fakeMigration("20990102000000_bad", `create table "test_bad" (id int primary key); select 1 / 0;`),
    ];

    const error = await migrate(db.sql, migrations).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbSetupError);
    expect((error as Error).message).toMatch(/^La migration 20990102000000_bad a échoué \(.*division by zero.*\) ; rien n'a été modifié\.$/);

    expect(await tableExists(db, "test_good")).toBe(false);
    expect(await tableExists(db, "test_bad")).toBe(false);
    expect(await db.sql.query(`select * from "_prisma_migrations"`)).toEqual([]);

    // Once the bad migration is fixed, the same database takes both.
    const fixed = [migrations[0]!, fakeMigration("20990102000000_bad", `create table "test_bad" (id int primary key);`)];
    expect(await migrate(db.sql, fixed)).toEqual({ applied: fixed.map((m) => m.name), alreadyApplied: 0 });
    expect(await tableExists(db, "test_bad")).toBe(true);
  });

  it("refuses a database migrated by a newer version of the application", async () => {
    db = await openEmptyDatabase();
    await migrate(db.sql, [fakeMigration("20990101000000_newer", "select 1;")]);

    await expect(migrate(db.sql, [])).rejects.toThrow(
      new DbSetupError(
        "La base contient des migrations absentes de ce code (20990101000000_newer) : elle a été migrée par une version plus récente de l'application.",
      ),
    );
  });

  it("refuses to go on after a migration left unfinished by Prisma", async () => {
    db = await openEmptyDatabase();
    await migrate(db.sql, []);
    await db.sql.query(
      `insert into "_prisma_migrations" (id, checksum, migration_name, started_at) values ($1, $2, $3, now())`,
      ["00000000-0000-0000-0000-000000000001", "0".repeat(64), "20990101000000_half"],
    );

    await expect(migrate(db.sql, [fakeMigration("20990101000000_half", "select 1;")])).rejects.toThrow(
      /La migration 20990101000000_half a échoué lors d'un précédent démarrage/,
    );
  });
});
