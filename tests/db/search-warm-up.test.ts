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
