import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/**
 * A small in-process cache of search results, safe because it can never serve a result older than
 * the catalogue: every key holds the catalogue's version (table catalogue_version, bumped by a
 * trigger on every statement that changes programmes, funders, co-funders, coverage, territories
 * or synonyms), read in one indexed round trip per search, so that an edit made through any
 * process is seen by the next search of every process. Keys also hold the minute, because a
 * calendar status depends on the time (the API already lets clients keep an answer a minute).
 *
 * Concurrent identical searches share one computation (the promise is cached); a failed one is
 * forgotten. Least recently used entries go first past MAX_ENTRIES. SEARCH_CACHE=off disables it
 * (the benchmark measures both ways: BENCHMARKS.md).
 */

const MAX_ENTRIES = 500;
const entries = new Map<string, Promise<unknown>>();

export const searchCacheEnabled = () => process.env.SEARCH_CACHE !== "off";

export async function catalogueVersion(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRaw<{ version: bigint | number | string }[]>`SELECT version FROM catalogue_version`;
  return String(row?.version ?? "0");
}

/** `compute()` once per (catalogue version, minute, key), or again when the version changed. */
export async function cached<T>(prisma: PrismaClient, key: string, compute: () => Promise<T>): Promise<T> {
  const full = `${await catalogueVersion(prisma)}|${Math.floor(Date.now() / 60_000)}|${key}`;
  const hit = entries.get(full) as Promise<T> | undefined;
  if (hit) {
    entries.delete(full); // most recently used goes last
    entries.set(full, hit);
    return hit;
  }
  const pending = compute();
  entries.set(full, pending);
  pending.catch(() => entries.delete(full));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return pending;
}

/** For tests: the number of entries held. */
export const searchCacheSize = () => entries.size;
