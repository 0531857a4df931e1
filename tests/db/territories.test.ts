import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { availableInWhere, getTerritory } from "../../lib/data/territories";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

const OFFICIAL_REGIONS = ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"];

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe("territory hierarchy", () => {
  it("loads every région, département, EPCI and commune of the official geography", async () => {
    const rows = await db.sql.query<{ level: string; count: number }>(
      "select level::text, count(*)::int as count from territory group by level order by level",
    );
    const counts = Object.fromEntries(rows.map((r) => [r.level, r.count]));
    expect(counts.region).toBeGreaterThanOrEqual(18);
    expect(counts.departement).toBeGreaterThanOrEqual(101);
    expect(counts.epci).toBeGreaterThan(1200);
    expect(counts.commune).toBeGreaterThan(34_000);
  });

  it("includes the 18 régions and 101 départements", async () => {
    const regions = await db.sql.query<{ code: string }>("select code from territory where level = 'region'");
    expect(regions.map((r) => r.code)).toEqual(expect.arrayContaining(OFFICIAL_REGIONS));
    const [departements] = await db.sql.query<{ count: number }>(
      `select count(*)::int as count from territory where level = 'departement' and (code ~ '^[0-9]{2}$' or code in ('2A', '2B', '971', '972', '973', '974', '976'))`,
    );
    expect(departements?.count).toBe(101);
  });

  it("places Brest (commune 29019) in Brest Métropole, the Finistère and Bretagne", async () => {
    const brest = await getTerritory("commune:29019");
    expect(brest).toMatchObject({ id: "commune:29019", level: "commune", code: "29019", name: "Brest" });
    expect(brest?.ancestors.map((a) => a.id)).toEqual(["epci:242900314", "departement:29", "region:53"]);
    expect(brest?.ancestors.map((a) => a.name)).toEqual([expect.stringMatching(/Brest/), "Finistère", "Bretagne"]);
  });

  it("links every commune's département to the commune's own région", async () => {
    const [row] = await db.sql.query<{ count: number }>(
      `select count(*)::int as count from territory c join territory d on d.id = c.departement_id
       where c.level = 'commune' and c.region_id is distinct from d.region_id`,
    );
    expect(row?.count).toBe(0);
  });

  it("returns null for a territory that does not exist", async () => {
    expect(await getTerritory("commune:00000")).toBeNull();
  });
});

describe("programmes available in a territory", () => {
  const funderIds: string[] = [];
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    const funder = await createTestFunder(db.prisma);
    funderIds.push(funder.id);
    const make = async (key: string, data: Parameters<typeof createTestProgramme>[2]) => {
      slugs[key] = (await createTestProgramme(db.prisma, funder.id, data)).slug;
    };
    await make("national", { isNational: true });
    await make("region", { coverage: ["region:53"] });
    await make("departement", { coverage: ["departement:29"] });
    await make("epci", { coverage: ["epci:242900314"] });
    await make("commune", { coverage: ["commune:29019"] });
    await make("several", { coverage: ["region:11", "commune:29019"] });
    await make("otherRegion", { coverage: ["region:11"] });
    await make("otherDepartementSameRegion", { coverage: ["departement:56"] });
    await make("otherCommuneSameEpci", { coverage: ["commune:29075"] }); // Guipavas, also in Brest Métropole
  });
  afterAll(() => deleteTestFunders(db.prisma, funderIds));

  const availableIn = async (territoryId: string) => {
    const territory = await getTerritory(territoryId);
    if (!territory) throw new Error(`territoire absent : ${territoryId}`);
    const rows = await db.prisma.programme.findMany({
      where: { AND: [availableInWhere(territory), { slug: { in: Object.values(slugs) } }] },
      select: { slug: true },
    });
    const keyOf = new Map(Object.entries(slugs).map(([key, slug]) => [slug, key]));
    return rows.map((r) => keyOf.get(r.slug)).sort();
  };

  it("for a commune in an EPCI, are the national ones and those covering its région, département, EPCI or itself", async () => {
    expect(await availableIn("commune:29019")).toEqual(
      ["commune", "departement", "epci", "national", "region", "several"].sort(),
    );
  });

  it("for an EPCI, exclude the programmes of its member communes", async () => {
    expect(await availableIn("epci:242900314")).toEqual(["departement", "epci", "national", "region"].sort());
  });

  it("for a région elsewhere, are only the national ones and its own", async () => {
    expect(await availableIn("region:11")).toEqual(["national", "otherRegion", "several"].sort());
  });
});
