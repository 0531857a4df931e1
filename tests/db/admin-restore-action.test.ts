import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import type { Database } from "../../lib/db/connect";
import { curationFixtures } from "./support/curation";
import { openTestDatabase } from "./support/test-database";

/**
 * « Restaurer cette version » (lib/actions/revisions.ts) as the history page posts it: the outcome
 * is a redirect back to the history page with a code the page turns into a French message.
 */

process.env.NEXTAUTH_SECRET = "restauration-des-versions-secret-de-test-0123456789";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
  }),
  headers: async () => new Headers({ "x-pathname": "/admin/historique" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));

const { restoreRevisionAction } = await import("../../lib/actions/revisions");
const { createProgramme, transitionProgramme, updateProgramme } = await import("../../lib/data/admin/programme-write");

let db: Database;
const fixtures = curationFixtures(() => db.prisma);
let curator: Actor;
let contributor: Actor;

async function signInAs(actor: Actor) {
  request.cookies.clear();
  request.cookies.set("next-auth.session-token", await encode({ token: { sub: actor.id }, secret: process.env.NEXTAUTH_SECRET! }));
}

/** The redirect the action ends with (Next throws it). */
async function redirectOf(form: Record<string, string | number>): Promise<string> {
  const data = new FormData();
  for (const [k, v] of Object.entries(form)) data.set(k, String(v));
  try {
    await restoreRevisionAction(data);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  throw new Error("the action did not redirect");
}

/** A programme with two versions: v1 (created) and v2 (summary changed). */
async function programmeWithTwoVersions(author: Actor) {
  const funder = (await db.prisma.funder.findFirstOrThrow({ where: { status: "published" }, select: { slug: true } })).slug;
  const created = await createProgramme(author, fixtures.programmeInput(funder, { summary: "Le résumé de la première version." }));
  const updated = await updateProgramme(author, created.slug, { version: created.version, summary: "Le résumé de la deuxième version." });
  const first = await db.prisma.revision.findFirstOrThrow({ where: { entityId: created.id, version: 1 }, select: { id: true } });
  return { slug: created.slug, id: created.id, version: updated.version, firstRevision: first.id };
}

const revisionCount = (entityId: string) => db.prisma.revision.count({ where: { entityId } });

beforeAll(async () => {
  db = await openTestDatabase();
  curator = await fixtures.actor("curator", "Clément Curateur");
  contributor = await fixtures.actor("contributor", "Capucine Contributrice");
});
afterAll(async () => {
  if (db) await fixtures.cleanUp();
  await db?.close();
});

describe("restoreRevisionAction", () => {
  it("restores a version as a new revision and says so on the history page", async () => {
    const p = await programmeWithTwoVersions(curator);
    await signInAs(curator);
    const to = await redirectOf({ entityType: "programme", slug: p.slug, revisionId: p.firstRevision, version: p.version, from: 1, note: "  Retour en arrière  " });
    expect(to).toBe(`/admin/programmes/${p.slug}/historique?restauree=3&depuis=1#resultat`);
    const latest = await db.prisma.revision.findFirstOrThrow({
      where: { entityId: p.id },
      orderBy: { createdAt: "desc" },
      select: { action: true, version: true, note: true, after: true, authorId: true },
    });
    expect(latest).toMatchObject({ action: "restore", version: 3, note: expect.stringMatching(/(^|: )Retour en arrière$/), authorId: curator.id });
    expect((latest.after as { summary: string }).summary).toBe("Le résumé de la première version.");
  });

  it("refuses a restore over a newer version, sending back to the confirmation with the conflict", async () => {
    const p = await programmeWithTwoVersions(curator);
    await signInAs(curator);
    const to = await redirectOf({ entityType: "programme", slug: p.slug, revisionId: p.firstRevision, version: p.version - 1, note: "" });
    expect(to).toBe(`/admin/programmes/${p.slug}/historique?restaurer=${p.firstRevision}&erreur=conflit#confirmation`);
    expect(await revisionCount(p.id)).toBe(2);
  });

  it("tells a contributor they may not restore their entry once it is in review", async () => {
    const p = await programmeWithTwoVersions(contributor);
    const inReview = await transitionProgramme(contributor, p.slug, { to: "in_review", version: p.version });
    await signInAs(contributor);
    const to = await redirectOf({ entityType: "programme", slug: p.slug, revisionId: p.firstRevision, version: inReview.version, note: "" });
    expect(to).toBe(`/admin/programmes/${p.slug}/historique?erreur=interdit#resultat`);
    expect(await revisionCount(p.id)).toBe(3);
  });

  it("does not restore another entry's revision", async () => {
    const a = await programmeWithTwoVersions(curator);
    const b = await programmeWithTwoVersions(curator);
    await signInAs(curator);
    const to = await redirectOf({ entityType: "programme", slug: a.slug, revisionId: b.firstRevision, version: a.version, note: "" });
    expect(to).toBe(`/admin/programmes/${a.slug}/historique?erreur=introuvable#resultat`);
    expect(await revisionCount(a.id)).toBe(2);
  });

  it("sends an anonymous visitor to the sign-in page and writes nothing", async () => {
    const p = await programmeWithTwoVersions(curator);
    request.cookies.clear();
    const to = await redirectOf({ entityType: "programme", slug: p.slug, revisionId: p.firstRevision, version: p.version, note: "" });
    expect(to).toMatch(/^\/connexion\?callbackUrl=/);
    expect(await revisionCount(p.id)).toBe(2);
  });
});
