import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, openPGlite, databaseFromPGlite } from "../../../lib/db/connect";
import { prepareDatabase } from "../../../lib/db/prepare";
import type { TestDatabaseInfo } from "./provided";
import { createServerDatabase, dropServerDatabases, uniqueDatabaseName } from "./server";

/**
 * Migrates and seeds ONE database per run, then lets every test file start from it:
 * - by default, an in-memory PGlite whose data directory is saved to a temporary file that each
 *   test file loads into its own in-memory PGlite (files cannot see each other's writes);
 * - with TEST_DATABASE_URL, a fresh database `fin_test_<pid>_<random>` on that server, shared by
 *   the test files (they run one at a time), dropped at the end.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();

  if (serverUrl) {
    const name = uniqueDatabaseName();
    const url = await createServerDatabase(serverUrl, name);
    try {
      const db = await openDatabase({ kind: "postgres", url });
      try {
        await prepareDatabase(db);
      } finally {
        await db.close();
      }
    } catch (error) {
      await dropServerDatabases(serverUrl, name);
      throw error;
    }
    project.provide("testDatabase", { kind: "postgres", url, serverUrl } satisfies TestDatabaseInfo);
    console.log(`[db] base de test ${name} sur ${new URL(serverUrl).host}, préparée en ${seconds(started)}`);
    return async () => {
      await dropServerDatabases(serverUrl, name);
    };
  }

  const pglite = await openPGlite(null);
  const db = databaseFromPGlite({ kind: "pglite", dataDir: null }, pglite);
  const snapshotPath = path.join(os.tmpdir(), `${uniqueDatabaseName("fin-test-pglite")}.tar`);
  try {
    await prepareDatabase(db);
    const snapshot = await pglite.dumpDataDir("none");
    await fs.writeFile(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide("testDatabase", { kind: "pglite", snapshotPath } satisfies TestDatabaseInfo);
  console.log(`[db] PGlite en mémoire, instantané préparé en ${seconds(started)}`);
  return async () => {
    await fs.rm(snapshotPath, { force: true });
  };
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
