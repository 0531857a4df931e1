import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { FUNDER_FACET_SIZE, searchProgrammes } from "../../lib/data/programme-search";
import { programmeSearchSchema } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe("the funder facet", () => {
  const funderIds: string[] = [];
  afterAll(() => deleteTestFunders(db.prisma, funderIds));

  it("lists the most present funders only, plus the ones chosen, each with its count", async () => {
    // FUNDER_FACET_SIZE + 5 funders of a word no other programme holds: the first funder funds 3
    // programmes, the others 1; names sort in creation order.
    const funders = [];
    for (let i = 0; i < FUNDER_FACET_SIZE + 5; i++) {
      const funder = await createTestFunder(db.prisma, { name: `Fondation Wombat ${String(i).padStart(3, "0")}` });
      funderIds.push(funder.id);
      funders.push(funder);
      for (let k = 0; k < (i === 0 ? 3 : 1); k++) {
        await createTestProgramme(db.prisma, funder.id, { status: "published", isNational: true, title: `Programme wombatesque ${i}-${k}` });
      }
    }
    const facet = (await searchProgrammes(programmeSearchSchema.parse({ q: "wombatesque" }))).facets.funder;
    expect(facet).toHaveLength(FUNDER_FACET_SIZE);
    expect(facet[0]).toMatchObject({ value: funders[0]?.slug, count: 3 });
    const last = funders.at(-1)?.slug as string;
    expect(facet.map((f) => f.value)).not.toContain(last);

    const chosen = await searchProgrammes(programmeSearchSchema.parse({ q: "wombatesque", funder: [last] }));
    expect(chosen.total).toBe(1);
    expect(chosen.facets.funder).toHaveLength(FUNDER_FACET_SIZE + 1);
    expect(chosen.facets.funder.find((f) => f.value === last)).toMatchObject({ count: 1 });
  });
});
