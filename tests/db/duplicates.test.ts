import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FormActionState } from "../../lib/actions/form-state";
import type { Actor } from "../../lib/auth/policy";
import {
  DUPLICATE_TITLE_THRESHOLD,
  findSimilarProgrammes,
  normalizeUrl,
  normalizeUrlInDatabase,
} from "../../lib/data/admin/duplicates";
import type { Database } from "../../lib/db/connect";
import type { ProgrammeFormValues } from "../../lib/validation/admin-programme-form";
import type { WithDuplicateCandidates } from "../../lib/validation/duplicate-confirmation";
import { curationFixtures } from "./support/curation";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

/**
 * Duplicate detection (lib/data/admin/duplicates.ts), then the creation flows that use it: the
 * programme form's action (lib/actions/programmes.ts) and POST /api/v1/admin/programmes.
 */

process.env.NEXTAUTH_SECRET = "doublons-secret-de-test-0123456789-abcdefgh";
const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
  }),
  headers: async () => new Headers({ "x-pathname": "/admin/programmes/nouveau", host: "localhost:3000" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { submitProgrammeForm } = await import("../../lib/actions/programmes");
const programmesRoute = await import("../../app/api/v1/admin/programmes/route");
const fx = curationFixtures(() => db.prisma);

let db: Database;
const funderIds: string[] = [];
let funderA: { id: string; slug: string };
let funderB: { id: string; slug: string };
const ids: Record<string, string> = {};
const tag = uniqueSlug("doublon").slice(-8);
// A title that exists nowhere else in the catalogue (the tag makes it unique to this run).
const base = `Appel à projets « Médiation numérique des quartiers ${tag} » 2025`;

beforeAll(async () => {
  db = await openTestDatabase();
  funderA = await createTestFunder(db.prisma, { name: "Financeur A", status: "published" });
  funderB = await createTestFunder(db.prisma, { name: "Financeur B", status: "published" });
  funderIds.push(funderA.id, funderB.id);
  const make = async (key: string, funderId: string, data: Parameters<typeof createTestProgramme>[2]) => {
    ids[key] = (await createTestProgramme(db.prisma, funderId, data)).id;
  };
  await make("original", funderA.id, { title: base, status: "published" });
  await make("otherFunder", funderB.id, { title: base, status: "published" });
  await make("archived", funderA.id, { title: `${base} (ancienne fiche)`, status: "archived" });
  await make("unrelated", funderA.id, { title: `Fonds de soutien aux tiers-lieux ruraux ${tag}`, status: "published" });
  await make("byUrl", funderB.id, {
    title: `Dispositif sans rapport ${tag}`,
    applicationUrl: `https://www.demarches-simplifiees.fr/commencer/candidature-${tag}`,
    sources: { create: [{ url: `https://www.exemple-financeur.fr/aides/${tag}/`, position: 0 }] },
  });
});

afterAll(async () => {
  await fx.cleanUp();
  await deleteTestFunders(db.prisma, funderIds);
});

describe("URL normalisation", () => {
  const cases: [string, string | null][] = [
    ["HTTPS://Www.Exemple.FR/Appel/", "https://www.exemple.fr/Appel"],
    ["http://www.exemple.fr:80/appel#haut", "https://www.exemple.fr/appel"],
    ["https://www.exemple.fr:443/appel/?id=3", "https://www.exemple.fr/appel?id=3"],
    ["https://www.exemple.fr", "https://www.exemple.fr"],
    ["https://www.exemple.fr/", "https://www.exemple.fr"],
    ["https://www.exemple.fr:8443/a//", "https://www.exemple.fr:8443/a"],
    ["  https://exemple.fr/a  ", "https://exemple.fr/a"],
    ["pas une adresse", "pas une adresse"],
    ["", null],
  ];

  it("is the same in TypeScript and in SQL, and ignores scheme and host case, default port, fragment and trailing slash", async () => {
    for (const [url, expected] of cases) {
      expect(normalizeUrl(url), url).toBe(expected);
      expect(await normalizeUrlInDatabase(url), url).toBe(expected);
    }
  });
});

describe("findSimilarProgrammes", () => {
  it("flags a near title of the same funder, with its similarity, and lists the archived entry last, labelled", async () => {
    const found = await findSimilarProgrammes({ title: `Appel à projets Médiation numérique des quartiers ${tag} 2025`, funderId: funderA.id });
    expect(found.map((c) => c.id)).toEqual([ids.original, ids.archived]);
    const [first, archived] = found;
    expect(first?.archived).toBe(false);
    expect(first?.reasons).toHaveLength(1);
    expect(first?.reasons[0]?.code).toBe("similar_title");
    expect(first?.reasons[0]?.similarity).toBeGreaterThanOrEqual(DUPLICATE_TITLE_THRESHOLD);
    expect(first?.reasons[0]?.label).toMatch(/^titre très proche \(similarité [01],\d\d\) chez le même financeur$/);
    expect(archived?.archived).toBe(true);
    expect(archived?.status).toBe("archived");
  });

  it("finds the funder by slug as well as by id, and ignores accents", async () => {
    const found = await findSimilarProgrammes({ title: `Appel a projets Mediation numerique des quartiers ${tag} 2025`, funderSlug: funderA.slug });
    expect(found.map((c) => c.id)).toContain(ids.original);
  });

  it("does not flag the same title at another funder, nor a different title at the same funder", async () => {
    const found = await findSimilarProgrammes({ title: base, funderId: funderA.id });
    expect(found.map((c) => c.id)).not.toContain(ids.otherFunder);
    expect(found.map((c) => c.id)).not.toContain(ids.unrelated);
    expect(await findSimilarProgrammes({ title: base })).toEqual([]);
  });

  it("leaves out the entry itself (excludeId)", async () => {
    const found = await findSimilarProgrammes({ title: base, funderId: funderA.id, excludeId: ids.original });
    expect(found.map((c) => c.id)).toEqual([ids.archived]);
  });

  it("flags the same application link at any funder, whatever its case, scheme or trailing slash", async () => {
    const found = await findSimilarProgrammes({
      title: "Un tout autre titre",
      funderId: funderA.id,
      applicationUrl: `http://WWW.Demarches-Simplifiees.fr/commencer/candidature-${tag}/`,
    });
    expect(found.map((c) => c.id)).toEqual([ids.byUrl]);
    expect(found[0]?.reasons).toEqual([
      { code: "same_application_url", label: "même lien de candidature", urls: [`https://www.demarches-simplifiees.fr/commencer/candidature-${tag}`] },
    ]);
  });

  it("flags a source in common, normalised, and not a different path", async () => {
    const found = await findSimilarProgrammes({ title: "", sourceUrls: [`HTTPS://www.exemple-financeur.fr/aides/${tag}#calendrier`] });
    expect(found.map((c) => c.id)).toEqual([ids.byUrl]);
    expect(found[0]?.reasons.map((r) => r.label)).toEqual(["même source"]);
    expect(await findSimilarProgrammes({ title: "", sourceUrls: [`https://www.exemple-financeur.fr/aides/${tag}-bis`] })).toEqual([]);
  });

  it("flags re-typings of seeded titles at their funder", async () => {
    const retyped: [string, string][] = [
      ["Appel à projets Pass numérique 2020", "Appel à projets « Pass numérique » 2021"],
      ["Appels à projets annuels de la Fondation Afnic pour la solidarité numérique", "Appel à projets annuel Fondation Afnic solidarité numérique"],
      ["AMI « Hubs pour un numérique inclusif » (2e vague)", "AMI Hubs pour un numérique inclusif – deuxième vague"],
    ];
    for (const [seeded, typed] of retyped) {
      const p = await db.prisma.programme.findFirstOrThrow({ where: { title: seeded }, select: { id: true, funderId: true } });
      const found = await findSimilarProgrammes({ title: typed, funderId: p.funderId });
      expect(found.map((c) => c.id), typed).toContain(p.id);
    }
  });

  it("finds no distinct pair of the seed's programmes of one funder above the threshold", async () => {
    const seeded = await db.prisma.programme.findMany({
      where: { createdById: null, slug: { not: { startsWith: "test-" } } },
      select: { id: true, title: true, funderId: true },
    });
    expect(seeded.length).toBeGreaterThan(50);
    const flagged: string[] = [];
    for (const p of seeded) {
      const found = await findSimilarProgrammes({ title: p.title, funderId: p.funderId, excludeId: p.id });
      flagged.push(...found.filter((c) => c.reasons.some((r) => r.code === "similar_title")).map((c) => `${p.title} ~ ${c.title}`));
    }
    expect(flagged).toEqual([]);
  });
});

// ---------------------------------------------------------------- creation flows

async function signInAs(actor: Actor) {
  const token = await encode({ token: { sub: actor.id, email: actor.email, name: actor.name }, secret: process.env.NEXTAUTH_SECRET! });
  request.cookies.clear();
  request.cookies.set("next-auth.session-token", token);
}

async function redirected(promise: Promise<unknown>): Promise<string> {
  try {
    const answer = await promise;
    throw new Error(`no redirect: ${JSON.stringify(answer).slice(0, 400)}`);
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
}

const emptyState = (): FormActionState<ProgrammeFormValues> => ({ ok: false, attempt: 0, values: null, version: null });
function creationForm(title: string, funderSlug: string, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    title,
    summary: "Un programme saisi par le test des doublons.",
    description: "Sa description, assez longue pour le schéma.",
    funder: funderSlug,
    aidKinds: "subvention",
    isNational: "on",
    applicationUrl: `https://www.exemple.fr/sans-rapport/${uniqueSlug("lien")}`,
    ...extra,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

describe("creating a programme that looks like an existing one", () => {
  it("through the form: shows the candidates with the values typed and creates nothing, then creates once confirmed", async () => {
    const curator = await fx.actor("curator");
    await signInAs(curator);
    const title = `Appel à projets « Médiation numérique des quartiers ${tag} » 2026`;
    const before = await db.prisma.programme.count({ where: { funderId: funderA.id } });

    const answer = await submitProgrammeForm(emptyState(), creationForm(title, funderA.slug));
    expect(answer.ok).toBe(false);
    expect(answer.attempt).toBe(1);
    expect(answer.fieldErrors?.title).toMatch(/^Titre : 2 programmes semblables existent déjà/);
    const values = answer.values as ProgrammeFormValues & WithDuplicateCandidates;
    expect(values.title).toBe(title);
    expect(values.summary).toBe("Un programme saisi par le test des doublons.");
    const original = await db.prisma.programme.findUniqueOrThrow({ where: { id: ids.original! }, select: { slug: true, title: true } });
    expect(values.duplicateCandidates?.[0]).toMatchObject({
      slug: original.slug,
      title: original.title,
      funderName: "Financeur A",
      status: "published",
      archived: false,
      href: `/admin/programmes/${original.slug}`,
      reasons: [expect.stringMatching(/^titre très proche \(similarité 0,\d\d\) chez le même financeur$/)],
    });
    expect(values.duplicateCandidates?.[1]).toMatchObject({ archived: true, status: "archived" });
    expect(await db.prisma.programme.count({ where: { funderId: funderA.id } })).toBe(before);

    const to = await redirected(submitProgrammeForm(answer, creationForm(title, funderA.slug, { confirmDuplicate: "on" })));
    const slug = /^\/admin\/programmes\/([a-z0-9-]+)\?cree=1$/.exec(to)?.[1];
    expect(slug, to).toBeTruthy();
    fx.track("programme", slug!);
    expect(await db.prisma.programme.count({ where: { funderId: funderA.id } })).toBe(before + 1);
  });

  it("through the form: a title with no look-alike is created at once", async () => {
    await signInAs(await fx.actor("curator"));
    const to = await redirected(submitProgrammeForm(emptyState(), creationForm(`Fonds pour les ateliers de réparation ${tag}`, funderA.slug)));
    expect(to).toMatch(/^\/admin\/programmes\/[a-z0-9-]+\?cree=1$/);
    fx.track("programme", to.split("/")[3]!.split("?")[0]!);
  });

  it("through the form: a contributor is not told about someone else's draft, only about published entries", async () => {
    const other = await fx.actor("contributor");
    const draft = await createTestProgramme(db.prisma, funderB.id, { title: `Brouillon confidentiel ${tag}`, status: "draft", createdById: other.id });
    const contributor = await fx.actor("contributor");
    await signInAs(contributor);
    const to = await redirected(submitProgrammeForm(emptyState(), creationForm(`Brouillon confidentiel ${tag}`, funderB.slug)));
    expect(to).toMatch(/\?cree=1$/);
    fx.track("programme", to.split("/")[3]!.split("?")[0]!);
    const answer = await submitProgrammeForm(emptyState(), creationForm(base, funderB.slug));
    const candidates = (answer.values as WithDuplicateCandidates).duplicateCandidates;
    expect(candidates?.map((c) => [c.slug, c.href])).toEqual([[expect.any(String), expect.stringMatching(/^\/financements\//)]]);
    expect(candidates?.some((c) => c.slug === draft.slug)).toBe(false);
  });

  it("through the API: 409 possible_duplicate with the candidates, 201 with confirmDuplicate: true, 400 before 409", async () => {
    const curator = await fx.actor("curator");
    const token = await fx.apiToken(curator.id);
    const post = (body: unknown) =>
      programmesRoute.POST(
        new Request("http://localhost:3000/api/v1/admin/programmes", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        }),
      );
    const input = fx.programmeInput(funderB.slug, {
      title: "Dispositif entièrement différent",
      applicationUrl: `https://WWW.demarches-simplifiees.fr/commencer/candidature-${tag}/`,
    });
    const refused = await post(input);
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { code: string; message: string; candidates: { slug: string; reasons: { code: string }[]; href: string }[] } };
    expect(error.code).toBe("possible_duplicate");
    expect(error.message).toMatch(/confirmDuplicate/);
    expect(error.candidates).toHaveLength(1);
    expect(error.candidates[0]?.reasons.map((r) => r.code)).toEqual(["same_application_url"]);
    expect(await db.prisma.programme.count({ where: { slug: input.slug! } })).toBe(0);

    expect((await post({ ...input, applicationUrl: "pas une adresse" })).status).toBe(400);
    expect((await post({ ...input, confirmDuplicate: "peut-être" })).status).toBe(400);
    const created = await post({ ...input, confirmDuplicate: true });
    expect(created.status).toBe(201);
    expect(await db.prisma.programme.count({ where: { slug: input.slug! } })).toBe(1);
  });
});
