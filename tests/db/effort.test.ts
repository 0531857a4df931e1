import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as effortRoute } from "../../app/api/v1/effort/route";
import { GET as recordsCsvRoute } from "../../app/api/v1/funding-records.csv/route";
import { GET as recordsRoute } from "../../app/api/v1/funding-records/route";
import { parseCsv } from "../../lib/csv";
import type { Database } from "../../lib/db/connect";
import { type EffortGroup, getEffortHeadline, getEffortTotals } from "../../lib/data/effort";
import { effortGroupings } from "../../lib/validation/effort";
import { createTestFunder, deleteTestFunders } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
let funder: { id: string; slug: string };
const slugs: Record<string, string> = {};

// A test funder's records in a far year (2091) and a span (2092–2094), in Brest (commune:29019, Finistère, Bretagne):
// one single amount, one disputed range, one planned amount, one multi-year amount, a breakdown and an overlapping total.
beforeAll(async () => {
  db = await openTestDatabase();
  funder = await createTestFunder(db.prisma, { type: "fondation_privee", name: "Fondation de test de l'effort" });
  const base = { funderId: funder.id, territoryId: "commune:29019", sourceUrls: ["https://example.org/source"] };
  const make = async (key: string, data: Record<string, unknown>) => {
    slugs[key] = uniqueSlug(`test-montant-${key}`);
    const row = await db.prisma.fundingRecord.create({
      data: { slug: slugs[key], label: `Montant de test ${key}`, yearStart: 2091, yearEnd: 2091, ...base, ...data },
      select: { id: true },
    });
    return row.id;
  };
  const single = await make("single", { amount: 1000, kind: "committed" });
  await make("range", { amountLow: 200, amountHigh: 500, kind: "spent" });
  await make("planned", { amount: 7000, kind: "planned" });
  await make("span", { amount: 3000, yearStart: 2092, yearEnd: 2094 });
  await make("part", { amount: 400, partOfId: single });
  await make("overlap", { amount: 90000, overlapsOthers: true });
});
afterAll(async () => {
  await db.prisma.fundingRecord.updateMany({ where: { funderId: funder.id }, data: { partOfId: null } });
  await db.prisma.fundingRecord.deleteMany({ where: { funderId: funder.id } });
  await deleteTestFunders(db.prisma, [funder.id]);
  await db?.close();
});

type Expected = { key: string | null; actual_low: number; actual_high: number; planned_low: number; planned_high: number };

/** The sums written independently of lib/data/effort.ts: one query per grouping key expression. */
async function directSums(keyExpr: string, territorial = false): Promise<Map<string | null, Expected>> {
  // Territorial groupings also count, in their territory, the breakdowns of a national total.
  const breakdowns = territorial
    ? `or (k.key is not null and (select p.territory_id from funding_record p where p.id = k.part_of_id) is null)`
    : "";
  const rows = await db.sql.query<Expected>(`
    with keyed as (
      select c.*, coalesce(c.amount, c.amount_low) as lo, coalesce(c.amount, c.amount_high) as hi, ${keyExpr} as key
      from funding_record c
      where c.status = 'published' and c.overlaps_others = false and (c.amount is not null or c.amount_low is not null)
    )
    select k.key,
      coalesce(sum(case when k.kind in ('spent', 'committed') then k.lo end), 0)::float8 as actual_low,
      coalesce(sum(case when k.kind in ('spent', 'committed') then k.hi end), 0)::float8 as actual_high,
      coalesce(sum(case when k.kind = 'planned' then k.lo end), 0)::float8 as planned_low,
      coalesce(sum(case when k.kind = 'planned' then k.hi end), 0)::float8 as planned_high
    from keyed k
    where k.part_of_id is null ${breakdowns}
    group by 1`);
  return new Map(rows.map((r) => [r.key, r]));
}

const direct: Record<(typeof effortGroupings)[number], () => Promise<Map<string | null, Expected>>> = {
  year: () => directSums(`case when c.year_start = c.year_end then c.year_start::text else c.year_start::text || '-' || c.year_end::text end`),
  funderType: () =>
    directSums(
      `(select coalesce((select type::text from funder where id = c.funder_id), c.funder_type::text,
        (select f.type::text from programme p join funder f on f.id = p.funder_id where p.id = c.programme_id)))`,
    ),
  funder: () =>
    directSums(
      `coalesce((select slug from funder where id = c.funder_id), c.funder_label,
        (select f.slug from programme p join funder f on f.id = p.funder_id where p.id = c.programme_id))`,
    ),
  programme: () => directSums(`(select slug from programme where id = c.programme_id)`),
  region: () =>
    directSums(`(select case when t.level = 'region' then t.id else t.region_id end from territory t where t.id = c.territory_id)`, true),
  departement: () =>
    directSums(
      `(select case when t.level = 'departement' then t.id when t.level in ('epci', 'commune') then t.departement_id end
        from territory t where t.id = c.territory_id)`,
      true,
    ),
};

const byKey = (groups: EffortGroup[], key: string | null) => groups.find((g) => g.key === key);

describe("getEffortTotals", () => {
  it.each(effortGroupings)("sums by %s exactly what direct SQL sums", async (groupBy) => {
    const groups = await getEffortTotals({ groupBy });
    const expected = await direct[groupBy]();
    expect(groups.length).toBe(expected.size);
    for (const g of groups) {
      const e = expected.get(g.key);
      expect(e, `group ${g.key}`).toBeDefined();
      expect(g.actual).toEqual({ low: e?.actual_low, high: e?.actual_high });
      expect(g.planned).toEqual({ low: e?.planned_low, high: e?.planned_high });
    }
  });

  it("keeps a disputed amount as a range, and planned money apart from money spent or committed", async () => {
    const group = byKey(await getEffortTotals({ groupBy: "funder" }), funder.slug);
    // 1 000 (committed) + 200–500 (spent, disputed) + 3 000 (2092–2094); 7 000 planned apart;
    // the breakdown (400) and the overlapping total (90 000) left out.
    expect(group?.actual).toEqual({ low: 4200, high: 4500 });
    expect(group?.planned).toEqual({ low: 7000, high: 7000 });
    expect(group?.records).toBe(4);
    expect(group?.disputed).toBe(1);
  });

  it("never splits a multi-year amount: by year, its span is a group of its own", async () => {
    const groups = await getEffortTotals({ groupBy: "year" });
    expect(byKey(groups, "2092-2094")).toMatchObject({ yearStart: 2092, yearEnd: 2094, actual: { low: 3000, high: 3000 }, label: "2092–2094" });
    for (const year of ["2092", "2093", "2094"]) expect(byKey(groups, year)).toBeUndefined();
    expect(byKey(groups, "2091")).toMatchObject({ actual: { low: 1200, high: 1500 }, planned: { low: 7000, high: 7000 } });
  });

  it("gives per-inhabitant figures from the territory's population, and counts a commune's record in its département and région", async () => {
    const [dept] = await db.sql.query<{ population: number }>("select population from territory where id = 'departement:29'");
    const departements = await getEffortTotals({ groupBy: "departement" });
    const finistere = byKey(departements, "departement:29");
    expect(finistere?.population).toBe(dept?.population);
    const [sum] = await db.sql.query<{ low: number; high: number }>(`
      select sum(coalesce(fr.amount, fr.amount_low))::float8 as low, sum(coalesce(fr.amount, fr.amount_high))::float8 as high
      from funding_record fr join territory t on t.id = fr.territory_id
      where (t.id = 'departement:29' or t.departement_id = 'departement:29') and fr.kind <> 'planned'
        and fr.part_of_id is null and not fr.overlaps_others and fr.status = 'published'`);
    expect(finistere?.actualPerInhabitant?.low).toBeCloseTo((sum?.low ?? 0) / (dept?.population ?? 1), 10);
    expect(finistere?.actualPerInhabitant?.high).toBeCloseTo((sum?.high ?? 0) / (dept?.population ?? 1), 10);
    expect(byKey(await getEffortTotals({ groupBy: "region" }), "region:53")?.actual.low).toBeGreaterThanOrEqual(4200);
    expect(byKey(departements, null)?.actualPerInhabitant).toBeNull();
  });

  it("leaves a région's record out of every département (never split across them)", async () => {
    const regional = await db.sql.query<{ total: number }>(`
      select count(*)::int as total from funding_record fr join territory t on t.id = fr.territory_id where t.level = 'region'`);
    expect(regional[0]?.total).toBeGreaterThan(0); // the seed has records of régions (hubs, pass numériques)
    const departements = await getEffortTotals({ groupBy: "departement" });
    const regions = await getEffortTotals({ groupBy: "region" });
    const total = (gs: EffortGroup[]) => gs.reduce((s, g) => s + g.actual.low, 0);
    // Same records placed differently, but for breakdowns of national totals set at a région (counted in it, in no département).
    const [regionalBreakdowns] = await db.sql.query<{ low: number }>(`
      select coalesce(sum(coalesce(fr.amount, fr.amount_low)), 0)::float8 as low
      from funding_record fr join territory t on t.id = fr.territory_id join funding_record p on p.id = fr.part_of_id
      where t.level = 'region' and p.territory_id is null and fr.kind <> 'planned' and fr.status = 'published' and not fr.overlaps_others`);
    expect(regionalBreakdowns?.low).toBeGreaterThan(0); // the seed's first-wave hubs of Occitanie and Nouvelle-Aquitaine
    expect(total(departements) + (regionalBreakdowns?.low ?? 0)).toBeCloseTo(total(regions), 2);
    expect(byKey(departements, null)?.actual.low).toBeGreaterThan(byKey(regions, null)?.actual.low ?? 0);
  });
});

describe("getEffortHeadline", () => {
  it("sums money documented once, planned apart, over the years covered", async () => {
    const headline = await getEffortHeadline();
    const years = await getEffortTotals({ groupBy: "year" });
    expect(headline.actual.low).toBeCloseTo(years.reduce((s, g) => s + g.actual.low, 0), 2);
    expect(headline.planned.high).toBeCloseTo(years.reduce((s, g) => s + g.planned.high, 0), 2);
    const [span] = await db.sql.query<{ first: number; last: number; n: number }>(
      "select min(year_start) as first, max(year_end) as last, count(*)::int as n from funding_record where status = 'published'",
    );
    expect(headline).toMatchObject({ firstYear: span?.first, lastYear: span?.last, records: span?.n });
  });
});

describe("GET /api/v1/funding-records and /api/v1/effort", () => {
  const get = (route: (r: Request) => Promise<Response>, query: string, path = "/api/v1/funding-records") =>
    route(new Request(`http://localhost${path}${query}`));

  it("filters records by year (spans included), funder, funder type and territory", async () => {
    const answer = async (q: string) => (await (await get(recordsRoute, q)).json()) as { total: number; items: { slug: string }[] };
    const mine = (items: { slug: string }[]) => items.map((i) => i.slug).filter((s) => Object.values(slugs).includes(s)).sort();
    expect(mine((await answer(`?funder=${funder.slug}&year=2093`)).items)).toEqual([slugs.span]);
    expect((await answer(`?funder=${funder.slug}`)).total).toBe(6);
    expect(mine((await answer("?territory=departement:29&year=2091&funderType=fondation-privee")).items)).toHaveLength(5);
    expect(mine((await answer("?territory=region:11&year=2091")).items)).toEqual([]);
    const seeded = await answer("?year=2021&funderType=banque-des-territoires");
    expect(seeded.total).toBeGreaterThan(0);
  });

  it("answers 400 naming the parameter, with CORS open and a minute of cache on success", async () => {
    const bad = await get(recordsRoute, "?year=abc");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe("year");
    const unknown = await get(effortRoute, "?groupBy=planet", "/api/v1/effort");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { parameter: string } }).error.parameter).toBe("groupBy");
    expect((await get(effortRoute, "?colour=red", "/api/v1/effort")).status).toBe(400);
    const ok = await get(effortRoute, "?groupBy=departement", "/api/v1/effort");
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    expect(ok.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("exports CSV that parses back to the same records and sums", async () => {
    const csv = await get(recordsCsvRoute, `?funder=${funder.slug}`, "/api/v1/funding-records.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = parseCsv(await csv.text());
    expect(rows).toHaveLength(6);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const range = rows.find((r) => r[col("slug")] === slugs.range);
    expect([range?.[col("montant")], range?.[col("montant_bas")], range?.[col("montant_haut")]]).toEqual(["", "200", "500"]);
    expect(rows.find((r) => r[col("slug")] === slugs.part)?.[col("additionne")]).toBe("non");
    expect((await get(recordsRoute, `?funder=${funder.slug}&format=csv`)).headers.get("content-type")).toMatch(/^text\/csv/);

    const groups = await getEffortTotals({ groupBy: "funderType" });
    const effortCsv = await get(effortRoute, "?groupBy=funderType&format=csv", "/api/v1/effort");
    const [h, ...lines] = parseCsv(await effortCsv.text());
    expect(lines.map((l) => [l[h?.indexOf("cle") ?? 0], Number(l[h?.indexOf("engage_ou_depense_haut") ?? 0])])).toEqual(
      groups.map((g) => [g.key ?? "", g.actual.high]),
    );
  });
});

describe("the database rejects an impossible funding record", () => {
  const insert = (columns: Record<string, unknown>) => {
    const names = Object.keys(columns);
    const values = Object.values(columns);
    return db.sql.query(
      `insert into funding_record (id, slug, label, year_start, year_end, funder_id, source_urls${names.map((n) => `, ${n}`).join("")})
       values (gen_random_uuid(), $1, 'Montant de test', 2091, 2091, $2, '{}'${names.map((_, i) => `, $${i + 3}`).join("")})`,
      [uniqueSlug("test-montant-refuse"), funder.id, ...values],
    );
  };

  it.each([
    ["a range whose low is above its high", { amount_low: 500, amount_high: 200 }],
    ["a range with one bound", { amount_low: 500 }],
    ["an amount and a range together", { amount: 300, amount_low: 200, amount_high: 500 }],
    ["a negative bound", { amount_low: -1, amount_high: 10 }],
    ["a negative amount", { amount: -5 }],
    ["a span ending before it starts", { year_start: 2095, year_end: 2094 }],
  ])("%s", async (_, columns) => {
    const { year_start, year_end, ...rest } = columns as Record<string, unknown>;
    const run =
      year_start !== undefined
        ? db.sql.query(
            `insert into funding_record (id, slug, label, year_start, year_end, funder_id, source_urls, amount)
             values (gen_random_uuid(), $1, 'Montant de test', $2, $3, $4, '{}', 10)`,
            [uniqueSlug("test-montant-refuse"), year_start, year_end, funder.id],
          )
        : insert(rest);
    await expect(run).rejects.toThrow(/violates check constraint|check constraint/i);
  });

  it("a record without a funder, a funder's name or a programme", async () => {
    await expect(
      db.sql.query(
        `insert into funding_record (id, slug, label, year_start, year_end, source_urls, amount, funder_type)
         values (gen_random_uuid(), $1, 'Montant de test', 2091, 2091, '{}', 10, 'autre')`,
        [uniqueSlug("test-montant-refuse")],
      ),
    ).rejects.toThrow(/check constraint/i);
  });

  it("accepts a free-text funder with its type, and a range", async () => {
    const slug = uniqueSlug("test-montant-libre");
    await db.sql.query(
      `insert into funding_record (id, slug, label, year_start, year_end, source_urls, amount_low, amount_high, funder_label, funder_type)
       values (gen_random_uuid(), $1, 'Montant de test', 2091, 2091, '{}', 10, 20, '17 EPCI partenaires', 'commune-epci')`,
      [slug],
    );
    await db.sql.query("delete from funding_record where slug = $1", [slug]);
  });
});
