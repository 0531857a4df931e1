import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase } from "../../lib/db/client";
import type { Database } from "../../lib/db/connect";
import { getProgrammeIndex } from "../../lib/data/programme-index";
import { catalogueVersion } from "../../lib/data/search-cache";
import { warmUpSearch } from "../../lib/data/search-warm-up";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe("warmUpSearch (instrumentation.ts, at server start)", () => {
  it("builds the index the next search uses, and says so", async () => {
    // Another version first: the warm-up has to build the current one.
    await getProgrammeIndex(db, "version d'avant");
    const log = { info: vi.fn(), error: vi.fn() };
    const index = await warmUpSearch(log);
    expect(index).not.toBeNull();
    const [row] = await db.sql.query<{ count: number }>("SELECT count(*)::int AS count FROM programme WHERE status = 'published'");
    const count = row?.count;
    expect(index?.size).toBe(count);
    expect(await getProgrammeIndex(db, await catalogueVersion(db.sql))).toBe(index);
    expect(log.info).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^Index de recherche prêt : ${count} programmes en \\d+ ms\\.$`)));
    expect(log.error).not.toHaveBeenCalled();
  });

  it("only logs when the database does not answer (the first search will build it)", async () => {
    const failure = new Error("connect ECONNREFUSED");
    useDatabase({ ...db, sql: { ...db.sql, prepared: () => Promise.reject(failure) } });
    const log = { info: vi.fn(), error: vi.fn() };
    try {
      await expect(warmUpSearch(log)).resolves.toBeNull();
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining("index de recherche non préparé"), failure);
      expect(log.info).not.toHaveBeenCalled();
    } finally {
      useDatabase(db);
    }
  });
});

describe("one index and one search cache per process", () => {
  // Next.js bundles lib/ once for the API routes, once for the pages, once for instrumentation.ts:
  // fresh copies of the modules stand for them here.
  const freshCopy = async <T>(path: string): Promise<T> => {
    vi.resetModules();
    return (await import(path)) as T;
  };

  it("is shared by every copy of the modules", async () => {
    type IndexModule = typeof import("../../lib/data/programme-index");
    type CacheModule = typeof import("../../lib/data/search-cache");
    const version = await catalogueVersion(db.sql);
    const one = await freshCopy<IndexModule>("../../lib/data/programme-index");
    const other = await freshCopy<IndexModule>("../../lib/data/programme-index");
    expect(other.getProgrammeIndex).not.toBe(one.getProgrammeIndex);
    expect(await other.getProgrammeIndex(db, version)).toBe(await one.getProgrammeIndex(db, version));

    const cacheOne = await freshCopy<CacheModule>("../../lib/data/search-cache");
    const cacheOther = await freshCopy<CacheModule>("../../lib/data/search-cache");
    const first = await cacheOne.cached(db.sql, "essai de partage", async () => ({ computed: "par la première copie" }));
    const again = await cacheOther.cached(db.sql, "essai de partage", async () => ({ computed: "par la seconde copie" }));
    expect(again).toBe(first);
  });

  it("keeps the indexes of two databases apart, even at the same version", async () => {
    const version = await catalogueVersion(db.sql);
    const index = await getProgrammeIndex(db, version);
    const twin = { ...db, sql: { ...db.sql } };
    const twinIndex = await getProgrammeIndex(twin, version);
    expect(twinIndex).not.toBe(index);
    expect(twinIndex.size).toBe(index.size);
  });
});

