import "server-only";
import type { SqlRunner } from "../db/connect";

/**
 * A small in-process cache of search results, that never serves a result older than the catalogue:
 * every key holds the catalogue's version (table catalogue_version, bumped by a trigger on every
 * statement that changes programmes, funders, co-funders, coverage, territories or synonyms), read
 * in one indexed round trip per search, so that an edit made through any process is seen by the
 * next search of every process.
 *
 * Calendar statuses depend on the time, so an entry is fresh during the minute it was computed in
 * (the API already lets clients keep an answer a minute). In the next minute it is still served,
 * once, while it is computed again in the background (stale-while-revalidate): popular searches never
 * all expire together at the turn of a minute. Past that minute an entry is no longer served: an
 * answer is never more than two minutes old, and never older than the catalogue.
 *
 * Concurrent identical searches share one computation (the promise is cached); a failed one is
 * forgotten. Least recently used entries go first past MAX_ENTRIES. SEARCH_CACHE=off disables it
 * (the benchmark measures both ways: BENCHMARKS.md).
 */

const MAX_ENTRIES = 500;

interface Entry {
  minute: number;
  value: Promise<unknown>;
  settled: boolean;
  refreshing: boolean;
}
/**
 * Kept on globalThis: one cache per process, whichever bundle of this module (pages, API) asks
 * (not under `next dev`, where an edit reloads the code but not globalThis: no answer of the old
 * code is served by the new). Keys name their database too (tests open several, whose versions may
 * coincide).
 */
const holder = (process.env.NODE_ENV === "development" ? {} : globalThis) as {
  __finSearchCache?: { entries: Map<string, Entry>; databases: WeakMap<SqlRunner, number>; count: number };
};
const shared = (holder.__finSearchCache ??= { entries: new Map(), databases: new WeakMap(), count: 0 });
const entries = shared.entries;

function databaseId(sql: SqlRunner): number {
  let id = shared.databases.get(sql);
  if (id === undefined) shared.databases.set(sql, (id = ++shared.count));
  return id;
}

export const searchCacheEnabled = () => process.env.SEARCH_CACHE !== "off";

/** The catalogue's version: a prepared statement (the cache's whole cost when it answers). */
export async function catalogueVersion(sql: SqlRunner): Promise<string> {
  const [row] = await sql.prepared<{ version: bigint | number | string }>("SELECT version FROM catalogue_version", []);
  return String(row?.version ?? "0");
}

const currentMinute = () => Math.floor(Date.now() / 60_000);

function store(full: string, minute: number, compute: () => Promise<unknown>): Entry {
  const entry: Entry = { minute, value: compute(), settled: false, refreshing: false };
  entry.value.then(
    () => {
      entry.settled = true;
    },
    () => {
      if (entries.get(full) === entry) entries.delete(full);
    },
  );
  entries.delete(full);
  entries.set(full, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return entry;
}

/** `compute()` once per (catalogue version, key), again each minute, at once when the version changed. */
export async function cached<T>(sql: SqlRunner, key: string, compute: () => Promise<T>): Promise<T> {
  const full = `${databaseId(sql)}|${await catalogueVersion(sql)}|${key}`;
  const minute = currentMinute();
  const entry = entries.get(full);
  if (entry && (entry.minute === minute || !entry.settled)) {
    entries.delete(full); // most recently used goes last
    entries.set(full, entry);
    return entry.value as Promise<T>;
  }
  if (entry && entry.minute === minute - 1) {
    // Last minute's answer, served while this minute's is computed (once).
    if (!entry.refreshing) {
      entry.refreshing = true;
      const fresh: Entry = { minute, value: compute(), settled: false, refreshing: false };
      fresh.value.then(
        () => {
          fresh.settled = true;
          if (entries.get(full) === entry) {
            entries.delete(full);
            entries.set(full, fresh);
          }
        },
        () => {
          entry.refreshing = false; // the next search tries again
        },
      );
    }
    return entry.value as Promise<T>;
  }
  return store(full, minute, compute).value as Promise<T>;
}

/** For tests: the number of entries held. */
export const searchCacheSize = () => entries.size;
