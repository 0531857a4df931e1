import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromEnumKey } from "../../lib/codes";
import { getFundingMap } from "../../lib/data/funding-map";
import { searchProgrammes } from "../../lib/data/programme-search";
import type { Database } from "../../lib/db/connect";
import { layoutGraph } from "../../lib/funding-map/layout";
import type { FundingMapModel } from "../../lib/funding-map/model";
import { CALENDAR_STATUSES } from "../../lib/programmes/calendar-status";
import { programmeSearchSchema, type ProgrammeSearchInput } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
const funders: string[] = [];
let finistere = "";
let lyonOnly = "";
beforeAll(async () => {
  db = await openTestDatabase();
  // Two programmes of our own: one for the Finistère's tiers-lieux, one for Lyon's.
  const funder = await createTestFunder(db.prisma, { status: "published", type: "departement", name: "Financeur de test de la carte" });
  funders.push(funder.id);
  finistere = (await createTestProgramme(db.prisma, funder.id, {
    status: "published", title: "Carte : tiers-lieux du Finistère", coverage: ["departement:29"],
    beneficiaries: ["tiers_lieu"], financed: ["equipement"], recurrence: "permanent",
  })).slug;
  lyonOnly = (await createTestProgramme(db.prisma, funder.id, {
    status: "published", title: "Carte : associations lyonnaises", coverage: ["commune:69123"],
    beneficiaries: ["association"], financed: ["fonctionnement"], recurrence: "permanent",
  })).slug;
});
afterAll(async () => {
  if (db) await deleteTestFunders(db.prisma, funders);
  await db?.close();
});

const now = new Date();
const ALL_STATUSES = [...CALENDAR_STATUSES];

/** Every programme the search gives for these filters (all its pages). */
async function searched(input: ProgrammeSearchInput) {
  const slugs: string[] = [];
  for (let page = 1; ; page += 1) {
    const r = await searchProgrammes(programmeSearchSchema.parse({ ...input, perPage: "100", page: String(page) }), { now });
    slugs.push(...r.items.map((i) => i.slug));
    if (slugs.length >= r.total || r.items.length === 0) return { slugs: slugs.sort(), total: r.total, funders: new Set(r.items.map((i) => i.funder.slug)) };
  }
}

const slugsOf = (m: FundingMapModel) => m.types.flatMap((t) => t.funders.flatMap((f) => f.programmes.map((p) => p.slug))).sort();

describe("getFundingMap", () => {
  it("without filters, holds what the search holds (closed calls left out), counted alike at every level and in the graph", async () => {
    const { model } = await getFundingMap({ beneficiary: [], status: [] }, { now });
    const search = await searched({});
    expect(slugsOf(model)).toEqual(search.slugs);
    expect(model.totals.programmes).toBe(search.total);
    expect(model.types.reduce((s, t) => s + t.programmeCount, 0)).toBe(search.total);
    expect(model.totals.funders).toBe(model.types.reduce((s, t) => s + t.funders.length, 0));
    for (const t of model.types) expect(t.programmeCount).toBe(t.funders.reduce((s, f) => s + f.programmes.length, 0));
    expect(model.types.flatMap((t) => t.funders).every((f) => f.programmes.every((p) => p.status !== "closed"))).toBe(true);
    // The graph, every type unfolded, has a node per funder and per programme of the lists.
    const graph = layoutGraph(model, new Set(model.types.map((t) => `type:${t.code}`)));
    expect(graph.nodes.filter((n) => n.kind === "programme")).toHaveLength(model.totals.programmes);
    expect(graph.nodes.filter((n) => n.kind === "funder")).toHaveLength(model.totals.funders);
    expect(graph.nodes.filter((n) => n.kind === "type")).toHaveLength(model.totals.types);
  });

  it("gives the same map through the search's cache (the page's path) as computed afresh", async () => {
    const cached = await getFundingMap({ beneficiary: [], status: ALL_STATUSES });
    const fresh = await getFundingMap({ beneficiary: [], status: ALL_STATUSES }, { now });
    expect(slugsOf(cached.model)).toEqual(slugsOf(fresh.model));
    expect(cached.model.totals).toEqual(fresh.model.totals);
  });

  it("reads who may apply and what is financed as the database has them", async () => {
    const { model } = await getFundingMap({ beneficiary: [], status: ALL_STATUSES }, { now });
    const rows = await db.prisma.programme.findMany({ where: { status: "published" }, select: { slug: true, beneficiaries: true, financed: true } });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    const programmes = model.types.flatMap((t) => t.funders.flatMap((f) => f.programmes));
    expect(programmes.length).toBe(rows.length);
    for (const p of programmes) {
      const row = bySlug.get(p.slug)!;
      expect([...p.beneficiaries].sort()).toEqual(row.beneficiaries.map(fromEnumKey).sort());
      expect([...p.financed].sort()).toEqual(row.financed.map(fromEnumKey).sort());
    }
    expect(model.beneficiaries.find((b) => b.code === "tiers-lieu")?.count).toBe(programmes.filter((p) => p.beneficiaries.includes("tiers-lieu")).length);
  });

  it("filters by territory with its hierarchy: a commune keeps the national programmes and those of its EPCI, département and région", async () => {
    const { model, territory } = await getFundingMap({ territory: "commune:29019", beneficiary: [], status: ALL_STATUSES }, { now });
    expect(territory).toMatchObject({ id: "commune:29019", name: "Brest" });
    expect(slugsOf(model)).toEqual((await searched({ territory: "commune:29019", status: ALL_STATUSES })).slugs);
    // Independently: national, or covering Brest, its EPCI, the Finistère or Brittany.
    const brest = await db.prisma.territory.findUniqueOrThrow({ where: { id: "commune:29019" }, select: { epciId: true, departementId: true, regionId: true } });
    const ids = ["commune:29019", brest.epciId, brest.departementId, brest.regionId].filter((x): x is string => Boolean(x));
    const expected = await db.prisma.programme.findMany({
      where: { status: "published", OR: [{ isNational: true }, { coverage: { some: { territoryId: { in: ids } } } }] },
      select: { slug: true },
    });
    expect(slugsOf(model)).toEqual(expected.map((p) => p.slug).sort());
    expect(slugsOf(model)).toContain(finistere);
    expect(slugsOf(model)).not.toContain(lyonOnly);
  });

  it("filters by beneficiary and by status as the search does", async () => {
    const tiers = await getFundingMap({ beneficiary: ["tiers-lieu"], status: ALL_STATUSES }, { now });
    expect(slugsOf(tiers.model)).toEqual((await searched({ beneficiary: ["tiers-lieu"], status: ALL_STATUSES })).slugs);
    expect(slugsOf(tiers.model)).toContain(finistere);
    const all = tiers.model.types.flatMap((t) => t.funders.flatMap((f) => f.programmes));
    expect(all.every((p) => p.beneficiaries.includes("tiers-lieu"))).toBe(true);

    const closed = await getFundingMap({ beneficiary: [], status: ["closed"] }, { now });
    expect(slugsOf(closed.model)).toEqual((await searched({ status: ["closed"] })).slugs);
    expect(closed.model.totals.programmes).toBeGreaterThan(0);
    expect(closed.model.types.flatMap((t) => t.funders.flatMap((f) => f.programmes)).every((p) => p.status === "closed")).toBe(true);

    const both = await getFundingMap({ territory: "commune:69123", beneficiary: ["association"], status: ["permanent"] }, { now });
    expect(slugsOf(both.model)).toEqual((await searched({ territory: "commune:69123", beneficiary: ["association"], status: ["permanent"] })).slugs);
    expect(slugsOf(both.model)).toContain(lyonOnly);
    // The facet counts are the search's: choosing « Permanent » alone would give this many.
    expect(both.facets.status.find((s) => s.value === "permanent")?.count).toBe(both.model.totals.programmes);
  });
});
