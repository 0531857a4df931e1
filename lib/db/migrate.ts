import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./connect";
import { DbSetupError } from "./errors";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records each one in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same SHA-256 checksum
 * of the file), so that the Prisma CLI agrees on a machine that has its engine.
 * Unlike Prisma, each migration runs in a transaction: a failing one leaves no trace.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
/** The advisory lock key Prisma's migration engine takes, so both never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(dir)) throw new DbSetupError(`Dossier des migrations introuvable : ${dir}.`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(sql: SqlRunner, migrations = readMigrations()): Promise<MigrateResult> {
  await sql.exec(CREATE_MIGRATIONS_TABLE);
  return sql.transaction(async (tx) => {
    // Serialises concurrent starts; released at the end of the transaction.
    await tx.query(`select pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK})`);
    const rows = await tx.query<AppliedRow>(
      `select migration_name, checksum, finished_at, rolled_back_at from "_prisma_migrations"`,
    );
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new DbSetupError(
        `La base contient des migrations absentes de ce code (${unknown.join(", ")}) : elle a été migrée par une version plus récente de l'application.`,
      );
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const row = done.get(migration.name);
      if (row?.finished_at) {
        if (row.checksum !== migration.checksum) {
          console.warn(`Attention : la migration ${migration.name} a été modifiée après avoir été appliquée.`);
        }
        continue;
      }
      if (row) {
        throw new DbSetupError(
          `La migration ${migration.name} a échoué lors d'un précédent démarrage : corrigez la base, puis marquez-la comme annulée (prisma migrate resolve --rolled-back).`,
        );
      }
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new DbSetupError(
          `La migration ${migration.name} a échoué (${(error as Error).message}) ; rien n'a été modifié.`,
        );
      }
      await tx.query(
        `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         values ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  });
}
