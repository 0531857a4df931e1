import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/connect";
import { searchProgrammes } from "../../lib/data/programme-search";
import { cached, catalogueVersion } from "../../lib/data/search-cache";
import { programmeSearchSchema } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const search = (params: Record<string, unknown>) => searchProgrammes(programmeSearchSchema.parse(params));

describe("the search cache", () => {
  const funderIds: string[] = [];
  afterAll(() => deleteTestFunders(db.prisma, funderIds));

  it("serves the same search twice from one computation", async () => {
    const first = await search({ q: "médiation", perPage: 7 });
    expect(await search({ q: "médiation", perPage: 7 })).toBe(first);
    expect(await search({ q: "médiation", perPage: 8 })).not.toBe(first);
  });

  it("computes again when the search is given a time (tests, previews)", async () => {
    const params = programmeSearchSchema.parse({ q: "équipement" });
    const now = new Date();
    expect(await searchProgrammes(params, { now })).not.toBe(await searchProgrammes(params, { now }));
  });

  it("never outlives a change of the catalogue: a programme, its coverage, a funder", async () => {
    const funder = await createTestFunder(db.prisma, { name: "Fondation Pélican", type: "entreprise" });
    funderIds.push(funder.id);
    const p = await createTestProgramme(db.prisma, funder.id, { status: "published", isNational: false, title: "Programme ptérodactyle" });
    const slugs = async (params: Record<string, unknown>) => (await search(params)).items.map((i) => i.slug);

    const version = await catalogueVersion(db.sql);
    expect(await slugs({ q: "ptérodactyle", territory: "commune:29019" })).toEqual([]);
    await db.prisma.programmeTerritory.create({ data: { programmeId: p.id, territoryId: "commune:29019" } });
    expect(await catalogueVersion(db.sql)).not.toBe(version);
    expect(await slugs({ q: "ptérodactyle", territory: "commune:29019" })).toEqual([p.slug]);

    await db.prisma.programme.update({ where: { id: p.id }, data: { status: "archived" } });
    expect(await slugs({ q: "ptérodactyle", territory: "commune:29019" })).toEqual([]);

    await db.prisma.programme.update({ where: { id: p.id }, data: { status: "published" } });
    const funders = async () => (await search({ funderType: "entreprise" })).facets.funder.map((f) => f.value);
    expect(await funders()).toContain(funder.slug);
    await db.prisma.funder.update({ where: { id: funder.id }, data: { type: "autre" } });
    expect(await funders()).not.toContain(funder.slug);
  });
});

describe("the search cache over time", () => {
  afterEach(() => vi.useRealTimers());

  it("serves last minute's answer once while computing this minute's, and nothing older", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T10:00:10Z"));
    let computed = 0;
    let release: () => void = () => undefined;
    const compute = () => {
      computed += 1;
      const n = computed;
      // The second computation waits until the test releases it.
      return n === 2 ? new Promise<number>((resolve) => { release = () => resolve(n); }) : Promise.resolve(n);
    };
    const key = `test-swr-${Math.random()}`;

    expect(await cached(db.sql, key, compute)).toBe(1);
    expect(await cached(db.sql, key, compute)).toBe(1);
    expect(computed).toBe(1);

    // Next minute: the old answer at once, and one computation started in the background.
    vi.setSystemTime(new Date("2026-12-02T10:01:05Z"));
    expect(await cached(db.sql, key, compute)).toBe(1);
    expect(await cached(db.sql, key, compute)).toBe(1);
    expect(computed).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cached(db.sql, key, compute)).toBe(2);
    expect(computed).toBe(2);

    // Three minutes later, nobody having asked: computed again before answering.
    vi.setSystemTime(new Date("2026-12-02T10:04:00Z"));
    expect(await cached(db.sql, key, compute)).toBe(3);
  });

  it("forgets a computation that failed, and tries again", async () => {
    const key = `test-fail-${Math.random()}`;
    await expect(cached(db.sql, key, () => Promise.reject(new Error("panne")))).rejects.toThrow("panne");
    expect(await cached(db.sql, key, () => Promise.resolve("ok"))).toBe("ok");
  });
});
