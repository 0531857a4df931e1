import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { funderTypes, toEnumKey } from "../../lib/codes";
import type { Database } from "../../lib/db/connect";
import { readCatalogue } from "../../lib/db/seed/catalogue";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe("the seeded catalogue", () => {
  it("has at least 40 published programmes", async () => {
    expect(await db.prisma.programme.count({ where: { status: "published" } })).toBeGreaterThanOrEqual(40);
  });

  it("has funders of every type (except possibly « autre »)", async () => {
    const rows = await db.prisma.funder.groupBy({ by: ["type"] });
    const present = new Set<string>(rows.map((r) => r.type));
    const missing = funderTypes.codes.filter((code) => code !== "autre" && !present.has(toEnumKey(code)));
    expect(missing).toEqual([]);
  });

  it("gives every programme at least one source", async () => {
    const withoutSource = await db.prisma.programme.findMany({
      where: { sources: { none: {} } },
      select: { slug: true },
    });
    expect(withoutSource).toEqual([]);
  });

  it("holds every programme, funder and funding record of prisma/seed-data", async () => {
    const catalogue = readCatalogue();
    const slugs = async (table: "programme" | "funder" | "funding_record") =>
      (await db.sql.query<{ slug: string }>(`select slug from ${table}`)).map((r) => r.slug);
    expect(await slugs("programme")).toEqual(expect.arrayContaining(catalogue.programmes.map((p) => p.slug)));
    expect(await slugs("funder")).toEqual(expect.arrayContaining(catalogue.funders.map((f) => f.slug)));
    expect(await slugs("funding_record")).toEqual(expect.arrayContaining(catalogue.records.map((r) => r.slug)));
  });

  it("keeps each programme's sources in the order of the file", async () => {
    const [first] = readCatalogue().programmes.filter((p) => p.sources.length > 1);
    if (!first) return;
    const stored = await db.prisma.programmeSource.findMany({
      where: { programme: { slug: first.slug } },
      orderBy: { position: "asc" },
      select: { url: true },
    });
    expect(stored.map((s) => s.url)).toEqual(first.sources.map((s) => s.url));
  });

  it("stores a local programme's coverage, and none for a national one", async () => {
    const programmes = readCatalogue().programmes;
    const local = programmes.find((p) => !p.coverage.national);
    const national = programmes.find((p) => p.coverage.national);
    if (local) {
      const rows = await db.prisma.programmeTerritory.findMany({ where: { programme: { slug: local.slug } }, select: { territoryId: true } });
      expect(rows.map((r) => r.territoryId).sort()).toEqual([...new Set(local.coverage.territories)].sort());
    }
    if (national) {
      expect(await db.prisma.programmeTerritory.count({ where: { programme: { slug: national.slug } } })).toBe(0);
    }
  });
});
