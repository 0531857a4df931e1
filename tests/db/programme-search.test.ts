import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { findSimilarProgrammes, type ProgrammeSearchItem, searchProgrammes, searchProgrammesAs } from "../../lib/data/programme-search";
import { DomainError } from "../../lib/errors";
import { CALENDAR_STATUSES, calendarStatus } from "../../lib/programmes/calendar-status";
import { type ProgrammeSearchInput, programmeSearchSchema } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const ALL = [...CALENDAR_STATUSES];
const search = (input: ProgrammeSearchInput, now?: Date) => searchProgrammes(programmeSearchSchema.parse(input), { now });
/** Every published programme matching, whatever its calendar. */
const slugsFor = async (input: ProgrammeSearchInput) =>
  (await search({ status: ALL, perPage: 100, ...input })).items.map((i) => i.slug);

describe("searching the catalogue by words", () => {
  it("finds the conseillers numériques programmes first for « conseillers numériques »", async () => {
    const slugs = await slugsFor({ q: "conseillers numériques" });
    expect(slugs.slice(0, 2).sort()).toEqual([
      "conseillers-numeriques-convention-de-renouvellement-pluriannuelle",
      "conseillers-numeriques-france-services-ami-initial-france-relance",
    ]);
  });

  it("finds the pass numériques calls for « pass numérique »", async () => {
    const slugs = await slugsFor({ q: "pass numérique" });
    // The research batch of 2026-12 adds local pass numérique schemes (Lens-Liévin first among them).
    expect(slugs.slice(0, 3)).toEqual(
      expect.arrayContaining(["appel-a-projets-deploiement-des-pass-numeriques-2019", "appel-a-projets-pass-numerique-2020"]),
    );
  });

  it("ignores accents and case: « MEDIATION » finds what « médiation » finds", async () => {
    const accented = await slugsFor({ q: "médiation" });
    expect(accented.length).toBeGreaterThan(3);
    expect(await slugsFor({ q: "MEDIATION" })).toEqual(accented);
    expect(await slugsFor({ q: "mediation" })).toEqual(accented);
  });

  it("corrects a typo to the nearest word of the catalogue: « mediaton numerique »", async () => {
    const result = await search({ q: "mediaton numerique", status: ALL, perPage: 100 });
    expect(result.corrections).toEqual([{ from: "mediaton", to: "mediation" }]);
    expect(result.items.map((i) => i.slug)).toEqual(await slugsFor({ q: "médiation numérique" }));
    expect(result.items.map((i) => i.slug)).toContain("appel-a-manifestation-d-interet-outiller-la-mediation-numerique");
  });

  it("finds the CNFS by its long name and the long name by the acronym", async () => {
    const byAcronym = await slugsFor({ q: "CNFS" });
    const byName = await slugsFor({ q: "conseiller numérique France Services" });
    expect(byAcronym).toContain("conseillers-numeriques-france-services-ami-initial-france-relance");
    expect(byAcronym).toContain("conseillers-numeriques-convention-de-renouvellement-pluriannuelle");
    expect(byName.sort()).toEqual([...byAcronym].sort());
  });

  it("finds the FEDER calls by « FEDER » and by « fonds européen de développement régional »", async () => {
    const byAcronym = await slugsFor({ q: "FEDER" });
    expect(byAcronym).toContain("feder-bretagne-2021-2027-numerique-pour-toutes-et-tous");
    expect((await slugsFor({ q: "fonds europeen de developpement regional" })).sort()).toEqual([...byAcronym].sort());
  });

  it("finds the pass numériques calls by their other name, APTIC", async () => {
    expect(await slugsFor({ q: "APTIC" })).toEqual(expect.arrayContaining(["appel-a-projets-pass-numerique-2020"]));
  });

  it("requires every word: an unknown word gives nothing", async () => {
    expect(await slugsFor({ q: "médiation zzzxqw" })).toEqual([]);
  });

  it("searches without a text filter when only stop words or punctuation are typed", async () => {
    const everything = (await search({ status: ALL, perPage: 1 })).total;
    expect((await search({ q: "de la", status: ALL, perPage: 1 })).total).toBe(everything);
    expect((await search({ q: "&|!():*' \"", status: ALL, perPage: 1 })).total).toBe(everything);
  });

  it("returns extracts of the description, with the words found marked, as plain text", async () => {
    const { items } = await search({ q: "médiation numérique", status: ALL });
    const extracts = items.flatMap((i) => i.snippet ?? []);
    expect(extracts.some((s) => s.match && /m[ée]diation/i.test(s.text))).toBe(true);
    expect(extracts.map((s) => s.text).join("")).not.toMatch(/[\uE000-\uE002]/);
    expect((await search({ status: ALL })).items.every((i) => i.snippet === null)).toBe(true);
  });

  it("leaves the extracts out when asked (the API does not return them), and only them", async () => {
    const input = programmeSearchSchema.parse({ q: "médiation numérique", status: ALL });
    const withExtracts = await searchProgrammes(input);
    const plain = await searchProgrammesAs(input, "test", (result) => result, { snippets: false });
    expect(plain.items.every((i) => i.snippet === null)).toBe(true);
    expect(withExtracts.items.some((i) => i.snippet !== null)).toBe(true);
    expect(plain.items.map((i) => ({ ...i, snippet: null }))).toEqual(withExtracts.items.map((i) => ({ ...i, snippet: null })));
    expect({ ...plain, items: [] }).toEqual({ ...withExtracts, items: [] });
  });

  it("leaves the territories out when asked (the API does not return them), and only them", async () => {
    const input = programmeSearchSchema.parse({ territory: "commune:29019", perPage: 100 });
    const full = await searchProgrammes(input);
    const lean = await searchProgrammesAs(input, "test", (result) => result, { territories: false });
    // Not an empty comparison: some results do name their territories.
    expect(full.items.some((i) => i.territories.length > 0)).toBe(true);
    expect(lean.items.every((i) => i.territories.length === 0)).toBe(true);
    expect(lean.items.map((i) => ({ ...i, territories: [] }))).toEqual(full.items.map((i) => ({ ...i, territories: [] })));
    expect({ ...lean, items: [] }).toEqual({ ...full, items: [] });
  });

  it("gives the API's pages from the programme index exactly as the database reads them", async () => {
    // Without territories nor extracts the page's programmes come from the index (pageItems()), not
    // from a query: every field must be what the query reads, for every kind of search.
    const now = new Date();
    const inputs: ProgrammeSearchInput[] = [
      { status: ALL, perPage: 100 },
      { status: ALL, perPage: 100, page: 2 },
      { q: "médiation numérique", status: ALL, perPage: 100 },
      { q: "France Services", sort: "amount", perPage: 50 },
      { territory: "commune:29019", sort: "recent", perPage: 100 },
      { finances: ["equipement"], sort: "closing", perPage: 100 },
    ];
    const seen: ProgrammeSearchItem[] = [];
    for (const input of inputs) {
      const parsed = programmeSearchSchema.parse(input);
      const full = await searchProgrammes(parsed, { now });
      const lean = await searchProgrammesAs(parsed, "test-index", (result) => result, { territories: false, snippets: false });
      const plain = (items: typeof full.items) => items.map((i) => ({ ...i, territories: [], snippet: null }));
      expect(plain(lean.items), JSON.stringify(input)).toEqual(plain(full.items));
      expect({ ...lean, items: [] }).toEqual({ ...full, items: [] });
      seen.push(...lean.items);
    }
    // Not an empty comparison: dates, amounts, links, national or not, several financed codes.
    expect(seen.length).toBeGreaterThan(80);
    expect(seen.some((i) => i.opensAt) && seen.some((i) => !i.closesAt) && seen.some((i) => i.closesAt)).toBe(true);
    expect(seen.some((i) => i.amountMax !== null) && seen.some((i) => i.amountMax === null)).toBe(true);
    expect(seen.some((i) => i.isNational) && seen.some((i) => !i.isNational)).toBe(true);
    expect(seen.some((i) => i.applicationUrl) && seen.some((i) => i.financed.length > 1)).toBe(true);
    expect(new Set(seen.map((i) => i.status)).size).toBeGreaterThan(2);
  });
});

describe("searching by territory", () => {
  it("gives Brest (commune 29019) the programmes of Bretagne, of the Finistère, of Brest and the national ones, not those of Hauts-de-France", async () => {
    const slugs = await slugsFor({ territory: "commune:29019" });
    const covering = async (territoryIds: string[]) =>
      (await db.sql.query<{ slug: string }>(
        `select distinct p.slug from programme p join programme_territory pt on pt.programme_id = p.id
          where p.status = 'published' and pt.territory_id = any($1)`,
        [territoryIds],
      )).map((r) => r.slug);
    const national = (await db.sql.query<{ slug: string }>(
      "select slug from programme where status = 'published' and is_national",
    )).map((r) => r.slug);
    const own = await covering(["region:53", "departement:29", "epci:242900314", "commune:29019"]);
    expect(own).toEqual(expect.arrayContaining(["feder-bretagne-2021-2027-numerique-pour-toutes-et-tous", "appel-a-projets-usages-du-numerique-ville-de-brest"]));
    expect(slugs.sort()).toEqual([...new Set([...national, ...own])].sort());
    const hautsDeFrance = (await covering(["region:32"])).filter((s) => !own.includes(s));
    expect(hautsDeFrance.length).toBeGreaterThan(0);
    for (const slug of hautsDeFrance) expect(slugs).not.toContain(slug);
  });

  it("gives a département the programmes covering it and its région", async () => {
    const slugs = await slugsFor({ territory: "departement:29" });
    expect(slugs).toContain("appel-a-projets-numeriques-2022-inclusion-numerique-des-finisteriens");
    expect(slugs).toContain("visa-internet-bretagne-visa-numerique-bretagne");
  });

  it("returns the territory it searched in", async () => {
    expect((await search({ territory: "departement:29" })).territory).toEqual({ id: "departement:29", level: "departement", name: "Finistère" });
    expect((await search({})).territory).toBeNull();
  });

  it("refuses a territory that does not exist with a domain error", async () => {
    const failure = await search({ territory: "commune:00000" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: "unknown_territory", parameter: "territory" });
  });
});

describe("the calendar filter", () => {
  // Today, and days when more of the catalogue's calls were open.
  const instants = [new Date(), new Date("2021-03-15T10:00:00Z"), new Date("2023-09-01T10:00:00Z")];

  it.each(instants)("gives every result the status calendarStatus() gives it (%s)", async (now) => {
    const { items } = await search({ status: ALL, perPage: 100 }, now);
    const rows = await db.prisma.programme.findMany({
      where: { slug: { in: items.map((i) => i.slug) } },
      select: { slug: true, opensAt: true, closesAt: true, isClosed: true, recurrence: true },
    });
    expect(rows).toHaveLength(items.length);
    const expected = new Map(rows.map((r) => [r.slug, calendarStatus(r, now)]));
    for (const item of items) expect([item.slug, item.status]).toEqual([item.slug, expected.get(item.slug)]);
  });

  it.each(instants)("returns only the statuses asked for, and hides closed calls when none is asked (%s)", async (now) => {
    for (const status of ALL) {
      const { items } = await search({ status, perPage: 100 }, now);
      expect(items.every((i) => i.status === status)).toBe(true);
    }
    const { items, facets } = await search({ perPage: 100 }, now);
    expect(items.some((i) => i.status === "closed")).toBe(false);
    expect(facets.status.find((s) => s.value === "closed")?.count).toBeGreaterThan(0);
  });
});

describe("the calendar rule at its boundaries", () => {
  const now = new Date("2030-06-15T12:00:00.000Z");
  const at = (ms: number) => new Date(now.getTime() + ms);
  const DAY = 86_400_000;
  const cases = [
    { word: "closesnow", data: { closesAt: now }, expected: "closing-soon" },
    { word: "closesjustbefore", data: { closesAt: at(-1) }, expected: "closed" },
    { word: "closesin30days", data: { closesAt: at(30 * DAY) }, expected: "closing-soon" },
    { word: "closesafter30days", data: { closesAt: at(30 * DAY + 1) }, expected: "open" },
    { word: "opensnow", data: { opensAt: now, closesAt: at(90 * DAY) }, expected: "open" },
    { word: "opensjustafter", data: { opensAt: at(1), closesAt: at(2 * DAY) }, expected: "upcoming" },
    { word: "permanentundated", data: { recurrence: "permanent" as const }, expected: "permanent" },
    { word: "permanentdated", data: { recurrence: "permanent" as const, closesAt: at(10 * DAY) }, expected: "closing-soon" },
    { word: "unknownrecurrence", data: {}, expected: "open" },
    { word: "declaredclosed", data: { isClosed: true, closesAt: at(10 * DAY) }, expected: "closed" },
  ];
  let funderId = "";
  beforeAll(async () => {
    funderId = (await createTestFunder(db.prisma)).id;
    for (const c of cases) {
      await createTestProgramme(db.prisma, funderId, { status: "published", isNational: true, title: `Calendrier ${c.word}`, ...c.data });
    }
  });
  afterAll(() => deleteTestFunders(db.prisma, [funderId]));

  it.each(cases)("gives « $expected » to the call $word, as calendarStatus() does", async ({ word, data, expected }) => {
    const all = await search({ q: word, status: ALL }, now);
    expect(all.items.map((i) => i.status)).toEqual([expected]);
    expect(calendarStatus({ opensAt: null, closesAt: null, isClosed: false, recurrence: null, ...data }, now)).toBe(expected);
    expect((await search({ q: word, status: expected }, now)).total).toBe(1);
  });

  it("moves each call to its next status at the exact millisecond, searched back and forth in time", async () => {
    // The index computes every status once for the time between two dates of the catalogue:
    // crossing one, either way, must compute them again.
    for (const offset of [0, -1, 0, 1, -2, 30 * DAY + 1, 30 * DAY, 2 * DAY, 0, -10 * DAY, 0]) {
      const instant = at(offset);
      const { items } = await search({ q: "calendrier", status: ALL, perPage: 100 }, instant);
      const ours = items.filter((i) => i.title.startsWith("Calendrier "));
      expect(ours).toHaveLength(cases.length);
      for (const item of ours) {
        const c = cases.find((c) => item.title === `Calendrier ${c.word}`);
        const expected = calendarStatus({ opensAt: null, closesAt: null, isClosed: false, recurrence: null, ...c?.data }, instant);
        expect([offset, item.title, item.status]).toEqual([offset, item.title, expected]);
      }
    }
  });
});

describe("similar programmes", () => {
  const slug = "appel-a-projets-pass-numerique-2020";

  it("share what they finance or who may apply, never include the programme itself, and come open first", async () => {
    const similar = await findSimilarProgrammes(slug, 6);
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(6);
    expect(similar.map((s) => s.slug)).not.toContain(slug);
    const target = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { financed: true, beneficiaries: true } });
    const rows = await db.prisma.programme.findMany({
      where: { slug: { in: similar.map((s) => s.slug) } },
      select: { slug: true, financed: true, beneficiaries: true, status: true },
    });
    for (const row of rows) {
      expect(row.status).toBe("published");
      const shares = row.financed.some((f) => target.financed.includes(f)) || row.beneficiaries.some((b) => target.beneficiaries.includes(b));
      expect([row.slug, shares]).toEqual([row.slug, true]);
    }
    const closed = similar.map((s) => s.status === "closed");
    expect(closed).toEqual([...closed].sort((a, b) => Number(a) - Number(b)));
  });

  it("gives nothing for an unknown programme", async () => {
    expect(await findSimilarProgrammes("programme-inconnu")).toEqual([]);
  });
});

describe("the amount filter", () => {
  it("keeps the programmes whose maximum (or, without one, total) amount reaches the minimum", async () => {
    const { items } = await search({ status: ALL, perPage: 100, amountMin: 20000 });
    const rows = await db.sql.query<{ slug: string }>(
      `select slug from programme where status = 'published' and coalesce(amount_max, amount_total) >= 20000`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(items.map((i) => i.slug).sort()).toEqual(rows.map((r) => r.slug).sort());
    expect(items.every((i) => i.amountMax === null || i.amountMax >= 20000)).toBe(true);
  });
});

describe("sorting and paging", () => {
  const time = (d: Date | null) => d?.getTime() ?? null;

  it("sorts by closing date: running calls first, soonest first, undated last, then closed calls, latest first", async () => {
    const now = new Date("2021-03-15T10:00:00Z");
    const { items } = await search({ status: ALL, perPage: 100, sort: "closing" }, now);
    const running = items.filter((i) => i.status !== "closed");
    const closed = items.filter((i) => i.status === "closed");
    expect(items).toEqual([...running, ...closed]);
    const dated = running.map((i) => time(i.closesAt));
    const firstUndated = dated.indexOf(null);
    expect(dated.slice(firstUndated === -1 ? dated.length : firstUndated).every((t) => t === null)).toBe(true);
    const runningDates = dated.filter((t): t is number => t !== null);
    expect(runningDates).toEqual([...runningDates].sort((a, b) => a - b));
    const closedDates = closed.map((i) => time(i.closesAt)).filter((t): t is number => t !== null);
    expect(closedDates).toEqual([...closedDates].sort((a, b) => b - a));
  });

  it("sorts by closing date when there are no words, by relevance when there are", async () => {
    const slugs = async (input: ProgrammeSearchInput) => (await search({ status: ALL, perPage: 100, ...input })).items.map((i) => i.slug);
    expect(await slugs({})).toEqual(await slugs({ sort: "closing" }));
    expect(await slugs({ q: "numérique inclusion" })).toEqual(await slugs({ q: "numérique inclusion", sort: "relevance" }));
    expect(await slugs({ q: "numérique inclusion" })).not.toEqual(await slugs({ q: "numérique inclusion", sort: "closing" }));
  });

  it("sorts by amount, largest first, unknown amounts last", async () => {
    const amounts = (await search({ status: ALL, perPage: 100, sort: "amount" })).items.map((i) => i.amountMax);
    const known = amounts.filter((a): a is number => a !== null);
    expect(known.length).toBeGreaterThan(3);
    expect(amounts.slice(0, known.length)).toEqual([...known].sort((a, b) => b - a));
  });

  it("sorts the most recently published first", async () => {
    const { items } = await search({ status: ALL, perPage: 100, sort: "recent" });
    const rows = await db.prisma.programme.findMany({ where: { status: "published" }, select: { slug: true, publishedAt: true, updatedAt: true } });
    const byslug = new Map(rows.map((r) => [r.slug, r]));
    const keys = items.map((i) => [byslug.get(i.slug)?.publishedAt?.getTime() ?? -Infinity, byslug.get(i.slug)?.updatedAt.getTime() ?? 0]);
    for (let k = 1; k < keys.length; k++) {
      const [pa, ua] = keys[k - 1] as [number, number];
      const [pb, ub] = keys[k] as [number, number];
      expect(pa > pb || (pa === pb && ua >= ub)).toBe(true);
    }
  });

  it("splits the results into pages that neither overlap nor skip", async () => {
    const all = (await search({ status: ALL, perPage: 100 })).items.map((i) => i.slug);
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 7); page++) {
      const result = await search({ status: ALL, perPage: 7, page });
      expect(result).toMatchObject({ page, perPage: 7, total: all.length });
      paged.push(...result.items.map((i) => i.slug));
    }
    expect(paged).toEqual(all);
    expect((await search({ status: ALL, page: 999 })).items).toEqual([]);
  });
});
