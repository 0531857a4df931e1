import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { getFundingRecordForEdit, listFundingRecordsForAdmin } from "../../lib/data/admin/funding-record-read";
import {
  createFundingRecord,
  fundingRecordConstraintError,
  restoreFundingRecordRevision,
  transitionFundingRecord,
  updateFundingRecord,
  verifyFundingRecord,
} from "../../lib/data/admin/funding-record-write";
import { listRevisions } from "../../lib/data/admin/revisions";
import { getEffortHeadline } from "../../lib/data/effort";
import { findFundingRecords } from "../../lib/data/funding-records";
import type { Database } from "../../lib/db/connect";
import type { FundingRecordInputDraft } from "../../lib/validation/admin-funding-record";
import { fundingRecordListSchema } from "../../lib/validation/admin-funding-record-list";
import { curationFixtures, rejection } from "./support/curation";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let otherCurator: Actor;
let contributor: Actor;
let otherContributor: Actor;
const slugs: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, otherCurator, contributor, otherContributor] = await Promise.all([
    fx.actor("curator"), fx.actor("curator"), fx.actor("contributor"), fx.actor("contributor"),
  ]);
});
afterAll(async () => {
  if (db) {
    const rows = await db.prisma.fundingRecord.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
    const ids = rows.map((r) => r.id);
    await db.prisma.revision.deleteMany({ where: { entityId: { in: ids } } });
    await db.prisma.fundingRecord.updateMany({ where: { id: { in: ids } }, data: { partOfId: null } });
    await db.prisma.fundingRecord.deleteMany({ where: { id: { in: ids } } });
  }
  await fx.cleanUp();
  await db?.close();
});

/** A valid record for the tests: a catalogue funder, one amount, one source. */
function input(overrides: Partial<FundingRecordInputDraft> = {}): FundingRecordInputDraft {
  const slug = uniqueSlug("test-montant");
  slugs.push(slug);
  return {
    slug,
    label: "Montant de test de la curation",
    kind: "committed",
    yearStart: 2023,
    yearEnd: 2023,
    amount: 125_000,
    funder: "anct",
    territory: "departement:12",
    sourceUrls: ["https://www.example.gouv.fr/rapport-2023.pdf"],
    ...overrides,
  };
}

const revisionsOf = (entityId: string) =>
  db.prisma.revision.findMany({ where: { entityType: "funding-record", entityId }, orderBy: { createdAt: "asc" } });

describe("every write of a funding record leaves exactly one revision with its before and after", () => {
  it("create, update, status, verify (sources consulted today) and restore", async () => {
    const created = await createFundingRecord(curator, input({ note: "Selon le rapport annuel." }));
    expect(created.snapshot).toMatchObject({ status: "draft", amount: 125_000, funder: "anct", territory: "departement:12" });
    let revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "create", version: 1, before: null, authorId: curator.id, entityLabel: "Montant de test de la curation" });
    expect(revisions[0]?.after).toEqual(created.snapshot);

    // The sources disagree: the single amount becomes a range.
    const updated = await updateFundingRecord(curator, created.slug, { version: 1, amount: null, amountLow: 100_000, amountHigh: 150_000 });
    expect(updated.snapshot).toMatchObject({ amount: null, amountLow: 100_000, amountHigh: 150_000 });
    revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).toMatchObject({ action: "update", version: 2, before: created.snapshot, after: updated.snapshot });

    const published = await transitionFundingRecord(curator, created.slug, { to: "published", version: 2, note: "Relu" });
    expect(published.snapshot.status).toBe("published");
    revisions = await revisionsOf(created.id);
    expect(revisions[2]).toMatchObject({ action: "status", version: 3, note: "Relu", before: updated.snapshot, after: published.snapshot });

    const verified = await verifyFundingRecord(curator, created.slug, { version: 3, note: "Rapport consulté" });
    expect(verified.snapshot.retrievedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    revisions = await revisionsOf(created.id);
    expect(revisions[3]).toMatchObject({ action: "verify", version: 4, note: "Rapport consulté" });

    const restored = await restoreFundingRecordRevision(curator, created.slug, { revisionId: revisions[0]!.id, version: 4 });
    revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(5);
    expect(revisions[4]).toMatchObject({ action: "restore", version: 5, before: verified.snapshot, after: restored.snapshot });
    // The fields come back, the status stays published.
    expect(restored.snapshot).toMatchObject({ amount: 125_000, amountLow: null, amountHigh: null, status: "published", retrievedAt: null });

    // The history page reads them with French labels.
    const history = await listRevisions(curator, { entityType: "funding-record", slug: created.slug });
    expect(history?.revisions).toHaveLength(5);
    const rangeChange = history!.revisions.find((r) => r.action === "update")!.changes.map((c) => [c.label, c.after]);
    expect(rangeChange).toEqual(expect.arrayContaining([["Fourchette : montant le plus bas", expect.stringMatching(/100\s000,00\s€/)]]));
  });

  it("writes nothing for a patch that changes nothing", async () => {
    const created = await createFundingRecord(curator, input());
    expect(await updateFundingRecord(curator, created.slug, { version: 1, amount: 125_000 })).toMatchObject({ changed: false, version: 1 });
    expect(await revisionsOf(created.id)).toHaveLength(1);
  });
});

describe("optimistic locking", () => {
  it("of two saves from the same version, one wins and the other is a conflict naming who saved", async () => {
    const created = await createFundingRecord(curator, input());
    const results = await Promise.allSettled([
      updateFundingRecord(curator, created.slug, { version: 1, amount: 200_000 }),
      updateFundingRecord(otherCurator, created.slug, { version: 1, amount: 300_000 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
    expect(await revisionsOf(created.id)).toHaveLength(2);
    const row = await db.prisma.fundingRecord.findUniqueOrThrow({ where: { id: created.id }, select: { version: true, amount: true } });
    expect(row.version).toBe(2);
  });

  it("a stale version is refused without writing", async () => {
    const created = await createFundingRecord(curator, input());
    await updateFundingRecord(curator, created.slug, { version: 1, label: "Premier enregistrement" });
    const error = await rejection(updateFundingRecord(otherCurator, created.slug, { version: 1, label: "Enregistrement en retard" }));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("a été modifié entre-temps");
    expect((await db.prisma.fundingRecord.findUniqueOrThrow({ where: { id: created.id } })).label).toBe("Premier enregistrement");
  });
});

describe("the rules of the database are field messages in French", () => {
  it("an amount and a range at once", async () => {
    const error = await rejection(createFundingRecord(curator, input({ amountLow: 1, amountHigh: 2 })));
    expect(error.code).toBe("validation_failed");
    expect(error.details?.fields?.amount).toBe("Montant : donnez soit un montant, soit une fourchette (quand les sources divergent), pas les deux.");
  });

  it("a range with one bound, or its bounds inverted", async () => {
    expect((await rejection(createFundingRecord(curator, input({ amount: null, amountLow: 10 })))).details?.fields?.amountHigh).toMatch(/deux bornes/);
    expect((await rejection(createFundingRecord(curator, input({ amount: null, amountLow: 20, amountHigh: 10 })))).details?.fields?.amountHigh).toMatch(
      /supérieur ou égal au montant le plus bas/,
    );
  });

  it("a last year before the first", async () => {
    const error = await rejection(createFundingRecord(curator, input({ yearStart: 2024, yearEnd: 2022 })));
    expect(error.details?.fields?.yearEnd).toBe("Dernière année : elle ne peut pas précéder la première année (2024).");
  });

  it("a record as a part of itself, or of one of its own parts", async () => {
    const parent = await createFundingRecord(curator, input());
    const error = await rejection(updateFundingRecord(curator, parent.slug, { version: 1, partOf: parent.slug }));
    expect(error.details?.fields?.partOf).toBe("Part d'un autre montant (« dont ») : un montant ne peut pas être une part de lui-même.");
    const child = await createFundingRecord(curator, input({ partOf: parent.slug }));
    expect(child.snapshot.partOf).toBe(parent.slug);
    const loop = await rejection(updateFundingRecord(curator, parent.slug, { version: 1, partOf: child.slug }));
    expect(loop.details?.fields?.partOf).toMatch(/boucle/);
  });

  it("no funder at all, or a free-text funder without its type", async () => {
    const none = await rejection(createFundingRecord(curator, input({ funder: null })));
    expect(none.details?.fields?.funder).toMatch(/choisissez un programme ou un financeur/);
    const untyped = await rejection(createFundingRecord(curator, input({ funder: null, funderLabel: "Syndicat mixte du numérique" })));
    expect(untyped.details?.fields?.funderType).toMatch(/obligatoire/);
    const typed = await createFundingRecord(curator, input({ funder: null, funderLabel: "Syndicat mixte du numérique", funderType: "commune-epci" }));
    expect(typed.snapshot).toMatchObject({ funder: null, funderLabel: "Syndicat mixte du numérique", funderType: "commune-epci" });
  });

  it("no source, or an address that is not one", async () => {
    expect((await rejection(createFundingRecord(curator, input({ sourceUrls: [] })))).details?.fields?.sourceUrls).toMatch(/une adresse au moins/);
    expect((await rejection(createFundingRecord(curator, input({ sourceUrls: ["rapport annuel"] })))).details?.fields?.["sourceUrls.0"]).toMatch(
      /adresse web invalide/,
    );
  });

  it("a CHECK constraint the database enforces maps to the same field (the table matches the migration's names)", async () => {
    const created = await createFundingRecord(curator, input());
    const attempts: [string, string][] = [
      [`UPDATE funding_record SET amount_low = 1, amount_high = 2 WHERE id = '${created.id}'::uuid`, "amount"],
      [`UPDATE funding_record SET part_of_id = id WHERE id = '${created.id}'::uuid`, "partOf"],
      [`UPDATE funding_record SET year_end = 2000, year_start = 2010 WHERE id = '${created.id}'::uuid`, "yearEnd"],
      [`UPDATE funding_record SET amount = NULL, amount_low = 5, amount_high = 1 WHERE id = '${created.id}'::uuid`, "amountHigh"],
      [`UPDATE funding_record SET funder_id = NULL, programme_id = NULL, funder_label = NULL WHERE id = '${created.id}'::uuid`, "funder"],
    ];
    for (const [sql, field] of attempts) {
      let caught: unknown = null;
      await db.prisma.$executeRawUnsafe(sql).catch((e: unknown) => (caught = e));
      expect(caught, sql).not.toBeNull();
      expect(fundingRecordConstraintError(caught)?.details?.fields, sql).toHaveProperty(field);
    }
  });
});

describe("who may do what (lib/auth/policy.ts, as for programmes)", () => {
  it("a contributor creates drafts only, edits their own drafts, submits them, and never publishes", async () => {
    const created = await createFundingRecord(contributor, { ...input(), status: "published" });
    expect(created.snapshot.status).toBe("draft");
    await updateFundingRecord(contributor, created.slug, { version: 1, amount: 130_000 });
    const submitted = await transitionFundingRecord(contributor, created.slug, { to: "in_review", version: 2 });
    expect(submitted.snapshot.status).toBe("in_review");
    expect((await rejection(updateFundingRecord(contributor, created.slug, { version: 3, amount: 1 }))).code).toBe("forbidden");
    expect((await rejection(transitionFundingRecord(contributor, created.slug, { to: "published", version: 3 }))).code).toBe("forbidden");
    const back = await transitionFundingRecord(contributor, created.slug, { to: "draft", version: 3 });
    expect(back.snapshot.status).toBe("draft");
  });

  it("a contributor neither sees nor changes someone else's record", async () => {
    const created = await createFundingRecord(contributor, input());
    expect(await getFundingRecordForEdit(otherContributor, created.slug)).toBeNull();
    expect((await rejection(updateFundingRecord(otherContributor, created.slug, { version: 1, amount: 1 }))).code).toBe("not_found");
    expect((await rejection(transitionFundingRecord(otherContributor, created.slug, { to: "in_review", version: 1 }))).code).toBe("not_found");
    const list = await listFundingRecordsForAdmin(otherContributor, fundingRecordListSchema.parse({}));
    expect(list.items.map((r) => r.slug)).not.toContain(created.slug);
    // A curator sees and edits it.
    expect(await getFundingRecordForEdit(curator, created.slug)).not.toBeNull();
  });

  it("only curators mark sources as consulted today", async () => {
    const created = await createFundingRecord(contributor, input());
    expect((await rejection(verifyFundingRecord(contributor, created.slug, { version: 1 }))).code).toBe("forbidden");
  });
});

describe("the public observatory shows published records only, as soon as they are published", () => {
  it("a draft is absent from the records and the headline; published, it is counted; archived, gone again", async () => {
    const before = await getEffortHeadline();
    const created = await createFundingRecord(curator, input({ amount: 777_777, yearStart: 2024, yearEnd: 2024 }));
    const publicSlugs = async () => (await findFundingRecords({})).items.map((r) => r.slug);
    expect(await publicSlugs()).not.toContain(created.slug);
    expect((await getEffortHeadline()).actual).toEqual(before.actual);

    await transitionFundingRecord(curator, created.slug, { to: "published", version: 1 });
    expect(await publicSlugs()).toContain(created.slug);
    const after = await getEffortHeadline();
    expect(after.actual.low - before.actual.low).toBeCloseTo(777_777, 2);

    await updateFundingRecord(curator, created.slug, { version: 2, amount: 700_000 });
    expect((await findFundingRecords({})).items.find((r) => r.slug === created.slug)?.amount).toBe(700_000);

    await transitionFundingRecord(curator, created.slug, { to: "archived", version: 3 });
    expect(await publicSlugs()).not.toContain(created.slug);
    expect((await getEffortHeadline()).actual).toEqual(before.actual);
  });
});

describe("links from the public records", () => {
  it("name a draft parent, programme or funder as nothing to click, and still never add a part twice", async () => {
    const parent = await createFundingRecord(curator, input({ label: "Total de test encore en brouillon" }));
    const child = await createFundingRecord(curator, { ...input({ partOf: parent.slug, amount: 10_000 }), status: "published" });
    const item = (await findFundingRecords({})).items.find((r) => r.slug === child.slug);
    expect(item).toMatchObject({ partOf: null, counted: false });
    await transitionFundingRecord(curator, parent.slug, { to: "published", version: 1 });
    expect((await findFundingRecords({})).items.find((r) => r.slug === child.slug)?.partOf).toEqual({ slug: parent.slug, label: "Total de test encore en brouillon" });
  });
});

describe("the seeded records", () => {
  it("each one can be saved unchanged through the schema (the seed fits the rules): no new version, no revision", async () => {
    const seeded = await db.prisma.fundingRecord.findMany({ where: { createdById: null }, select: { slug: true } });
    expect(seeded.length).toBeGreaterThanOrEqual(48);
    for (const { slug } of seeded) {
      const entry = await getFundingRecordForEdit(curator, slug);
      const result = await updateFundingRecord(curator, slug, { version: entry!.version, label: entry!.snapshot.label });
      expect(result.changed, slug).toBe(false);
    }
  });
});

describe("the workspace list", () => {
  it("filters by kind, year, funder type and status, in SQL, with paging", async () => {
    const planned = await createFundingRecord(curator, input({ kind: "planned", yearStart: 2031, yearEnd: 2032, label: "Crédits prévus de test" }));
    const parse = (p: Record<string, string | string[]>) => fundingRecordListSchema.parse(p);
    const slugsOf = async (p: Record<string, string | string[]>) => (await listFundingRecordsForAdmin(curator, parse(p))).items.map((r) => r.slug);
    expect(await slugsOf({ kind: "planned", year: "2032" })).toContain(planned.slug);
    expect(await slugsOf({ kind: "spent", year: "2032" })).not.toContain(planned.slug);
    expect(await slugsOf({ year: "2030" })).not.toContain(planned.slug);
    expect(await slugsOf({ funderType: "anct", year: "2031", status: "draft" })).toContain(planned.slug);
    expect(await slugsOf({ funderType: "fondation-privee", year: "2031" })).not.toContain(planned.slug);
    expect(await slugsOf({ q: "crédits prévus de test" })).toContain(planned.slug);
    const page = await listFundingRecordsForAdmin(curator, parse({ perPage: "5", page: "2" }));
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(48);
  });
});
