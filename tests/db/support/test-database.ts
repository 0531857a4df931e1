import fs from "node:fs/promises";
import { inject } from "vitest";
import { useDatabase } from "../../../lib/db/client";
import { type Database, databaseFromPGlite, openDatabase, openPGlite } from "../../../lib/db/connect";
import { prepareDatabase } from "../../../lib/db/prepare";
import "./provided";
import { createServerDatabase, dropServerDatabases, uniqueDatabaseName } from "./server";

/**
 * The migrated and seeded test database, also served to lib/data/* (through useDatabase).
 * PGlite: a private in-memory copy for this file. Server: the run's shared database.
 *
 *   let db: Database;
 *   beforeAll(async () => { db = await openTestDatabase(); });
 *   afterAll(() => db.close());
 */
export async function openTestDatabase(): Promise<Database> {
  const info = inject("testDatabase");
  const db =
    info.kind === "pglite"
      ? databaseFromPGlite(
          { kind: "pglite", dataDir: null },
          await openPGlite(null, new Blob([await fs.readFile(info.snapshotPath)])),
        )
      : await openDatabase({ kind: "postgres", url: info.url });
  useDatabase(db);
  return db;
}

/**
 * A migrated and seeded database no other test file touches, for tests that compare whole tables:
 * PGlite's per-file copy already is one; on the server, a new database prepared for this file
 * (the run's shared one holds what other files left, e.g. words the search triggers recorded).
 */
export async function openPrivateTestDatabase(): Promise<Database> {
  if (inject("testDatabase").kind === "pglite") return openTestDatabase();
  const db = await openEmptyDatabase();
  try {
    await prepareDatabase(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  useDatabase(db);
  return db;
}

/** An empty database (no table at all), on the same engine; `close()` also drops it on the server. */
export async function openEmptyDatabase(): Promise<Database> {
  const info = inject("testDatabase");
  if (info.kind === "pglite") return databaseFromPGlite({ kind: "pglite", dataDir: null }, await openPGlite(null));

  // Named after the run's database so that the global teardown drops it even if this file crashes.
  const name = `${new URL(info.url).pathname.slice(1)}_${uniqueDatabaseName("empty")}`;
  const db = await openDatabase({ kind: "postgres", url: await createServerDatabase(info.serverUrl, name) });
  return {
    ...db,
    async close() {
      await db.close();
      await dropServerDatabases(info.serverUrl, name);
    },
  };
}

/** A slug no other test (or earlier run on the same server) uses. */
export const uniqueSlug = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
