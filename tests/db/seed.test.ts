import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { prepareDatabase } from "../../lib/db/prepare";
import { readCatalogue } from "../../lib/db/seed/catalogue";
import { openPrivateTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openPrivateTestDatabase();
});
afterAll(() => db?.close());

/** Row count of every table of the public schema. */
async function countEveryTable(): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.sql.query<{ count: number }>(`select count(*)::int as count from "${name}"`);
    counts[name] = row?.count ?? -1;
  }
  return counts;
}

describe("the seed", () => {
  it("gives identical counts in every table when run again, twice, with force", async () => {
    const before = await countEveryTable();
    expect(before.territory).toBeGreaterThan(30_000);
    expect(before.programme).toBeGreaterThan(0);

    const first = await prepareDatabase(db, { force: true });
    expect(first).toMatchObject({ migrationsApplied: [], catalogueSeeded: true });
    expect(first.territoriesSeeded).toBe(before.territory);
    const afterFirst = await countEveryTable();

    await prepareDatabase(db, { force: true });
    const afterSecond = await countEveryTable();

    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst).toEqual(before);
  });

  it("leaves no duplicate source: each programme has exactly the distinct URLs of its file entry", async () => {
    const rows = await db.sql.query<{ slug: string; urls: string[]; total: number }>(
      `select p.slug, array_agg(distinct s.url) as urls, count(*)::int as total
       from programme_source s join programme p on p.id = s.programme_id group by p.slug`,
    );
    const stored = new Map(rows.map((r) => [r.slug, r]));
    for (const p of readCatalogue().programmes) {
      const row = stored.get(p.slug);
      const urls = [...new Set(p.sources.map((s) => s.url))].sort();
      expect({ slug: p.slug, total: row?.total, urls: row?.urls.sort() }).toEqual({ slug: p.slug, total: urls.length, urls });
    }
  });

  it("does nothing on a prepared database without force", async () => {
    expect(await prepareDatabase(db)).toEqual({ migrationsApplied: [], territoriesSeeded: 0, catalogueSeeded: false });
  });
});
