import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import {
  findCaseStudiesForFunder,
  findCaseStudiesForProgramme,
  getCaseStudyBySlug,
  listCaseStudies,
  listCaseStudyPaths,
} from "../../lib/data/case-studies";
import { readCaseStudies, seedCaseStudies } from "../../lib/db/seed/case-studies";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const seeded = readCaseStudies();

describe("case studies seed", () => {
  it("loads the 14 case studies, published, with their sources and territories", async () => {
    const rows = await db.prisma.caseStudy.findMany({ where: { slug: { in: seeded.map((c) => c.slug) } }, select: { slug: true, status: true, sourceUrls: true, territoryId: true } });
    expect(rows).toHaveLength(14);
    for (const c of seeded) {
      const row = rows.find((r) => r.slug === c.slug);
      expect(row).toMatchObject({ status: "published", sourceUrls: c.sourceUrls, territoryId: c.territory });
    }
  });

  it("links exactly the funders and programmes the file maps, and no other", async () => {
    for (const c of seeded) {
      const row = await db.prisma.caseStudy.findUniqueOrThrow({
        where: { slug: c.slug },
        select: { funders: { select: { funder: { select: { slug: true } } } }, programmes: { select: { programme: { select: { slug: true } } } } },
      });
      const funders = [...new Set(c.funders.flatMap((f) => (f.slug ? [f.slug] : [])))].sort();
      const programmes = [...new Set([...c.programmes.flatMap((p) => (p.slug ? [p.slug] : [])), ...c.alsoProgrammes])].sort();
      expect(row.funders.map((f) => f.funder.slug).sort(), c.slug).toEqual(funders);
      expect(row.programmes.map((p) => p.programme.slug).sort(), c.slug).toEqual(programmes);
    }
  });

  it("keeps every name the sources cite, the unlinked ones included, in the body", async () => {
    const c = seeded.find((s) => s.slug === "rhinocc-hub-occitanie-la-melee")!;
    const row = await db.prisma.caseStudy.findUniqueOrThrow({ where: { slug: c.slug }, select: { body: true } });
    expect(row.body.startsWith(c.body.trim())).toBe(true);
    for (const name of ["AG2R La Mondiale", "Programme Société numérique (ANCT)", "Pass numérique"]) expect(row.body).toContain(name);
    expect(row.body).toContain("**Années citées** : 2019, 2021, 2023");
  });

  it("is idempotent: seeding again changes no count", async () => {
    const counts = async () => Promise.all([db.prisma.caseStudy.count(), db.prisma.caseStudyFunder.count(), db.prisma.caseStudyProgramme.count()]);
    const before = await counts();
    await seedCaseStudies(db.prisma);
    expect(await counts()).toEqual(before);
  });
});

describe("case studies pages' data", () => {
  it("lists the published case studies with territory and linked funders", async () => {
    const list = await listCaseStudies();
    const breton = list.find((c) => c.slug === "hub-bretagne-consortium-centres-sociaux");
    expect(breton).toMatchObject({ territory: { id: "region:53", name: "Bretagne" }, funders: [{ slug: "banque-des-territoires" }] });
  });

  it("gives a case study's body, sources and links to the catalogue", async () => {
    const c = await getCaseStudyBySlug("ma-fabrique-mobile-feder-seine-amont");
    expect(c?.programmes.map((p) => p.slug)).toEqual(["feder-ile-de-france-iti-seine-amont-ma-fabrique-mobile"]);
    expect(c?.funders.map((f) => f.slug)).toEqual(["feder-react-eu"]);
    expect(c?.sourceUrls.length).toBeGreaterThan(0);
  });

  it("links both ways: a programme and a funder list the case studies that rely on them", async () => {
    const forHubs = await findCaseStudiesForProgramme("appel-a-projets-hubs-france-connectee-1re-vague");
    expect(forHubs.map((c) => c.slug).sort()).toEqual(["hubikoop-modele-hybride-nouvelle-aquitaine", "rhinocc-hub-occitanie-la-melee"]);
    const forVaucluse = await findCaseStudiesForFunder("departement-vaucluse");
    expect(forVaucluse.map((c) => c.slug)).toEqual(["vaucluse-resain-appel-a-projets-mutualise"]);
    for (const c of [...forHubs, ...forVaucluse]) {
      const page = await getCaseStudyBySlug(c.slug);
      expect(page).not.toBeNull();
    }
  });

  it("hides a case study that is not published, everywhere", async () => {
    const slug = uniqueSlug("test-retour");
    const programme = await db.prisma.programme.findUniqueOrThrow({ where: { slug: "appel-a-projets-hubs-france-connectee-1re-vague" }, select: { id: true } });
    const funder = await db.prisma.funder.findUniqueOrThrow({ where: { slug: "banque-des-territoires" }, select: { id: true } });
    for (const status of ["draft", "in_review", "archived"] as const) {
      await db.prisma.caseStudy.upsert({
        where: { slug },
        create: { slug, title: "Brouillon", summary: "Un retour non publié.", body: "Texte.", sourceUrls: [], status,
          programmes: { create: [{ programmeId: programme.id }] }, funders: { create: [{ funderId: funder.id }] } },
        update: { status },
      });
      expect(await getCaseStudyBySlug(slug)).toBeNull();
      expect((await listCaseStudies()).some((c) => c.slug === slug)).toBe(false);
      expect((await findCaseStudiesForProgramme("appel-a-projets-hubs-france-connectee-1re-vague")).some((c) => c.slug === slug)).toBe(false);
      expect((await findCaseStudiesForFunder("banque-des-territoires")).some((c) => c.slug === slug)).toBe(false);
      expect((await listCaseStudyPaths()).some((p) => p.path.endsWith(slug))).toBe(false);
    }
    await db.prisma.caseStudy.update({ where: { slug }, data: { status: "published" } });
    expect((await findCaseStudiesForProgramme("appel-a-projets-hubs-france-connectee-1re-vague")).some((c) => c.slug === slug)).toBe(true);
    await db.prisma.caseStudy.delete({ where: { slug } });
  });
});
