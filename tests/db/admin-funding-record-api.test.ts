import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as caseStudiesRoute from "../../app/api/v1/admin/case-studies/route";
import * as caseStudyRoute from "../../app/api/v1/admin/case-studies/[slug]/route";
import * as recordsRoute from "../../app/api/v1/admin/funding-records/route";
import * as recordRoute from "../../app/api/v1/admin/funding-records/[slug]/route";
import * as recordRestoreRoute from "../../app/api/v1/admin/funding-records/[slug]/restore/route";
import * as recordStatusRoute from "../../app/api/v1/admin/funding-records/[slug]/status/route";
import type { Database } from "../../lib/db/connect";
import { curationFixtures } from "./support/curation";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

/** /api/v1/admin/funding-records and /case-studies through their route handlers, with real API tokens. */

let db: Database;
const fx = curationFixtures(() => db.prisma);
const tokens = { curator: "", contributor: "" };
const slugs: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const [curator, contributor] = await Promise.all([fx.actor("curator"), fx.actor("contributor")]);
  tokens.curator = await fx.apiToken(curator.id);
  tokens.contributor = await fx.apiToken(contributor.id);
});
afterAll(async () => {
  if (db) {
    const records = await db.prisma.fundingRecord.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
    const studies = await db.prisma.caseStudy.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
    const ids = [...records, ...studies].map((r) => r.id);
    await db.prisma.revision.deleteMany({ where: { entityId: { in: ids } } });
    await db.prisma.fundingRecord.deleteMany({ where: { slug: { in: slugs } } });
    await db.prisma.caseStudy.deleteMany({ where: { slug: { in: slugs } } });
  }
  await fx.cleanUp();
  await db?.close();
});

type Handler = (req: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;
function call(handler: Handler | ((req: Request) => Promise<Response>), method: string, as: keyof typeof tokens | null, { body, slug = "" }: { body?: unknown; slug?: string } = {}) {
  const request = new Request("http://localhost:3000/api/v1/admin/x", {
    method,
    headers: { "content-type": "application/json", ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (handler as Handler)(request, { params: Promise.resolve({ slug }) });
}

describe("the funding records API", () => {
  it("creates, refuses a stale patch with 409, publishes and restores, each answer with its version", async () => {
    const slug = uniqueSlug("test-api-montant");
    slugs.push(slug);
    const body = { slug, label: "Montant créé par l'API", yearStart: 2022, yearEnd: 2023, amount: 50_000, funder: "anct", sourceUrls: ["https://www.example.gouv.fr/api"] };
    const created = await call(recordsRoute.POST, "POST", "curator", { body });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/admin/funding-records/${slug}`);

    const patched = await call(recordRoute.PATCH, "PATCH", "curator", { slug, body: { version: 1, amount: 60_000 } });
    expect(await patched.json()).toMatchObject({ version: 2, changed: true, fundingRecord: { amount: 60_000 } });
    const stale = await call(recordRoute.PATCH, "PATCH", "curator", { slug, body: { version: 1, amount: 70_000 } });
    expect(stale.status).toBe(409);

    const invalid = await call(recordRoute.PATCH, "PATCH", "curator", { slug, body: { version: 2, yearEnd: 2020 } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toContain("Dernière année : elle ne peut pas précéder la première année (2022).");

    const published = await call(recordStatusRoute.POST, "POST", "curator", { slug, body: { to: "published", version: 2 } });
    expect(await published.json()).toMatchObject({ status: "published", version: 3 });
    const first = await db.prisma.revision.findFirstOrThrow({ where: { entityType: "funding-record", action: "create", entityLabel: "Montant créé par l'API" }, select: { id: true } });
    const restored = await call(recordRestoreRoute.POST, "POST", "curator", { slug, body: { revisionId: first.id, version: 3 } });
    expect(await restored.json()).toMatchObject({ version: 4, fundingRecord: { amount: 50_000, status: "published" } });

    const list = await call(recordsRoute.GET, "GET", "curator");
    expect(list.status).toBe(200);
  });

  it("answers 401 without a token and 404 to a contributor for someone else's record", async () => {
    const seeded = await db.prisma.fundingRecord.findFirstOrThrow({ where: { status: "published", createdById: null }, select: { slug: true } });
    expect((await call(recordRoute.GET, "GET", null, { slug: seeded.slug })).status).toBe(401);
    expect((await call(recordRoute.GET, "GET", "contributor", { slug: seeded.slug })).status).toBe(404);
    expect((await call(recordRoute.PATCH, "PATCH", "contributor", { slug: seeded.slug, body: { version: 1, label: "Changé" } })).status).toBe(404);
  });
});

describe("the case studies API", () => {
  it("creates a draft for a contributor whatever status is asked, and reads it back", async () => {
    const slug = uniqueSlug("test-api-retour");
    slugs.push(slug);
    const body = {
      slug, status: "published", title: "Retour créé par l'API", summary: "Un retour d'expérience créé par le test de l'API.",
      body: "Une structure a assemblé plusieurs financements pour ouvrir un lieu de médiation numérique.",
      sourceUrls: ["https://www.example.gouv.fr/retour"], funders: ["anct"],
    };
    const created = await call(caseStudiesRoute.POST, "POST", "contributor", { body });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ status: "draft", caseStudy: { funders: ["anct"] } });
    const read = await call(caseStudyRoute.GET, "GET", "contributor", { slug });
    expect(await read.json()).toMatchObject({ slug, version: 1, canEdit: true, caseStudy: { title: "Retour créé par l'API" } });
  });
});
