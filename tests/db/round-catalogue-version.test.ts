import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { searchProgrammes } from "../../lib/data/programme-search";
import { catalogueVersion } from "../../lib/data/search-cache";
import { programmeSearchSchema } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const NOW = new Date();
/** The 15th, at noon UTC, `k` months before NOW: never near a Paris month's edge. */
const monthsAgo = (k: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - k, 15, 12));
const WORD = `ornithorynque${Date.now().toString(36)}`;

describe("a programme's rounds and the catalogue's version (migration 20261206190000_round_catalogue_version)", () => {
  const funderIds: string[] = [];
  let programmeId = "";
  let slug = "";
  beforeAll(async () => {
    const funder = await createTestFunder(db.prisma, { name: "Fondation des éditions" });
    funderIds.push(funder.id);
    // A call closed by a curator, one past edition, no recurrence: no predicted reopening yet.
    const p = await createTestProgramme(db.prisma, funder.id, {
      status: "published",
      isNational: true,
      title: `Appel ${WORD}`,
      isClosed: true,
      rounds: { create: [{ label: "Édition −21", opensAt: monthsAgo(21), closesAt: monthsAgo(19) }] },
    });
    programmeId = p.id;
    slug = p.slug;
  });
  afterAll(() => deleteTestFunders(db.prisma, funderIds));

  const expected = async () =>
    (await searchProgrammes(programmeSearchSchema.parse({ q: WORD, status: "expected" }), { now: NOW })).items.map((i) => i.slug);

  it("is bumped by a round inserted, changed or deleted alone, and the search's index follows", async () => {
    expect(await expected()).toEqual([]);

    let version = await catalogueVersion(db.sql);
    // A second edition a year after the first: a yearly rhythm, so a predicted reopening.
    const round = await db.prisma.programmeRound.create({ data: { programmeId, label: "Édition −9", opensAt: monthsAgo(9), closesAt: monthsAgo(7) } });
    expect(await catalogueVersion(db.sql)).not.toBe(version);
    expect(await expected()).toEqual([slug]);

    version = await catalogueVersion(db.sql);
    // Moved five months away: no yearly rhythm any more.
    await db.prisma.programmeRound.update({ where: { id: round.id }, data: { opensAt: monthsAgo(14), closesAt: monthsAgo(12) } });
    expect(await catalogueVersion(db.sql)).not.toBe(version);
    expect(await expected()).toEqual([]);

    version = await catalogueVersion(db.sql);
    await db.prisma.programmeRound.delete({ where: { id: round.id } });
    expect(await catalogueVersion(db.sql)).not.toBe(version);
  });
});
