import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { getFunderForEdit } from "../../lib/data/admin/funder-read";
import {
  createFunder,
  restoreFunderRevision,
  transitionFunder,
  updateFunder,
  verifyFunder,
} from "../../lib/data/admin/funder-write";
import { getFunderBySlug } from "../../lib/data/funders";
import type { Database } from "../../lib/db/connect";
import { curationFixtures, rejection } from "./support/curation";
import { openTestDatabase } from "./support/test-database";

let db: Database;
const fx = curationFixtures(() => db.prisma);
let admin: Actor;
let curator: Actor;
let contributor: Actor;
let otherContributor: Actor;

beforeAll(async () => {
  db = await openTestDatabase();
  [admin, curator, contributor, otherContributor] = await Promise.all([
    fx.actor("admin"), fx.actor("curator"), fx.actor("contributor"), fx.actor("contributor"),
  ]);
});
afterAll(async () => {
  await fx.cleanUp();
  await db?.close();
});

const revisionsOf = (entityId: string) =>
  db.prisma.revision.findMany({ where: { entityType: "funder", entityId }, orderBy: { createdAt: "asc" } });

describe("every mutation of a funder leaves exactly one revision with its before and after", () => {
  it("create, update, status, verify and restore", async () => {
    const created = await createFunder(curator, fx.funderInput({ name: "Fondation Horizon", territory: "region:53", website: "https://horizon.example.org" }));
    expect(created.snapshot).toMatchObject({ status: "draft", name: "Fondation Horizon", type: "fondation-privee", territory: "region:53" });
    let revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "create", version: 1, before: null, authorId: curator.id, entityLabel: "Fondation Horizon" });
    expect(revisions[0]?.after).toEqual(created.snapshot);

    const updated = await updateFunder(curator, created.slug, { version: 1, acronym: "FH", type: "entreprise" });
    revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).toMatchObject({ action: "update", version: 2 });
    expect(revisions[1]?.before).toEqual(created.snapshot);
    expect(revisions[1]?.after).toEqual(updated.snapshot);
    expect(updated.snapshot).toMatchObject({ acronym: "FH", type: "entreprise" });

    const published = await transitionFunder(curator, created.slug, { to: "published", version: 2, note: "Relu" });
    revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(3);
    expect(revisions[2]).toMatchObject({ action: "status", version: 3, note: "Relu", before: updated.snapshot, after: published.snapshot });
    expect(await getFunderBySlug(created.slug)).toMatchObject({ name: "Fondation Horizon" });

    const verified = await verifyFunder(curator, created.slug, { version: 3, note: "Site consulté" });
    revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(4);
    expect(revisions[3]).toMatchObject({ action: "verify", version: 4, note: "Site consulté", before: published.snapshot, after: verified.snapshot });
    expect(verified.snapshot.lastVerifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const restored = await restoreFunderRevision(curator, created.slug, { revisionId: revisions[0]!.id, version: 4 });
    revisions = await revisionsOf(created.id);
    expect(revisions).toHaveLength(5);
    expect(revisions[4]).toMatchObject({ action: "restore", version: 5, before: verified.snapshot, after: restored.snapshot });
    // The fields come back, the status stays published, the verification day is the restored one.
    expect(restored.snapshot).toMatchObject({ acronym: null, type: "fondation-privee", status: "published", lastVerifiedAt: null });
  });

  it("writes nothing for a patch that changes nothing", async () => {
    const created = await createFunder(curator, fx.funderInput());
    expect(await updateFunder(curator, created.slug, { version: 1, name: created.snapshot.name })).toMatchObject({ changed: false, version: 1 });
    expect(await revisionsOf(created.id)).toHaveLength(1);
  });
});

describe("locking, policy and validation", () => {
  it("lets exactly one of two concurrent saves win", async () => {
    const created = await createFunder(curator, fx.funderInput());
    const results = await Promise.allSettled([
      updateFunder(curator, created.slug, { version: 1, name: "Nom de la curatrice" }),
      updateFunder(admin, created.slug, { version: 1, name: "Nom de l'admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
    expect(await revisionsOf(created.id)).toHaveLength(2);
  });

  it("keeps contributors to their own drafts, and away from publishing", async () => {
    const requested = await createFunder(contributor, { ...fx.funderInput(), status: "published" });
    expect(requested.snapshot.status).toBe("draft");
    expect((await rejection(updateFunder(otherContributor, requested.slug, { version: 1, name: "Pris" }))).code).toBe("not_found");
    expect(await getFunderForEdit(otherContributor, requested.slug)).toBeNull();
    expect((await rejection(transitionFunder(contributor, requested.slug, { to: "published" }))).code).toBe("forbidden");
    expect((await rejection(verifyFunder(contributor, requested.slug, { version: 1 }))).code).toBe("forbidden");
    await transitionFunder(contributor, requested.slug, { to: "in_review" });
    expect((await rejection(updateFunder(contributor, requested.slug, { version: 2, name: "Trop tard" }))).code).toBe("forbidden");
    expect((await rejection(transitionFunder(contributor, requested.slug, { to: "archived" }))).code).toBe("forbidden");
    expect((await rejection(transitionFunder(curator, requested.slug, { to: "in_review" }))).code).toBe("invalid_transition");
  });

  it("answers field messages (slug taken, unknown territory, bad link)", async () => {
    const taken = (await createFunder(curator, fx.funderInput())).slug;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ slug: taken }, "slug", /déjà pris/],
      [{ territory: "departement:99" }, "territory", /territoire inconnu/],
      [{ website: "javascript:alert(1)" }, "website", /http:\/\/ ou https:\/\//],
      [{ type: "mecene" }, "type", /valeur inconnue/],
    ];
    for (const [overrides, field, message] of cases) {
      const error = await rejection(createFunder(curator, { ...fx.funderInput(), ...overrides }));
      expect(error.code, field).toBe("validation_failed");
      expect(error.details?.fields?.[field], field).toMatch(message);
    }
  });

  it("derives the slug from the name, with a suffix when taken", async () => {
    const name = `Fondation Étoile ${Date.now().toString(36)}`;
    const { slug: _s, ...input } = fx.funderInput({ name });
    const a = await createFunder(curator, input);
    const b = await createFunder(curator, input);
    fx.track("funder", a.slug);
    fx.track("funder", b.slug);
    expect(a.slug).toMatch(/^fondation-etoile-/);
    expect(b.slug).toBe(`${a.slug}-2`);
  });
});
