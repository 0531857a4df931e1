import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { createCaseStudy } from "../../lib/data/admin/case-study-write";
import { createFundingRecord } from "../../lib/data/admin/funding-record-write";
import { createProgramme, transitionProgramme, updateProgramme } from "../../lib/data/admin/programme-write";
import { getRevision, getSnapshotAtVersion, listActivity, listActivityAuthors, listRevisions } from "../../lib/data/admin/revisions";
import type { Database } from "../../lib/db/connect";
import { activityListSchema } from "../../lib/validation/admin-list";
import { PROGRAMME_SNAPSHOT_KEYS } from "../../lib/validation/admin-programme";
import { curationFixtures } from "./support/curation";
import { createTestProgramme } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let contributor: Actor;
let other: Actor;
let slug: string;
let theirs: string;

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, contributor, other] = await Promise.all([fx.actor("curator", "Claire Curatrice"), fx.actor("contributor", "Paul Partenaire"), fx.actor("contributor", "Olga Autre")]);
  const created = await createProgramme(contributor, fx.programmeInput("anct", { title: "Programme avec un historique" }));
  slug = created.slug;
  await updateProgramme(contributor, slug, { version: 1, isNational: false, territories: ["commune:29019"], coFunders: ["banque-des-territoires"] });
  await transitionProgramme(contributor, slug, { to: "in_review", version: 2, note: "À relire" });
  await transitionProgramme(curator, slug, { to: "published", version: 3 });
  theirs = (await createProgramme(other, fx.programmeInput("anct"))).slug;
});
afterAll(async () => {
  await fx.cleanUp();
  await db?.close();
});

describe("listRevisions", () => {
  it("gives the revisions newest first, with their authors and readable changes naming territories and funders", async () => {
    const history = await listRevisions(curator, { entityType: "programme", slug });
    expect(history?.entity).toMatchObject({ slug, label: "Programme avec un historique", status: "published", version: 4 });
    expect(history?.revisions.map((r) => [r.action, r.version, r.author?.name, r.note])).toEqual([
      ["status", 4, "Claire Curatrice", null],
      ["status", 3, "Paul Partenaire", "À relire"],
      ["update", 2, "Paul Partenaire", null],
      ["create", 1, "Paul Partenaire", null],
    ]);
    const update = history!.revisions[2]!;
    expect(update.actionLabel).toBe("Modification");
    expect(update.changes.map((c) => c.field)).toEqual(["coFunders", "isNational", "territories"]);
    expect(update.changes.find((c) => c.field === "territories")?.added).toEqual(["Brest (commune)"]);
    expect(update.changes.find((c) => c.field === "coFunders")?.added).toEqual(["Banque des Territoires (Caisse des Dépôts)"]);
    expect(history!.revisions[0]!.changes).toEqual([
      { field: "status", label: "Statut éditorial", kind: "changed", before: "En relecture", after: "Publié" },
    ]);
    // Snapshots come back in their own key order (jsonb sorts keys its own way).
    expect(Object.keys(update.after!)).toEqual(PROGRAMME_SNAPSHOT_KEYS);
  });

  it("shows a contributor their own entries' history only", async () => {
    expect(await listRevisions(contributor, { entityType: "programme", slug })).not.toBeNull();
    expect(await listRevisions(contributor, { entityType: "programme", slug: theirs })).toBeNull();
    expect(await listRevisions(curator, { entityType: "funder", slug })).toBeNull();
  });
});

describe("getRevision and getSnapshotAtVersion", () => {
  it("reads one revision, if the actor may see its entry", async () => {
    const [latest] = (await listRevisions(curator, { entityType: "programme", slug }))!.revisions;
    expect(await getRevision(curator, latest!.id)).toMatchObject({ id: latest!.id, slug, action: "status" });
    expect(await getRevision(contributor, latest!.id)).toMatchObject({ id: latest!.id });
    expect(await getRevision(other, latest!.id)).toBeNull();
    expect(await getRevision(curator, "pas-un-identifiant")).toBeNull();
  });

  it("gives the state a person started from", async () => {
    expect(await getSnapshotAtVersion(curator, { entityType: "programme", slug, version: 1 })).toMatchObject({ isNational: true, territories: [], status: "draft" });
    expect(await getSnapshotAtVersion(curator, { entityType: "programme", slug, version: 2 })).toMatchObject({ territories: ["commune:29019"] });
    expect(await getSnapshotAtVersion(curator, { entityType: "programme", slug, version: 99 })).toBeNull();
    expect(await getSnapshotAtVersion(other, { entityType: "programme", slug, version: 1 })).toBeNull();
  });

  it("finds the state of an entry the seed loaded (no revision made it) in the next revision's before", async () => {
    const anct = await db.prisma.funder.findUniqueOrThrow({ where: { slug: "anct" }, select: { id: true } });
    const seeded = await createTestProgramme(db.prisma, anct.id, { title: "Chargé par le seed", isNational: true });
    fx.track("programme", seeded.slug);
    expect(await getSnapshotAtVersion(curator, { entityType: "programme", slug: seeded.slug, version: 1 })).toBeNull();
    await updateProgramme(curator, seeded.slug, { version: 1, title: "Modifié dans l'espace de curation" });
    expect(await getSnapshotAtVersion(curator, { entityType: "programme", slug: seeded.slug, version: 1 })).toMatchObject({ title: "Chargé par le seed" });
    expect(await getSnapshotAtVersion(curator, { entityType: "programme", slug: seeded.slug, version: 2 })).toMatchObject({ title: "Modifié dans l'espace de curation" });
  });
});

describe("listActivity", () => {
  const filters = (input: Record<string, string> = {}) => activityListSchema.parse({ perPage: "100", ...input });

  it("shows a contributor only their own activity, whatever author they ask for", async () => {
    const mine = await listActivity(contributor, filters({ author: curator.id }));
    expect(mine.items.length).toBeGreaterThanOrEqual(3);
    expect(mine.items.every((i) => i.author?.id === contributor.id)).toBe(true);
    expect(mine.total).toBe(3); // create, update, submit
    expect(await listActivityAuthors(contributor)).toEqual([{ id: contributor.id, name: "Paul Partenaire" }]);
  });

  it("lets a curator filter everyone's activity by author and entity type, paged in SQL", async () => {
    const byOther = await listActivity(curator, filters({ author: other.id }));
    expect(byOther.items.map((i) => [i.action, i.slug])).toEqual([["create", theirs]]);
    const page = await listActivity(curator, filters({ author: contributor.id, perPage: "2", page: "2" }));
    expect(page).toMatchObject({ total: 3, page: 2, perPage: 2 });
    expect(page.items.map((i) => i.action)).toEqual(["create"]);
    expect((await listActivity(curator, filters({ author: contributor.id, entityType: "funder" }))).total).toBe(0);
    const authors = await listActivityAuthors(curator);
    expect(authors.map((a) => a.id)).toEqual(expect.arrayContaining([curator.id, contributor.id, other.id]));
  });
});

describe("listActivity by the newer entity types", () => {
  const filters = (input: Record<string, string> = {}) => activityListSchema.parse({ perPage: "100", ...input });
  let author: Actor;
  const recordSlug = uniqueSlug("test-historique-montant");
  const studySlug = uniqueSlug("test-historique-retour");

  beforeAll(async () => {
    author = await fx.actor("curator", "Mona Montants");
    await createFundingRecord(author, {
      slug: recordSlug,
      label: "Montant de test de l'historique",
      kind: "committed",
      yearStart: 2023,
      yearEnd: 2023,
      amount: 50_000,
      funder: "anct",
      territory: "departement:12",
      sourceUrls: ["https://www.example.gouv.fr/rapport-2023.pdf"],
    });
    const [programme] = await db.prisma.programme.findMany({ where: { status: "published" }, select: { slug: true }, orderBy: { slug: "asc" }, take: 1 });
    await createCaseStudy(author, {
      slug: studySlug,
      title: "Retour d'expérience de test de l'historique",
      summary: "Un récit créé par le test de l'historique, avec ses liens à l'annuaire.",
      body: "## Le montage\n\nUne association a réuni deux financeurs pour un atelier numérique.",
      territory: "departement:29",
      programmes: [programme!.slug],
      funders: ["anct"],
      sourceUrls: ["https://www.example.gouv.fr/retour-experience"],
    });
  });
  afterAll(async () => {
    const records = await db.prisma.fundingRecord.findMany({ where: { slug: recordSlug }, select: { id: true } });
    const studies = await db.prisma.caseStudy.findMany({ where: { slug: studySlug }, select: { id: true } });
    await db.prisma.revision.deleteMany({ where: { entityId: { in: [...records, ...studies].map((r) => r.id) } } });
    await db.prisma.fundingRecord.deleteMany({ where: { slug: recordSlug } });
    await db.prisma.caseStudy.deleteMany({ where: { slug: studySlug } });
  });

  it("filters the funding records (« Montants ») and the case studies (« Retours d'expérience »)", async () => {
    const records = await listActivity(curator, filters({ author: author.id, entityType: "funding-record" }));
    expect(records.items.map((i) => [i.entityType, i.action, i.slug])).toEqual([["funding-record", "create", recordSlug]]);
    const studies = await listActivity(curator, filters({ author: author.id, entityType: "case-study" }));
    expect(studies.items.map((i) => [i.entityType, i.action, i.slug])).toEqual([["case-study", "create", studySlug]]);
    expect((await listActivity(curator, filters({ author: author.id }))).total).toBe(2);
    expect((await listActivity(curator, filters({ author: author.id, entityType: "programme" }))).total).toBe(0);
  });

  it("refuses an unknown entity type with a French message", () => {
    const parsed = activityListSchema.safeParse({ entityType: "contribution" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("entityType : programme, funder, funding-record ou case-study.");
  });
});
