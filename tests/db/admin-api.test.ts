import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as fundersRoute from "../../app/api/v1/admin/funders/route";
import * as funderRoute from "../../app/api/v1/admin/funders/[slug]/route";
import * as funderStatusRoute from "../../app/api/v1/admin/funders/[slug]/status/route";
import * as funderRevisionsRoute from "../../app/api/v1/admin/funders/[slug]/revisions/route";
import * as programmesRoute from "../../app/api/v1/admin/programmes/route";
import * as programmeRoute from "../../app/api/v1/admin/programmes/[slug]/route";
import * as restoreRoute from "../../app/api/v1/admin/programmes/[slug]/restore/route";
import * as revisionsRoute from "../../app/api/v1/admin/programmes/[slug]/revisions/route";
import * as statusRoute from "../../app/api/v1/admin/programmes/[slug]/status/route";
import * as verifyRoute from "../../app/api/v1/admin/programmes/[slug]/verify/route";
import type { Actor } from "../../lib/auth/policy";
import type { Database } from "../../lib/db/connect";
import { seededRandom } from "../support/random";
import { curationFixtures } from "./support/curation";
import { openTestDatabase } from "./support/test-database";

/**
 * /api/v1/admin through its route handlers (the exported GET/POST/PATCH called with real Request
 * objects), authenticated by real API tokens: 400/401/403/404/409, the headers, concurrency, fuzz.
 */

let db: Database;
const fx = curationFixtures(() => db.prisma);
const tokens: Record<"curator" | "admin" | "contributor" | "other", string> = { curator: "", admin: "", contributor: "", other: "" };
let contributor: Actor;
let funder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  const [c, a, k, o] = await Promise.all([fx.actor("curator"), fx.actor("admin"), fx.actor("contributor"), fx.actor("contributor")]);
  contributor = k!;
  tokens.curator = await fx.apiToken(c!.id);
  tokens.admin = await fx.apiToken(a!.id);
  tokens.contributor = await fx.apiToken(k!.id);
  tokens.other = await fx.apiToken(o!.id);
  const res = await call(fundersRoute.POST, "POST", "/funders", { as: "curator", body: { ...fx.funderInput(), status: "published" } });
  funder = ((await res.json()) as { slug: string }).slug;
});
afterAll(async () => {
  await fx.cleanUp();
  await db?.close();
});

type Handler = (req: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;
type Who = keyof typeof tokens | "nobody";

function call(
  handler: Handler | ((req: Request) => Promise<Response>),
  method: string,
  path: string,
  { as = "nobody", body, raw, slug = "", headers = {} }: { as?: Who; body?: unknown; raw?: string; slug?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: {
      ...(body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {}),
      ...(as === "nobody" ? {} : { authorization: `Bearer ${tokens[as]}` }),
      ...headers,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  };
  return (handler as Handler)(new Request(`http://localhost:3000/api/v1/admin${path}`, init), { params: Promise.resolve({ slug }) });
}

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string>; currentVersion?: number; current?: Record<string, unknown> } };
const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

async function createDraft(as: Who = "curator", overrides: Record<string, unknown> = {}) {
  // Every draft here has the same title at the same funder: confirmed as no duplicate (tests/db/duplicates.test.ts tests the 409).
  const res = await call(programmesRoute.POST, "POST", "/programmes", { as, body: { ...fx.programmeInput(funder), confirmDuplicate: true, ...overrides } });
  expect(res.status).toBe(201);
  return json<{ slug: string; version: number; programme: Record<string, unknown> }>(res);
}

describe("authentication and visibility", () => {
  it("answers 401 without credentials or with an unknown token", async () => {
    for (const headers of [{}, { authorization: "Bearer fin_pas_un_vrai_jeton" }, { authorization: "Basic abc" }] as Record<string, string>[]) {
      const res = await call(programmesRoute.GET, "GET", "/programmes", { headers });
      expect(res.status).toBe(401);
      expect((await json<ErrorBody>(res)).error).toMatchObject({ code: "unauthenticated", fields: {} });
    }
    const post = await call(programmesRoute.POST, "POST", "/programmes", { body: fx.programmeInput(funder) });
    expect(post.status).toBe(401);
  });

  it("answers 404 to a contributor asking for someone else's draft, and for what does not exist", async () => {
    const theirs = await createDraft("other");
    expect((await call(programmeRoute.GET, "GET", `/programmes/${theirs.slug}`, { as: "contributor", slug: theirs.slug })).status).toBe(404);
    expect((await call(programmeRoute.PATCH, "PATCH", `/programmes/${theirs.slug}`, { as: "contributor", slug: theirs.slug, body: { version: 1, title: "Volé" } })).status).toBe(404);
    expect((await call(revisionsRoute.GET, "GET", `/programmes/${theirs.slug}/revisions`, { as: "contributor", slug: theirs.slug })).status).toBe(404);
    expect((await call(programmeRoute.GET, "GET", "/programmes/x", { as: "curator", slug: "n-existe-pas-du-tout" })).status).toBe(404);
    expect((await call(programmeRoute.GET, "GET", "/programmes/x", { as: "curator", slug: "Pas un slug !" })).status).toBe(404);
    expect((await call(programmeRoute.GET, "GET", `/programmes/${theirs.slug}`, { as: "other", slug: theirs.slug })).status).toBe(200);
  });

  it("answers 403 to a role that may not", async () => {
    const mine = await createDraft("contributor");
    const publish = await call(statusRoute.POST, "POST", "/status", { as: "contributor", slug: mine.slug, body: { to: "published" } });
    expect(publish.status).toBe(403);
    expect((await json<ErrorBody>(publish)).error.code).toBe("forbidden");
    const verify = await call(verifyRoute.POST, "POST", "/verify", { as: "contributor", slug: mine.slug, body: { version: 1 } });
    expect(verify.status).toBe(403);
  });

  it("lists only a contributor's own programmes", async () => {
    const mine = await createDraft("contributor");
    const res = await call(programmesRoute.GET, "GET", "/programmes?perPage=100&sort=updated", { as: "contributor" });
    const body = await json<{ total: number; items: { slug: string }[] }>(res);
    expect(body.items.map((i) => i.slug)).toContain(mine.slug);
    const owners = await db.prisma.programme.findMany({ where: { slug: { in: body.items.map((i) => i.slug) } }, select: { createdById: true } });
    expect(owners.every((o) => o.createdById === contributor.id)).toBe(true);
    expect(body.total).toBe(owners.length);
  });
});

describe("the answers", () => {
  it("creates (201 + Location), reads, patches, publishes and tells the history", async () => {
    const created = await call(programmesRoute.POST, "POST", "/programmes", {
      as: "curator", body: fx.programmeInput(funder, { title: "Programme créé par l'API", isNational: false, territories: ["commune:29019"] }),
    });
    expect(created.status).toBe(201);
    const { slug, version, programme } = await json<{ slug: string; version: number; programme: { status: string } }>(created);
    expect(created.headers.get("location")).toBe(`/api/v1/admin/programmes/${slug}`);
    expect([version, programme.status]).toEqual([1, "draft"]);

    const read = await json<{ version: number; allowedTransitions: string[]; programme: { territories: string[] } }>(
      await call(programmeRoute.GET, "GET", `/programmes/${slug}`, { as: "curator", slug }),
    );
    expect(read).toMatchObject({ version: 1, allowedTransitions: ["in_review", "published", "archived"], programme: { territories: ["commune:29019"] } });

    const patched = await call(programmeRoute.PATCH, "PATCH", `/programmes/${slug}`, { as: "curator", slug, body: { version: 1, amountMax: 20000 } });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ version: 2, changed: true, programme: { amountMax: 20000 } });

    const published = await call(statusRoute.POST, "POST", "/status", { as: "curator", slug, body: { to: "published", version: 2 } });
    expect(await json(published)).toMatchObject({ version: 3, status: "published" });

    const history = await json<{ revisions: { action: string; version: number; changes: { field: string; after: unknown }[] }[] }>(
      await call(revisionsRoute.GET, "GET", "/revisions", { as: "curator", slug }),
    );
    expect(history.revisions.map((r) => [r.action, r.version])).toEqual([["status", 3], ["update", 2], ["create", 1]]);
    expect(history.revisions[1]?.changes).toEqual([expect.objectContaining({ field: "amountMax", kind: "added" })]);
  });

  it("verifies and restores through the API", async () => {
    const { slug } = await createDraft("curator", { title: "Titre d'origine" });
    await call(programmeRoute.PATCH, "PATCH", "/x", { as: "curator", slug, body: { version: 1, title: "Titre remplacé" } });
    const verified = await call(verifyRoute.POST, "POST", "/verify", { as: "curator", slug, body: { version: 2, note: "Site consulté" } });
    expect(await json(verified)).toMatchObject({ version: 3, programme: { verificationNote: "Site consulté" } });
    const first = await db.prisma.revision.findFirstOrThrow({ where: { entityType: "programme", version: 1, entityId: (await db.prisma.programme.findUniqueOrThrow({ where: { slug } })).id } });
    const restored = await call(restoreRoute.POST, "POST", "/restore", { as: "curator", slug, body: { revisionId: first.id, version: 3 } });
    expect(await json(restored)).toMatchObject({ version: 4, programme: { title: "Titre d'origine" } });
  });

  it("is never cached and grants no cross-origin access", async () => {
    const res = await call(programmesRoute.GET, "GET", "/programmes", { as: "curator", headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const error = await call(programmesRoute.GET, "GET", "/programmes");
    expect(error.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 400 with a message per field, for invalid fields, unknown keys, bad JSON and bad queries", async () => {
    const invalid = await call(programmesRoute.POST, "POST", "/programmes", {
      as: "curator", body: { ...fx.programmeInput(funder), amountMin: 10, amountMax: 5, applicationUrl: "javascript:alert(1)", couleur: "bleu" },
    });
    expect(invalid.status).toBe(400);
    const { error } = await json<ErrorBody>(invalid);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual({
      applicationUrl: expect.stringMatching(/http:\/\/ ou https:\/\//),
      amountMax: expect.stringMatching(/montant minimal/),
      couleur: "Champ inconnu : « couleur ».",
    });
    expect(error.message).toMatch(/3 champs sont à corriger/);

    for (const raw of ["{", "[1,", "", "nul"]) {
      const res = await call(programmesRoute.POST, "POST", "/programmes", { as: "curator", raw });
      expect(res.status, raw).toBe(400);
      expect((await json<ErrorBody>(res)).error.fields._).toMatch(/JSON|vide/);
    }
    const noType = await call(programmesRoute.POST, "POST", "/programmes", { as: "curator", headers: { "content-type": "text/plain" }, raw: "{}" });
    expect(noType.status).toBe(400);
    expect((await json<ErrorBody>(noType)).error.message).toMatch(/Content-Type: application\/json/);

    const query = await call(programmesRoute.GET, "GET", "/programmes?sort=prix&tri=1", { as: "curator" });
    expect(query.status).toBe(400);
    expect(Object.keys((await json<ErrorBody>(query)).error.fields)).toEqual(["tri"]);

    const missingVersion = await call(programmeRoute.PATCH, "PATCH", "/x", { as: "curator", slug: (await createDraft()).slug, body: { title: "Sans version" } });
    expect((await json<ErrorBody>(missingVersion)).error.fields.version).toMatch(/obligatoire/);
  });

  it("answers 409 with the current version and entity to a stale PATCH, and to a step that does not exist", async () => {
    const { slug } = await createDraft();
    await call(programmeRoute.PATCH, "PATCH", "/x", { as: "curator", slug, body: { version: 1, title: "Premier enregistrement" } });
    const stale = await call(programmeRoute.PATCH, "PATCH", "/x", { as: "admin", slug, body: { version: 1, title: "Second enregistrement" } });
    expect(stale.status).toBe(409);
    const { error } = await json<ErrorBody>(stale);
    expect(error).toMatchObject({ code: "conflict", currentVersion: 2, current: { title: "Premier enregistrement", slug } });
    const step = await call(statusRoute.POST, "POST", "/status", { as: "curator", slug, body: { to: "draft" } });
    expect(step.status).toBe(409);
    expect((await json<ErrorBody>(step)).error.code).toBe("invalid_transition");
  });

  it("lets exactly one of two concurrent PATCH requests of the same version win", async () => {
    const { slug } = await createDraft();
    const [a, b] = await Promise.all([
      call(programmeRoute.PATCH, "PATCH", "/x", { as: "curator", slug, body: { version: 1, title: "Onglet A" } }),
      call(programmeRoute.PATCH, "PATCH", "/x", { as: "admin", slug, body: { version: 1, title: "Onglet B" } }),
    ]);
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const loser = a!.status === 409 ? a! : b!;
    expect((await json<ErrorBody>(loser)).error.currentVersion).toBe(2);
    const id = (await db.prisma.programme.findUniqueOrThrow({ where: { slug } })).id;
    expect(await db.prisma.revision.count({ where: { entityType: "programme", entityId: id } })).toBe(2);
  });
});

describe("funders through the API", () => {
  it("creates, patches, publishes and tells the history of a funder", async () => {
    const created = await call(fundersRoute.POST, "POST", "/funders", { as: "contributor", body: { ...fx.funderInput({ name: "Fondation des partenaires" }), status: "published" } });
    expect(created.status).toBe(201);
    const { slug, funder: snapshot } = await json<{ slug: string; funder: { status: string } }>(created);
    expect(snapshot.status).toBe("draft");
    expect((await call(funderRoute.GET, "GET", "/x", { as: "other", slug })).status).toBe(404);
    const patched = await call(funderRoute.PATCH, "PATCH", "/x", { as: "contributor", slug, body: { version: 1, acronym: "FDP", website: "https://fdp.example.org" } });
    expect(await json(patched)).toMatchObject({ version: 2, funder: { acronym: "FDP" } });
    expect((await call(funderStatusRoute.POST, "POST", "/x", { as: "contributor", slug, body: { to: "published" } })).status).toBe(403);
    expect((await call(funderStatusRoute.POST, "POST", "/x", { as: "contributor", slug, body: { to: "in_review", version: 2 } })).status).toBe(200);
    expect((await call(funderStatusRoute.POST, "POST", "/x", { as: "curator", slug, body: { to: "published", version: 3 } })).status).toBe(200);
    const history = await json<{ funder: { status: string }; revisions: { action: string }[] }>(await call(funderRevisionsRoute.GET, "GET", "/x", { as: "curator", slug }));
    expect(history.funder.status).toBe("published");
    expect(history.revisions.map((r) => r.action)).toEqual(["status", "status", "update", "create"]);
    const list = await json<{ items: { slug: string }[] }>(await call(fundersRoute.GET, "GET", `/funders?q=${encodeURIComponent("partenaires")}&status=published&perPage=100`, { as: "curator" }));
    expect(list.items.map((i) => i.slug)).toContain(slug);
  });
});

describe("robustness", () => {
  it("never answers 500, whatever the body or the query (fuzz)", async () => {
    const errors = vi.spyOn(console, "error");
    const random = seededRandom(20261206);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const values: unknown[] = [
      null, true, 0, -1, 1e308, "", " ", "x".repeat(3000), "\u0000", "2026-02-30", "javascript:alert(1)", [], [null], {}, { a: 1 },
      ["subvention", "subvention"], ["commune:29019"], [{ label: "V", opensAt: "x" }], [{ url: "https://a.fr" }], "draft", "published", 1.5, "1",
    ];
    const keys = [
      "title", "summary", "description", "funder", "coFunders", "aidKinds", "territories", "isNational", "amountMin", "amountMax",
      "fundingRateMax", "opensAt", "closesAt", "rounds", "sources", "slug", "version", "status", "to", "note", "revisionId", "__proto__", "constructor",
    ];
    const { slug } = await createDraft();
    const seen = new Set<number>();
    for (let i = 0; i < 120; i++) {
      const body: Record<string, unknown> = i % 3 === 0 ? { ...fx.programmeInput(funder) } : {};
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) body[pick(keys)] = pick(values);
      const as = pick<Who>(["curator", "contributor", "other"]);
      const target = pick([
        () => call(programmesRoute.POST, "POST", "/programmes", { as, body }),
        () => call(programmeRoute.PATCH, "PATCH", "/x", { as, slug, body }),
        () => call(statusRoute.POST, "POST", "/x", { as, slug, body }),
        () => call(verifyRoute.POST, "POST", "/x", { as, slug, body }),
        () => call(restoreRoute.POST, "POST", "/x", { as, slug, body }),
        () => call(fundersRoute.POST, "POST", "/funders", { as, body }),
        () => call(programmesRoute.GET, "GET", `/programmes?${pick(keys)}=${encodeURIComponent(String(pick(values)))}&page=${pick(["0", "2", "x", "99999999"])}`, { as }),
      ]);
      const res = await target();
      seen.add(res.status);
      expect(res.status, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
    }
    expect([...seen].some((s) => s === 400)).toBe(true);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
