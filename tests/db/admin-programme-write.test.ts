import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { constraintError } from "../../lib/data/admin/entity-write";
import { createFunder, transitionFunder } from "../../lib/data/admin/funder-write";
import { getProgrammeForEdit } from "../../lib/data/admin/programme-read";
import {
  createProgramme,
  restoreProgrammeRevision,
  transitionProgramme,
  updateProgramme,
  verifyProgramme,
} from "../../lib/data/admin/programme-write";
import { getProgrammeBySlug } from "../../lib/data/programmes";
import { searchProgrammes } from "../../lib/data/programme-search";
import type { Database } from "../../lib/db/connect";
import { programmeSearchSchema } from "../../lib/validation/programme-search";
import { curationFixtures, rejection } from "./support/curation";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
const fx = curationFixtures(() => db.prisma);
let admin: Actor;
let curator: Actor;
let contributor: Actor;
let otherContributor: Actor;
/** A published funder, and a draft one. */
let funder: string;
let draftFunder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  [admin, curator, contributor, otherContributor] = await Promise.all([
    fx.actor("admin"),
    fx.actor("curator", "Claire Curatrice"),
    fx.actor("contributor", "Paul Partenaire"),
    fx.actor("contributor"),
  ]);
  funder = (await createFunder(curator, { ...fx.funderInput({ name: "Fondation publiée" }), status: "published" })).slug;
  draftFunder = (await createFunder(curator, fx.funderInput({ name: "Fondation en brouillon" }))).slug;
});
afterAll(async () => {
  await fx.cleanUp();
  await db?.close();
});

const revisionsOf = (entityId: string) =>
  db.prisma.revision.findMany({ where: { entityType: "programme", entityId }, orderBy: { createdAt: "asc" } });

describe("creating a programme", () => {
  it("writes the programme, its lists and one « create » revision whose after is the snapshot", async () => {
    const input = fx.programmeInput(funder, {
      isNational: false,
      territories: ["commune:29019", "departement:29"],
      coFunders: ["banque-des-territoires"],
      eligibility: ["Être une association", "Porter un projet local"],
      rounds: [{ label: "Vague 1", opensAt: "2026-01-05", closesAt: "2026-03-31" }],
      sources: [{ url: "https://example.org/appel", title: "L'appel", retrievedAt: "2026-01-02" }],
      amountMin: 1000, amountMax: 50_000, fundingRateMax: 80, opensAt: "2026-01-05", closesAt: "2026-06-30",
    });
    const result = await createProgramme(curator, input);
    expect(result).toMatchObject({ slug: input.slug, version: 1, changed: true });
    expect(result.snapshot).toMatchObject({
      status: "draft", funder, coFunders: ["banque-des-territoires"], territories: ["commune:29019", "departement:29"],
      rounds: [{ label: "Vague 1", opensAt: "2026-01-05", closesAt: "2026-03-31" }],
      sources: [{ url: "https://example.org/appel", title: "L'appel", retrievedAt: "2026-01-02" }],
      amountMin: 1000, amountMax: 50_000, fundingRateMax: 80, opensAt: "2026-01-05", closesAt: "2026-06-30",
    });
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { slug: result.slug } });
    // Paris days: opening at midnight, closing at the day's last millisecond (winter: UTC+1).
    expect(row.opensAt?.toISOString()).toBe("2026-01-04T23:00:00.000Z");
    expect(row.closesAt?.toISOString()).toBe("2026-06-30T21:59:59.999Z");
    expect(row.createdById).toBe(curator.id);
    const revisions = await revisionsOf(result.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: "create", version: 1, authorId: curator.id, before: null, entityLabel: input.title });
    expect(revisions[0]?.after).toEqual(result.snapshot);
  });

  it("derives a free slug from the title when none is given", async () => {
    const title = `Appel à projets Numérique ${uniqueSlug("x")}`;
    const { slug: _slug, ...input } = fx.programmeInput(funder, { title });
    const first = await createProgramme(curator, input);
    const second = await createProgramme(curator, input);
    expect(first.slug).toMatch(/^appel-a-projets-numerique-x-/);
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it("makes a contributor's programme a draft whatever they send", async () => {
    const result = await createProgramme(contributor, { ...fx.programmeInput(funder), status: "published" });
    expect(result.snapshot.status).toBe("draft");
  });

  it("lets a curator create it published only when its funder is published", async () => {
    const ok = await createProgramme(curator, { ...fx.programmeInput(funder), status: "published" });
    expect(ok.snapshot.status).toBe("published");
    const error = await rejection(createProgramme(curator, { ...fx.programmeInput(draftFunder), status: "published" }));
    expect(error.code).toBe("invalid_transition");
    expect(error.message).toMatch(/Publiez d'abord le financeur « Fondation en brouillon »/);
  });

  it("answers field messages for what the schema or the references reject", async () => {
    const taken = (await createProgramme(curator, fx.programmeInput(funder))).slug;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ amountMin: 10, amountMax: 5 }, "amountMax", /supérieur ou égal au montant minimal/],
      [{ opensAt: "2026-05-02", closesAt: "2026-05-01" }, "closesAt", /suivre la date d'ouverture/],
      [{ fundingRateMax: 120 }, "fundingRateMax", /100 % au plus/],
      [{ applicationUrl: "javascript:alert(1)" }, "applicationUrl", /http:\/\/ ou https:\/\//],
      [{ funder: "financeur-qui-n-existe-pas" }, "funder", /financeur inconnu/],
      [{ isNational: false, territories: ["commune:99999"] }, "territories", /territoire inconnu « commune:99999 »/],
      [{ slug: taken }, "slug", /déjà pris/],
      [{ aidKinds: ["don"] }, "aidKinds.0", /valeur inconnue « don »/],
      [{ unknownField: 1 }, "unknownField", /Champ inconnu/],
    ];
    for (const [overrides, field, message] of cases) {
      const error = await rejection(createProgramme(curator, { ...fx.programmeInput(funder), ...overrides }));
      expect(error.code, field).toBe("validation_failed");
      expect(error.details?.fields?.[field], field).toMatch(message);
    }
  });

  it("does not let a contributor name another contributor's draft funder", async () => {
    const theirs = await createFunder(otherContributor, fx.funderInput());
    const error = await rejection(createProgramme(contributor, fx.programmeInput(theirs.slug)));
    expect(error.details?.fields?.funder).toMatch(/financeur inconnu/);
    const mine = await createFunder(contributor, fx.funderInput());
    await expect(createProgramme(contributor, fx.programmeInput(mine.slug))).resolves.toMatchObject({ version: 1 });
  });
});

describe("updating a programme", () => {
  it("applies a patch, bumps the version and records one revision with before and after", async () => {
    const created = await createProgramme(curator, fx.programmeInput(funder, { isNational: false, territories: ["region:53"] }));
    const updated = await updateProgramme(curator, created.slug, {
      version: 1, title: "Nouveau titre du programme", territories: ["departement:29", "departement:56"], eligibility: ["Critère A"],
    });
    expect(updated).toMatchObject({ version: 2, changed: true });
    expect(updated.snapshot).toMatchObject({ title: "Nouveau titre du programme", territories: ["departement:29", "departement:56"], summary: created.snapshot.summary });
    const revisions = await revisionsOf(created.id);
    expect(revisions.map((r) => r.action)).toEqual(["create", "update"]);
    expect(revisions[1]?.before).toEqual(created.snapshot);
    expect(revisions[1]?.after).toEqual(updated.snapshot);
    expect(revisions[1]).toMatchObject({ version: 2, authorId: curator.id, entityLabel: "Nouveau titre du programme" });
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { id: created.id }, select: { updatedById: true, version: true } });
    expect(row).toEqual({ updatedById: curator.id, version: 2 });
  });

  it("changes nothing (no version, no revision) when the patch equals the current state", async () => {
    const created = await createProgramme(curator, fx.programmeInput(funder));
    const same = await updateProgramme(curator, created.slug, { version: 1, title: created.snapshot.title });
    expect(same).toMatchObject({ changed: false, version: 1, revisionId: null });
    expect(await revisionsOf(created.id)).toHaveLength(1);
  });

  it("refuses a stale version with the current snapshot and version, and writes nothing", async () => {
    const created = await createProgramme(curator, fx.programmeInput(funder));
    await updateProgramme(curator, created.slug, { version: 1, title: "Titre de la version deux" });
    const error = await rejection(updateProgramme(admin, created.slug, { version: 1, title: "Titre écrasé" }));
    expect(error.code).toBe("conflict");
    expect(error.details?.currentVersion).toBe(2);
    expect(error.details?.current).toMatchObject({ title: "Titre de la version deux" });
    expect(error.message).toMatch(/modifié entre-temps par Claire Curatrice/);
    expect(await revisionsOf(created.id)).toHaveLength(2);
  });

  it("lets exactly one of two concurrent saves of the same version win", async () => {
    const created = await createProgramme(curator, fx.programmeInput(funder));
    const results = await Promise.allSettled([
      updateProgramme(curator, created.slug, { version: 1, title: "Sauvegarde de Claire" }),
      updateProgramme(admin, created.slug, { version: 1, title: "Sauvegarde de l'admin", summary: "Un autre résumé du programme." }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", details: { currentVersion: 2 } });
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { id: created.id }, select: { version: true, title: true } });
    expect(row.version).toBe(2);
    expect(row.title).toBe((won[0] as PromiseFulfilledResult<{ snapshot: { title: string } }>).value.snapshot.title);
    const revisions = await revisionsOf(created.id);
    expect(revisions.map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("refuses the save when another connection commits between its read and its UPDATE (server)", async (ctx) => {
    if (db.config.kind !== "postgres") return ctx.skip(); // PGlite has one connection: the test above covers it
    const created = await createProgramme(curator, fx.programmeInput(funder));
    const other = new pg.Client({ connectionString: db.config.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("UPDATE programme SET version = version + 1, title = 'Écrit par une autre connexion' WHERE id = $1", [created.id]);
      // The save reads version 1 (the other write is not committed), then its UPDATE waits for the row
      // (the only statement of the save that takes a row lock).
      const save = updateProgramme(admin, created.slug, { version: 1, title: "Écrit par le service" }).then((r) => r, (e: unknown) => e);
      let waiting = 0;
      for (let i = 0; i < 100 && waiting === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const rows = await other.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        waiting = rows.rows[0]?.n ?? 0;
      }
      expect(waiting).toBe(1);
      await other.query("COMMIT");
      expect(await save).toMatchObject({ code: "conflict", details: { currentVersion: 2, current: { title: "Écrit par une autre connexion" } } });
    } finally {
      await other.end();
    }
    expect(await revisionsOf(created.id)).toHaveLength(1);
  });

  it("lets a contributor edit their own drafts only", async () => {
    const mine = await createProgramme(contributor, fx.programmeInput(funder));
    await expect(updateProgramme(contributor, mine.slug, { version: 1, title: "Mon brouillon modifié" })).resolves.toMatchObject({ version: 2 });
    const theirs = await createProgramme(otherContributor, fx.programmeInput(funder));
    expect((await rejection(updateProgramme(contributor, theirs.slug, { version: 1, title: "Pas à moi" }))).code).toBe("not_found");
    await transitionProgramme(contributor, mine.slug, { to: "in_review", version: 2 });
    const error = await rejection(updateProgramme(contributor, mine.slug, { version: 3, title: "Trop tard" }));
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/seuls les curateurs/);
  });

  it("turns a database constraint violation into the field's message", async () => {
    const created = await createProgramme(curator, fx.programmeInput(funder));
    const attempts: [() => Promise<unknown>, string][] = [
      [() => db.prisma.programme.update({ where: { id: created.id }, data: { amountMin: 10, amountMax: 5 } }), "amountMax"],
      [() => db.prisma.programme.update({ where: { id: created.id }, data: { fundingRateMax: 150 } }), "fundingRateMax"],
      [() => db.prisma.programme.update({ where: { id: created.id }, data: { opensAt: new Date("2026-02-01"), closesAt: new Date("2026-01-01") } }), "closesAt"],
      [() => db.prisma.programme.update({ where: { id: created.id }, data: { slug: "Pas Un Slug" } }), "slug"],
    ];
    // A slug another programme has.
    const other = await createProgramme(curator, fx.programmeInput(funder));
    attempts.push([() => db.prisma.programme.update({ where: { id: created.id }, data: { slug: other.slug } }), "slug"]);
    for (const [attempt, field] of attempts) {
      const error = await attempt().then(() => null, (e: unknown) => e);
      expect(error, field).not.toBeNull();
      const mapped = constraintError(error);
      expect(mapped?.code, field).toBe("validation_failed");
      expect(Object.keys(mapped?.details?.fields ?? {}), field).toEqual([field]);
    }
  });

  it("gives the slug's field message to the loser of two concurrent creations with the same slug", async () => {
    const input = fx.programmeInput(funder);
    const results = await Promise.allSettled([createProgramme(curator, input), createProgramme(admin, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "validation_failed", details: { fields: { slug: expect.stringMatching(/déjà pris/) } } });
  });
});

describe("the workflow", () => {
  it("follows the policy: 409 for a step that does not exist, 403 for a role that may not", async () => {
    const p = await createProgramme(contributor, fx.programmeInput(funder));
    expect((await rejection(transitionProgramme(contributor, p.slug, { to: "published" }))).code).toBe("forbidden");
    expect((await rejection(transitionProgramme(contributor, p.slug, { to: "archived" }))).code).toBe("forbidden");
    expect((await rejection(transitionProgramme(contributor, p.slug, { to: "draft" }))).code).toBe("invalid_transition");
    const submitted = await transitionProgramme(contributor, p.slug, { to: "in_review", note: "Prêt pour relecture" });
    expect(submitted.snapshot.status).toBe("in_review");
    expect((await rejection(transitionProgramme(otherContributor, p.slug, { to: "draft" }))).code).toBe("not_found");
    const published = await transitionProgramme(curator, p.slug, { to: "published", version: submitted.version });
    expect((await rejection(transitionProgramme(curator, p.slug, { to: "in_review" }))).code).toBe("invalid_transition");
    expect(published.snapshot.status).toBe("published");
    const revisions = await revisionsOf(p.id);
    expect(revisions.map((r) => [r.action, r.version, r.note])).toEqual([
      ["create", 1, null], ["status", 2, "Prêt pour relecture"], ["status", 3, null],
    ]);
    expect(revisions[2]?.before).toMatchObject({ status: "in_review" });
    expect(revisions[2]?.after).toMatchObject({ status: "published" });
    expect((await db.prisma.programme.findUniqueOrThrow({ where: { id: p.id } })).publishedAt).toBeInstanceOf(Date);
  });

  it("refuses to publish a programme whose funder is not published, in a clear sentence", async () => {
    const p = await createProgramme(curator, fx.programmeInput(draftFunder));
    const error = await rejection(transitionProgramme(curator, p.slug, { to: "published" }));
    expect(error.code).toBe("invalid_transition");
    expect(error.message).toBe(
      "Publiez d'abord le financeur « Fondation en brouillon » (actuellement : brouillon) : un programme n'est publié que si son financeur l'est.",
    );
  });

  it("refuses a transition over a stale version", async () => {
    const p = await createProgramme(curator, fx.programmeInput(funder));
    await updateProgramme(curator, p.slug, { version: 1, title: "Titre changé entre-temps" });
    expect(await rejection(transitionProgramme(curator, p.slug, { to: "published", version: 1 }))).toMatchObject({
      code: "conflict", details: { currentVersion: 2 },
    });
  });

  it("shows a published programme at once in the public search and its page, and hides it when archived", async () => {
    const word = `zorglub${Date.now().toString(36)}`;
    const p = await createProgramme(curator, fx.programmeInput(funder, { title: `Programme ${word} de test` }));
    const search = () => searchProgrammes(programmeSearchSchema.parse({ q: word, status: ["open", "upcoming", "permanent", "closing-soon", "closed"] }));
    expect((await search()).total).toBe(0);
    expect(await getProgrammeBySlug(p.slug)).toBeNull();
    await transitionProgramme(curator, p.slug, { to: "published" });
    expect((await search()).items.map((i) => i.slug)).toEqual([p.slug]);
    expect(await getProgrammeBySlug(p.slug)).toMatchObject({ slug: p.slug, title: `Programme ${word} de test` });
    await updateProgramme(curator, p.slug, { version: 2, title: `Programme ${word} renommé` });
    expect((await search()).items[0]?.title).toBe(`Programme ${word} renommé`);
    await transitionProgramme(curator, p.slug, { to: "archived" });
    expect((await search()).total).toBe(0);
    expect(await getProgrammeBySlug(p.slug)).toBeNull();
  });

  it("keeps a funder published while a published programme depends on it", async () => {
    const f = await createFunder(curator, { ...fx.funderInput(), status: "published" });
    const p = await createProgramme(curator, { ...fx.programmeInput(f.slug), status: "published" });
    const error = await rejection(transitionFunder(curator, f.slug, { to: "archived" }));
    expect(error.code).toBe("invalid_transition");
    expect(error.message).toMatch(/porte 1 programme publié/);
    await transitionProgramme(curator, p.slug, { to: "archived" });
    await expect(transitionFunder(curator, f.slug, { to: "archived" })).resolves.toMatchObject({ snapshot: { status: "archived" } });
  });
});

describe("verification and restore", () => {
  it("sets « vérifié le » to now with its note, as its own revision, for curators only", async () => {
    const p = await createProgramme(contributor, fx.programmeInput(funder));
    expect((await rejection(verifyProgramme(contributor, p.slug, { version: 1 }))).code).toBe("forbidden");
    const before = Date.now();
    const verified = await verifyProgramme(curator, p.slug, { version: 1, note: "Vérifié sur le site du financeur" });
    expect(verified.snapshot.verificationNote).toBe("Vérifié sur le site du financeur");
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { id: p.id }, select: { lastVerifiedAt: true } });
    expect(row.lastVerifiedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const revisions = await revisionsOf(p.id);
    expect(revisions.at(-1)).toMatchObject({ action: "verify", version: 2, note: "Vérifié sur le site du financeur" });
    expect((revisions.at(-1)?.before as { lastVerifiedAt: string | null }).lastVerifiedAt).toBeNull();
    // Editing another field keeps the verification instant (the form only knows the day).
    await updateProgramme(curator, p.slug, { version: 2, title: "Titre après vérification" });
    const again = await db.prisma.programme.findUniqueOrThrow({ where: { id: p.id }, select: { lastVerifiedAt: true } });
    expect(again.lastVerifiedAt).toEqual(row.lastVerifiedAt);
  });

  it("restores an earlier version as a new revision, keeping the editorial status", async () => {
    const p = await createProgramme(curator, fx.programmeInput(funder, { eligibility: ["Critère d'origine"] }));
    await updateProgramme(curator, p.slug, { version: 1, title: "Titre modifié", eligibility: [] });
    await transitionProgramme(curator, p.slug, { to: "in_review", version: 2 });
    const created = (await revisionsOf(p.id))[0]!;
    const restored = await restoreProgrammeRevision(curator, p.slug, { revisionId: created.id, version: 3 });
    expect(restored.snapshot).toMatchObject({ title: p.snapshot.title, eligibility: ["Critère d'origine"], status: "in_review" });
    expect(restored.version).toBe(4);
    const last = (await revisionsOf(p.id)).at(-1);
    expect(last).toMatchObject({ action: "restore", version: 4, note: "Version 1 restaurée." });
    expect(last?.before).toMatchObject({ title: "Titre modifié" });
    const other = await createProgramme(curator, fx.programmeInput(funder));
    const foreign = (await revisionsOf(other.id))[0]!;
    expect((await rejection(restoreProgrammeRevision(curator, p.slug, { revisionId: foreign.id, version: 4 }))).code).toBe("not_found");
  });
});

describe("reading for the edit form", () => {
  it("gives the snapshot, the version and what the actor may do; null for what they may not see", async () => {
    const p = await createProgramme(contributor, fx.programmeInput(funder, { isNational: false, territories: ["commune:29019"] }));
    const forEdit = await getProgrammeForEdit(contributor, p.slug);
    expect(forEdit).toMatchObject({
      version: 1, status: "draft", allowedTransitions: ["in_review"], canEdit: true, canVerify: false,
      snapshot: p.snapshot, names: { territories: { "commune:29019": "Brest" } }, createdBy: { id: contributor.id },
    });
    expect(await getProgrammeForEdit(otherContributor, p.slug)).toBeNull();
    expect((await getProgrammeForEdit(curator, p.slug))?.allowedTransitions).toEqual(["in_review", "published", "archived"]);
  });
});
