import pg from "pg";
import type { Database } from "../db/connect";

/**
 * Only one link check at a time, across every server process and the CLI.
 *
 * PostgreSQL server: a session advisory lock (pg_try_advisory_lock) taken on a connection of its own,
 * held for the whole run and released at the end; if the process dies, the server closes the
 * connection and the lock goes with it. Not through the pool: a pooled connection would hand the lock
 * to whoever borrows it next.
 *
 * PGlite: the embedded database opens in one process only (lib/db/pglite-lock.ts), and all its
 * queries share one session, where an advisory lock is re-entrant (a second run in the same session
 * would get it too): the lock is therefore held in the process, per database handle.
 */
const ADVISORY_KEY = [0x6c696e6b, 1] as const; // "link", job 1: links:check

const local = globalThis as unknown as { __finLinkCheckLocks?: WeakSet<object> };

export type ReleaseLock = () => Promise<void>;

export async function tryAcquireLinkCheckLock(db: Database): Promise<ReleaseLock | null> {
  if (db.config.kind === "pglite") {
    const held = (local.__finLinkCheckLocks ??= new WeakSet());
    if (held.has(db.sql)) return null;
    held.add(db.sql);
    return async () => {
      held.delete(db.sql);
    };
  }

  const client = new pg.Client({ connectionString: db.config.url });
  client.on("error", () => undefined); // a dropped connection must not crash the process (the lock is gone with it)
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1, $2) as locked", [...ADVISORY_KEY]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return async () => {
    await client.query("select pg_advisory_unlock($1, $2)", [...ADVISORY_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  };
}
