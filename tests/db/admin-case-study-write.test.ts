import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { getCaseStudyForEdit, listCaseStudiesForAdmin } from "../../lib/data/admin/case-study-read";
import {
  createCaseStudy,
  restoreCaseStudyRevision,
  transitionCaseStudy,
  updateCaseStudy,
} from "../../lib/data/admin/case-study-write";
import { listRevisions } from "../../lib/data/admin/revisions";
import {
  findCaseStudiesForFunder,
  findCaseStudiesForProgramme,
  getCaseStudyBySlug,
  listCaseStudies,
} from "../../lib/data/case-studies";
import type { Database } from "../../lib/db/connect";
import type { CaseStudyInputDraft } from "../../lib/validation/admin-case-study";
import { caseStudyListSchema } from "../../lib/validation/admin-case-study-list";
import { curationFixtures, rejection } from "./support/curation";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let otherCurator: Actor;
let contributor: Actor;
let otherContributor: Actor;
let programmeSlug: string;
let otherProgrammeSlug: string;
const slugs: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, otherCurator, contributor, otherContributor] = await Promise.all([
    fx.actor("curator"), fx.actor("curator"), fx.actor("contributor"), fx.actor("contributor"),
  ]);
  const programmes = await db.prisma.programme.findMany({ where: { status: "published" }, select: { slug: true }, orderBy: { slug: "asc" }, take: 2 });
  programmeSlug = programmes[0]!.slug;
  otherProgrammeSlug = programmes[1]!.slug;
});
afterAll(async () => {
  if (db) {
    const rows = await db.prisma.caseStudy.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
    await db.prisma.revision.deleteMany({ where: { entityId: { in: rows.map((r) => r.id) } } });
    await db.prisma.caseStudy.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  }
  await fx.cleanUp();
  await db?.close();
});

function input(overrides: Partial<CaseStudyInputDraft> = {}): CaseStudyInputDraft {
  const slug = uniqueSlug("test-retour");
  slugs.push(slug);
  return {
    slug,
    title: "Retour d'expérience de test de la curation",
    summary: "Un récit créé par les tests de la curation, avec ses liens à l'annuaire.",
    body: "## Le montage\n\nUne association a réuni trois financeurs pour ouvrir un lieu de médiation numérique.",
    territory: "departement:29",
    programmes: [programmeSlug],
    funders: ["anct"],
    sourceUrls: ["https://www.example.gouv.fr/retour-experience"],
    ...overrides,
  };
}

const revisionsOf = (entityId: string) =>
  db.prisma.revision.findMany({ where: { entityType: "case-study", entityId }, orderBy: { createdAt: "asc" } });

describe("every write of a case study leaves exactly one revision with its before and after", () => {
  it("create, update (links included), status and restore", async () => {
    const created = await createCaseStudy(curator, input());
    expect(created.snapshot).toMatchObject({ status: "draft", programmes: [programmeSlug], funders: ["anct"], territory: "departement:29" });
    let revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "create", version: 1, before: null, after: created.snapshot });

    const updated = await updateCaseStudy(curator, created.slug, { version: 1, programmes: [otherProgrammeSlug, programmeSlug], funders: [] });
    expect(updated.snapshot.programmes).toEqual([programmeSlug, otherProgrammeSlug].sort());
    expect(updated.snapshot.funders).toEqual([]);
    revisions = await revisionsOf(created.id);
    expect(revisions[1]).toMatchObject({ action: "update", version: 2, before: created.snapshot, after: updated.snapshot });
    const links = await db.prisma.caseStudyProgramme.count({ where: { caseStudyId: created.id } });
    expect(links).toBe(2);

    const published = await transitionCaseStudy(curator, created.slug, { to: "published", version: 2 });
    expect(published.snapshot.status).toBe("published");
    expect((await db.prisma.caseStudy.findUniqueOrThrow({ where: { id: created.id } })).publishedAt).not.toBeNull();

    const restored = await restoreCaseStudyRevision(curator, created.slug, { revisionId: revisions[0]!.id, version: 3 });
    expect(restored.snapshot).toMatchObject({ status: "published", programmes: [programmeSlug], funders: ["anct"] });
    revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(4);
    expect(revisions[3]).toMatchObject({ action: "restore", version: 4, before: published.snapshot, after: restored.snapshot });

    const history = await listRevisions(curator, { entityType: "case-study", slug: created.slug });
    const linkChange = history!.revisions.find((r) => r.action === "update")!.changes.find((c) => c.field === "funders");
    expect(linkChange).toMatchObject({ label: "Financeurs de l'annuaire", kind: "removed", removed: [expect.stringMatching(/Agence nationale de la cohésion des territoires|ANCT/)] });
  });

  it("of two saves from the same version, one wins", async () => {
    const created = await createCaseStudy(curator, input());
    const results = await Promise.allSettled([
      updateCaseStudy(curator, created.slug, { version: 1, title: "Titre enregistré par la première personne" }),
      updateCaseStudy(otherCurator, created.slug, { version: 1, title: "Titre enregistré par la seconde personne" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict" });
    expect(await revisionsOf(created.id)).toHaveLength(2);
  });

  it("unknown links and missing sources are field messages", async () => {
    const error = await rejection(createCaseStudy(curator, input({ programmes: ["programme-qui-n-existe-pas"], sourceUrls: [] })));
    expect(error.code).toBe("validation_failed");
    expect(error.details?.fields?.sourceUrls).toMatch(/une adresse au moins/);
    const unknown = await rejection(createCaseStudy(curator, input({ programmes: ["programme-qui-n-existe-pas"] })));
    expect(unknown.details?.fields?.programmes).toBe("Programmes de l'annuaire : programme inconnu « programme-qui-n-existe-pas ».");
  });
});

describe("who may do what", () => {
  it("a contributor's case study is a draft they alone edit, until they submit it", async () => {
    const created = await createCaseStudy(contributor, { ...input(), status: "published" });
    expect(created.snapshot.status).toBe("draft");
    expect(await getCaseStudyForEdit(otherContributor, created.slug)).toBeNull();
    expect((await rejection(updateCaseStudy(otherContributor, created.slug, { version: 1, title: "Changé par un autre" }))).code).toBe("not_found");
    await transitionCaseStudy(contributor, created.slug, { to: "in_review", version: 1 });
    expect((await rejection(updateCaseStudy(contributor, created.slug, { version: 2, title: "Changé en relecture" }))).code).toBe("forbidden");
    expect((await rejection(transitionCaseStudy(contributor, created.slug, { to: "published", version: 2 }))).code).toBe("forbidden");
    const list = await listCaseStudiesForAdmin(contributor, caseStudyListSchema.parse({}));
    expect(list.items.map((c) => c.slug)).toEqual([created.slug]);
  });
});

describe("the public pages show published case studies only, with their links both ways", () => {
  it("a draft is nowhere; published, it is listed and linked from its programme and funder pages", async () => {
    const created = await createCaseStudy(curator, input({ title: "Retour public de test" }));
    expect((await listCaseStudies()).map((c) => c.slug)).not.toContain(created.slug);
    expect(await getCaseStudyBySlug(created.slug)).toBeNull();
    expect((await findCaseStudiesForProgramme(programmeSlug)).map((c) => c.slug)).not.toContain(created.slug);

    await transitionCaseStudy(curator, created.slug, { to: "published", version: 1 });
    expect((await listCaseStudies()).map((c) => c.slug)).toContain(created.slug);
    expect(await getCaseStudyBySlug(created.slug)).toMatchObject({ title: "Retour public de test", programmes: [expect.objectContaining({ slug: programmeSlug })] });
    expect((await findCaseStudiesForProgramme(programmeSlug)).map((c) => c.slug)).toContain(created.slug);
    expect((await findCaseStudiesForFunder("anct")).map((c) => c.slug)).toContain(created.slug);

    await updateCaseStudy(curator, created.slug, { version: 2, title: "Retour public de test, corrigé" });
    expect((await getCaseStudyBySlug(created.slug))?.title).toBe("Retour public de test, corrigé");

    await transitionCaseStudy(curator, created.slug, { to: "draft", version: 3 });
    expect(await getCaseStudyBySlug(created.slug)).toBeNull();
    expect((await findCaseStudiesForFunder("anct")).map((c) => c.slug)).not.toContain(created.slug);
  });

  it("every seeded case study can be saved unchanged through the schema (the seed fits the rules)", async () => {
    const seeded = await db.prisma.caseStudy.findMany({ where: { status: "published", createdById: null }, select: { slug: true } });
    expect(seeded.length).toBeGreaterThanOrEqual(14);
    for (const { slug } of seeded) {
      const entry = await getCaseStudyForEdit(curator, slug);
      const result = await updateCaseStudy(curator, slug, { version: entry!.version, title: entry!.snapshot.title });
      expect(result.changed, slug).toBe(false);
    }
  });
});
