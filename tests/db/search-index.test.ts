import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { searchProgrammes } from "../../lib/data/programme-search";
import { CALENDAR_STATUSES } from "../../lib/programmes/calendar-status";
import { programmeSearchSchema } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const found = async (q: string) =>
  (await searchProgrammes(programmeSearchSchema.parse({ q, status: [...CALENDAR_STATUSES], perPage: 100 }))).items.map((i) => i.slug);

describe("the search index follows the catalogue", () => {
  const funderIds: string[] = [];
  afterAll(() => deleteTestFunders(db.prisma, funderIds));

  it("indexes a new programme's title, summary, description and eligibility at once", async () => {
    const funder = await createTestFunder(db.prisma);
    funderIds.push(funder.id);
    const p = await createTestProgramme(db.prisma, funder.id, {
      status: "published", isNational: true,
      title: "Programme zéphyrin", summary: "Résumé quokkavelle", description: "Texte ornithorynquesque", eligibility: ["Critère xylophonique"],
    });
    for (const word of ["zephyrin", "quokkavelle", "ornithorynquesque", "xylophonique"]) expect(await found(word)).toEqual([p.slug]);
  });

  it("follows a funder's new name, and a co-funder's arrival and departure", async () => {
    const funder = await createTestFunder(db.prisma, { name: "Fondation Alambic" });
    const coFunder = await createTestFunder(db.prisma, { name: "Mutuelle Cormoran", acronym: "MCRM" });
    funderIds.push(funder.id, coFunder.id);
    const p = await createTestProgramme(db.prisma, funder.id, { status: "published", isNational: true });
    expect(await found("Alambic")).toEqual([p.slug]);

    await db.prisma.funder.update({ where: { id: funder.id }, data: { name: "Fondation Albatros" } });
    expect(await found("Alambic")).toEqual([]);
    expect(await found("Albatros")).toEqual([p.slug]);

    await db.prisma.programmeCoFunder.create({ data: { programmeId: p.id, funderId: coFunder.id } });
    expect(await found("Cormoran")).toEqual([p.slug]);
    expect(await found("MCRM")).toEqual([p.slug]);
    await db.prisma.programmeCoFunder.deleteMany({ where: { programmeId: p.id } });
    expect(await found("Cormoran")).toEqual([]);
  });

  it("learns a new programme's words for typo correction, and forgets them on refresh once it is gone", async () => {
    const funder = await createTestFunder(db.prisma);
    const coFunder = await createTestFunder(db.prisma);
    funderIds.push(funder.id, coFunder.id);
    const p = await createTestProgramme(db.prisma, funder.id, { status: "published", isNational: true, title: "Accompagnement glossophanique" });
    const typo = await searchProgrammes(programmeSearchSchema.parse({ q: "glosophanique", status: [...CALENDAR_STATUSES] }));
    expect(typo.corrections).toEqual([{ from: "glosophanique", to: "glossophanique" }]);
    expect(typo.items.map((i) => i.slug)).toEqual([p.slug]);

    // Deleting cascades to the co-funders, whose trigger must cope with a programme that is gone.
    await db.prisma.programmeCoFunder.create({ data: { programmeId: p.id, funderId: coFunder.id } });
    await db.prisma.programme.delete({ where: { id: p.id } });
    const words = async () => (await db.sql.query("select word from search_word where word = 'glossophanique'")).length;
    expect(await words()).toBe(1);
    await db.sql.query("select refresh_search_words()");
    expect(await words()).toBe(0);
  });

  it("never shows an unpublished programme", async () => {
    const funder = await createTestFunder(db.prisma);
    funderIds.push(funder.id);
    await createTestProgramme(db.prisma, funder.id, { status: "draft", isNational: true, title: "Brouillon pangolinesque" });
    expect(await found("pangolinesque")).toEqual([]);
    expect((await db.sql.query("select 1 from search_word where word = 'pangolinesque'")).length).toBe(0);
  });
});

describe("the search configuration", () => {
  it("stems French words without their accents", async () => {
    const [row] = await db.sql.query<{ a: string; b: string }>(
      `select to_tsvector('french_unaccent', 'Médiations numériques')::text as a, to_tsvector('french_unaccent', 'mediation numerique')::text as b`,
    );
    expect(row?.a).toBe(row?.b);
  });

  it("weights the title above the summary, the funders and the description", async () => {
    const [row] = await db.sql.query<{ weights: string }>(
      `select string_agg(distinct w, '' order by w) as weights
         from programme p, unnest(p.search_vector) u, unnest(u.weights) w where p.status = 'published'`,
    );
    expect(row?.weights).toBe("ABCD");
  });

  it("holds every published programme's document in the index", async () => {
    const [row] = await db.sql.query<{ count: number }>(
      "select count(*)::int as count from programme where status = 'published' and (search_vector is null or length(search_vector) = 0)",
    );
    expect(row?.count).toBe(0);
  });

  it("seeds the acronyms once however many times it runs", async () => {
    const [row] = await db.sql.query<{ count: number; cnfs: string[] }>(
      "select count(*)::int as count, (select synonyms from search_synonym where term = 'CNFS') as cnfs from search_synonym",
    );
    expect(row?.count).toBeGreaterThanOrEqual(13);
    expect(row?.cnfs).toEqual(expect.arrayContaining(["conseiller numérique France Services"]));
    expect(new Set(row?.cnfs).size).toBe(row?.cnfs.length);
  });
});
