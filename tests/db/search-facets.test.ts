import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toEnumKey } from "../../lib/codes";
import type { Database } from "../../lib/db/connect";
import { calendarStatusWhere } from "../../lib/data/calendar-filters";
import { searchProgrammes } from "../../lib/data/programme-search";
import { availableInWhere, getTerritory } from "../../lib/data/territories";
import type { Prisma } from "../../lib/generated/prisma/client";
import { CALENDAR_STATUSES, calendarStatus } from "../../lib/programmes/calendar-status";
import { predictReopening, SEARCH_STATUSES } from "../../lib/programmes/reopening";
import { type ProgrammeSearch, type ProgrammeSearchInput, programmeSearchSchema } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const now = new Date("2023-09-01T10:00:00Z");
const FACET_NAMES = ["funderType", "funder", "beneficiary", "finances", "aidKind", "status"] as const;

/**
 * The same search written independently with Prisma's query builder and the Prisma twin of the
 * calendar rule: the counts of the SQL search must agree with it. Words are matched by the search
 * itself (the query builder has no full-text search): their result set is passed as a slug list.
 */
async function directCount(search: ProgrammeSearch): Promise<number> {
  const and: Prisma.ProgrammeWhereInput[] = [{ status: "published" }];
  if (search.q) {
    const all = await searchProgrammes({ ...programmeSearchSchema.parse({ q: search.q }), status: [...CALENDAR_STATUSES], perPage: 100 }, { now });
    and.push({ slug: { in: all.items.map((i) => i.slug) } });
  }
  if (search.territory) {
    const territory = await getTerritory(search.territory);
    if (!territory) throw new Error(search.territory);
    and.push(availableInWhere(territory));
  }
  if (search.amountMin !== undefined) {
    and.push({ OR: [{ amountMax: { gte: search.amountMin } }, { amountMax: null, amountTotal: { gte: search.amountMin } }] });
  }
  if (search.funderType.length) and.push({ funder: { type: { in: search.funderType.map(toEnumKey) } } });
  if (search.funder.length) {
    and.push({ OR: [{ funder: { slug: { in: search.funder } } }, { coFunders: { some: { funder: { slug: { in: search.funder } } } } }] });
  }
  if (search.beneficiary.length) and.push({ beneficiaries: { hasSome: search.beneficiary.map(toEnumKey) } });
  if (search.finances.length) and.push({ financed: { hasSome: search.finances.map(toEnumKey) } });
  if (search.aidKind.length) and.push({ aidKinds: { hasSome: search.aidKind.map(toEnumKey) } });
  const statuses = search.status.length ? search.status : CALENDAR_STATUSES.filter((s) => s !== "closed");
  const expected = statuses.includes("expected") ? await expectedSlugs() : [];
  and.push({
    OR: statuses.map((s) => (s === "expected" ? { slug: { in: expected } } : calendarStatusWhere(s, now))),
  });
  return db.prisma.programme.count({ where: { AND: and } });
}

/** The programmes whose reopening is predicted, each read with its rounds and given to the rule. */
async function expectedSlugs(): Promise<string[]> {
  const programmes = await db.prisma.programme.findMany({
    where: { status: "published" },
    select: { slug: true, opensAt: true, closesAt: true, isClosed: true, recurrence: true, rounds: { select: { opensAt: true, closesAt: true } } },
  });
  return programmes.filter((p) => predictReopening({ ...p, status: calendarStatus(p, now) }, now)).map((p) => p.slug);
}

const bases: [string, ProgrammeSearchInput][] = [
  ["no filter", {}],
  ["Brest, association, subsidies", { territory: "commune:29019", beneficiary: "association", aidKind: ["subvention", "appel-a-projets"] }],
  ["« numérique », equipment or staff, closed included", { q: "numérique", finances: ["equipement", "postes-mediateurs"], status: ["open", "closed"] }],
  ["foundations and State, at least 10 000 €", { funderType: ["fondation-privee", "etat"], amountMin: 10000, status: [...CALENDAR_STATUSES] }],
  ["open or expected to reopen", { status: ["open", "expected"] }],
];

describe.each(bases)("the facets of a search (%s)", (_, input) => {
  const base = programmeSearchSchema.parse(input);

  it("give a total equal to the direct count", async () => {
    expect((await searchProgrammes(base, { now })).total).toBe(await directCount(base));
  });

  it.each(FACET_NAMES)("give for each value of %s the number of results choosing that value alone gives", async (facet) => {
    const { facets } = await searchProgrammes(base, { now });
    expect(facets[facet].length).toBeGreaterThan(0);
    for (const option of facets[facet]) {
      const chosen = { ...base, [facet]: [option.value] };
      const total = (await searchProgrammes(chosen, { now })).total;
      expect({ value: option.value, count: option.count }).toEqual({ value: option.value, count: total });
      expect({ value: option.value, count: option.count }).toEqual({ value: option.value, count: await directCount(chosen) });
    }
  });
});

describe("the facets' values", () => {
  it("list every code with its French label, and the funders found, busiest first", async () => {
    const { facets } = await searchProgrammes(programmeSearchSchema.parse({}), { now });
    expect(facets.finances.find((f) => f.value === "postes-mediateurs")?.label).toBe("Postes de médiateurs");
    expect(facets.status.map((s) => s.value)).toEqual([...SEARCH_STATUSES]);
    expect(facets.status.find((s) => s.value === "expected")?.label).toBe("Réouverture attendue");
    expect(facets.status.find((s) => s.value === "closing-soon")?.label).toBe("Clôture proche");
    expect(facets.funder.every((f) => f.count > 0 && f.label.length > 0)).toBe(true);
    const counts = facets.funder.map((f) => f.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("keep a chosen funder in the list even when nothing matches, so it can be unticked", async () => {
    const { facets, total } = await searchProgrammes(
      programmeSearchSchema.parse({ funder: "fondation-sfr", territory: "commune:29019", funderType: "region" }),
      { now },
    );
    expect(total).toBe(0);
    expect(facets.funder.find((f) => f.value === "fondation-sfr")).toMatchObject({ label: "Fondation SFR" });
  });
});

describe("a programme listing a value twice", () => {
  let funderId = "";
  beforeAll(async () => {
    const funder = await createTestFunder(db.prisma, { slug: `test-doublon-${Date.now().toString(36)}` });
    funderId = funder.id;
    const p = await createTestProgramme(db.prisma, funder.id, {
      status: "published", isNational: true, title: "Programme redondantissime",
      financed: ["equipement", "equipement"], beneficiaries: ["association", "association"],
    });
    await db.prisma.programmeCoFunder.create({ data: { programmeId: p.id, funderId: funder.id } });
  });
  afterAll(() => deleteTestFunders(db.prisma, [funderId]));

  it("is counted once in each facet", async () => {
    const { total, facets } = await searchProgrammes(programmeSearchSchema.parse({ q: "redondantissime" }), { now });
    expect(total).toBe(1);
    expect(facets.finances.find((f) => f.value === "equipement")?.count).toBe(1);
    expect(facets.beneficiary.find((f) => f.value === "association")?.count).toBe(1);
    expect(facets.funder.map((f) => f.count)).toEqual([1]);
  });
});
