import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { getQualityCounts, getQualityQueue, type QualityItem } from "../../lib/data/admin/quality";
import type { Database } from "../../lib/db/connect";
import { parseQualityQueue, type QualityKind } from "../../lib/validation/quality-queue";
import { curationFixtures } from "./support/curation";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

/**
 * The quality queue (lib/data/admin/quality.ts): each kind on rows made for it (and the near misses
 * that must stay out), counts, filters, paging, visibility, and the queue's two actions
 * (lib/actions/quality.ts) called as a browser does, with a real session cookie.
 */

process.env.NEXTAUTH_SECRET = "file-qualite-secret-de-test-0123456789-abcdef";
const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
  }),
  headers: async () => new Headers({ "x-pathname": "/admin/qualite", host: "localhost:3000" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { verifyFromQueue, archiveFromQueue } = await import("../../lib/actions/quality");

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let contributor: Actor;
let funder: { id: string; slug: string };
const funderIds: string[] = [];
const slugs: Record<string, string> = {};
const contributionIds: string[] = [];
const linkUrls: string[] = [];
const now = new Date();
const day = 86_400_000;
const at = (days: number) => new Date(now.getTime() + days * day);
const tag = uniqueSlug("q").slice(-8);
const complete = { applicationUrl: `https://www.exemple.fr/candidater/${tag}`, amountMax: 20_000, lastVerifiedAt: at(-1) };

/** The queue for this file's funder only: the seed and other files' rows stay out. */
const queue = (actor: Actor, params: Record<string, string> = {}) => getQualityQueue(actor, parseQualityQueue({ funder: funder.slug, perPage: "100", ...params }));
const kindsOf = (items: QualityItem[]) =>
  Object.fromEntries(items.map((i) => [i.type === "programme" ? i.slug : `contribution:${i.id}`, i.kinds]));

beforeAll(async () => {
  db = await openTestDatabase();
  curator = await fx.actor("curator", "Claire Curatrice");
  contributor = await fx.actor("contributor", "Paul Partenaire");
  funder = await createTestFunder(db.prisma, { status: "published", name: `Financeur de la file ${tag}` });
  funderIds.push(funder.id);
  const make = async (key: string, data: Parameters<typeof createTestProgramme>[2]) => {
    slugs[key] = (await createTestProgramme(db.prisma, funder.id, { status: "published", title: `Fiche ${key} ${tag}`, ...complete, ...data })).slug;
  };
  await make("complete", {});
  await make("neverVerified", { lastVerifiedAt: null });
  await make("verifiedLongAgo", { lastVerifiedAt: at(-200) });
  await make("pastDate", { closesAt: at(-3) });
  await make("pastDateDeclaredClosed", { closesAt: at(-3), isClosed: true });
  await make("roundsAllPast", { rounds: { create: [{ label: "2023", closesAt: at(-700) }, { label: "2024", closesAt: at(-300) }] } });
  await make("roundsOneAhead", { rounds: { create: [{ label: "2024", closesAt: at(-300) }, { label: "2026", closesAt: at(40) }] } });
  await make("roundsPastPermanent", { recurrence: "permanent", rounds: { create: [{ label: "2024", closesAt: at(-300) }] } });
  await make("noLinkStale", { applicationUrl: null, lastVerifiedAt: at(-200) });
  await make("noLinkVerified", { applicationUrl: null });
  await make("noLinkClosed", { applicationUrl: null, isClosed: true, lastVerifiedAt: at(-200) });
  await make("noAmountStale", { amountMax: null, lastVerifiedAt: null });
  await make("amountNoteOnly", { amountMax: null, amountNote: "Selon le budget de l'année.", lastVerifiedAt: null });
  await make("brokenLink", { applicationUrl: `https://www.exemple.fr/casse/${tag}` });
  await make("failedOnce", { applicationUrl: `https://www.exemple.fr/une-fois/${tag}` });
  await make("reviewWithNote", { status: "in_review", reviewNote: "Montant à confirmer auprès du financeur." });
  await make("reviewWithoutNote", { status: "in_review", lastVerifiedAt: null });
  await make("draftWithNote", { status: "draft", reviewNote: "Doute sur les dates." });
  await make("archivedStale", { status: "archived", lastVerifiedAt: null });
  await make("contributorsOwn", { lastVerifiedAt: null, createdById: contributor.id });
  await make("toVerify", { lastVerifiedAt: null });
  await make("toArchive", { lastVerifiedAt: null });

  for (const [url, failures] of [[`https://www.exemple.fr/casse/${tag}`, 2], [`https://www.exemple.fr/une-fois/${tag}`, 1]] as const) {
    linkUrls.push(url);
    await db.prisma.linkCheck.create({
      data: { url, outcome: "broken", httpStatus: 404, consecutiveFailures: failures, checkedAt: at(-1), failingSince: at(-8) },
    });
  }
  const corrected = await db.prisma.programme.findUniqueOrThrow({ where: { slug: slugs.complete! }, select: { id: true } });
  const contribution = (data: { kind: "proposal" | "correction"; status?: "pending" | "accepted"; programmeId?: string; title?: string }) =>
    db.prisma.contribution
      .create({
        data: {
          kind: data.kind,
          status: data.status ?? "pending",
          programmeId: data.programmeId ?? null,
          payload: data.title ? { title: data.title, funderName: "Conseil départemental imaginaire" } : { topic: "dates", correction: "La date a changé." },
          proposerEmail: "personne@example.test",
          senderHash: `hash-${tag}`,
        },
        select: { id: true },
      })
      .then((c) => (contributionIds.push(c.id), c.id));
  slugs.correction = await contribution({ kind: "correction", programmeId: corrected.id });
  slugs.acceptedCorrection = await contribution({ kind: "correction", programmeId: corrected.id, status: "accepted" });
  slugs.proposal = await contribution({ kind: "proposal", title: `Appel à projets proposé ${tag}` });
});

afterAll(async () => {
  if (!db) return;
  await db.prisma.contribution.deleteMany({ where: { id: { in: contributionIds } } });
  await db.prisma.linkCheck.deleteMany({ where: { url: { in: linkUrls } } });
  await db.prisma.revision.deleteMany({ where: { authorId: { in: [curator.id, contributor.id] } } });
  await deleteTestFunders(db.prisma, funderIds);
  await fx.cleanUp();
});

describe("the quality queue's kinds", () => {
  it("lists each programme with every kind it has, and leaves the near misses out", async () => {
    const page = await queue(curator);
    const kinds = kindsOf(page.items);
    const expected: Record<string, QualityKind[]> = {
      neverVerified: ["unverified"],
      verifiedLongAgo: ["unverified"],
      pastDate: ["past-closing"],
      roundsAllPast: ["past-closing"],
      noLinkStale: ["no-application-url", "unverified"],
      noLinkClosed: ["unverified"],
      noAmountStale: ["no-amount", "unverified"],
      amountNoteOnly: ["unverified"],
      brokenLink: ["broken-link"],
      reviewWithNote: ["review-note"],
      contributorsOwn: ["unverified"],
      toVerify: ["unverified"],
      toArchive: ["unverified"],
    };
    for (const [key, value] of Object.entries(expected)) expect(kinds[slugs[key]!], key).toEqual(value);
    for (const key of ["complete", "pastDateDeclaredClosed", "roundsOneAhead", "roundsPastPermanent", "noLinkVerified", "failedOnce", "reviewWithoutNote", "draftWithNote", "archivedStale"]) {
      expect(kinds[slugs[key]!], key).toBeUndefined();
    }
    // The correction of this funder's programme; the proposal names no funder of the catalogue.
    expect(kindsOf(page.items)[`contribution:${slugs.correction}`]).toEqual(["contribution"]);
    expect(page.items.some((i) => i.id === slugs.proposal || i.id === slugs.acceptedCorrection)).toBe(false);
  });

  it("says when the broken link failed, and the last session of a call whose sessions are all past", async () => {
    const { items } = await queue(curator);
    const broken = items.find((i) => i.type === "programme" && i.slug === slugs.brokenLink);
    expect(broken?.type === "programme" && broken.link).toEqual({ failures: 2, failingSince: at(-8), checkedAt: at(-1) });
    const rounds = items.find((i) => i.type === "programme" && i.slug === slugs.roundsAllPast);
    expect(rounds?.type === "programme" && rounds.lastRoundClosesAt).toEqual(at(-300));
  });

  it("orders by urgency: broken link, past closing, contributions, review notes, then the rest", async () => {
    const { items } = await queue(curator);
    const firstKinds = items.slice(0, 5).map((i) => i.kinds[0]);
    expect(firstKinds).toEqual(["broken-link", "past-closing", "past-closing", "contribution", "review-note"]);
  });

  it("counts each kind, in one scan, and the counts follow the funder and search filters", async () => {
    const page = await queue(curator);
    expect(page.counts).toEqual({
      "broken-link": 1,
      "past-closing": 2,
      contribution: 1,
      "review-note": 1,
      "no-application-url": 1,
      "no-amount": 1,
      unverified: 9,
      total: 14,
    });
    expect(page.total).toBe(14);
    const searched = await queue(curator, { q: `fiche nolinkstale ${tag}` });
    expect(searched.counts.total).toBe(1);
    expect(searched.items.map((i) => i.type === "programme" && i.slug)).toEqual([slugs.noLinkStale]);
  });

  it("filters by kind and pages", async () => {
    const byKind = await queue(curator, { kind: "unverified" });
    expect(byKind.total).toBe(9);
    expect(byKind.items.every((i) => (i.kinds as string[]).includes("unverified"))).toBe(true);
    const page2 = await queue(curator, { kind: "unverified", perPage: "4", page: "2" });
    expect(page2.items).toHaveLength(4);
    expect(page2.total).toBe(9);
    expect(page2.items.map((i) => i.id)).toEqual(byKind.items.slice(4, 8).map((i) => i.id));
    const contributions = await queue(curator, { kind: "contribution" });
    expect(contributions.items.map((i) => i.id)).toEqual([slugs.correction]);
    // The proposal, with no catalogue funder, is found without the funder filter.
    const proposals = await getQualityQueue(curator, parseQualityQueue({ kind: "contribution", q: `propose ${tag}` }));
    expect(proposals.items.map((i) => [i.id, i.type === "contribution" && i.contributionKind, i.title])).toEqual([
      [slugs.proposal, "proposal", `Appel à projets proposé ${tag}`],
    ]);
  });

  it("shows a contributor only their own entries, and no contributions", async () => {
    const page = await queue(contributor);
    expect(page.items.map((i) => i.type === "programme" && i.slug)).toEqual([slugs.contributorsOwn]);
    expect(page.counts.total).toBe(1);
    expect(page.counts.contribution).toBe(0);
  });

  it("gives the dashboard the whole queue's counts, the same as the page's without filters", async () => {
    const counts = await getQualityCounts(curator);
    const page = await getQualityQueue(curator, parseQualityQueue({}));
    expect(counts).toEqual(page.counts);
    expect(counts.total).toBe(page.total);
    expect(counts.unverified).toBeGreaterThanOrEqual(9);
    expect(counts["broken-link"]).toBeGreaterThanOrEqual(1);
    expect(await getQualityCounts(contributor)).toMatchObject({ total: 1, unverified: 1, contribution: 0 });
  });
});

async function signInAs(actor: Actor) {
  const token = await encode({ token: { sub: actor.id, email: actor.email, name: actor.name }, secret: process.env.NEXTAUTH_SECRET! });
  request.cookies.clear();
  request.cookies.set("next-auth.session-token", token);
}

async function redirected(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("no redirect");
}

const actionForm = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
};
const versionOf = async (slug: string) => (await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version;

describe("the queue's actions", () => {
  it("« Vérifié aujourd'hui » takes the item out of the queue and writes a revision with the note", async () => {
    const slug = slugs.toVerify!;
    await signInAs(curator);
    const version = await versionOf(slug);
    const to = await redirected(
      verifyFromQueue(actionForm({ slug, version: String(version), note: "Page du financeur relue.", back: `kind=unverified&funder=${funder.slug}&evil=https://x` })),
    );
    expect(to).toBe(`/admin/qualite?kind=unverified&funder=${funder.slug}&resultat=verifiee&fiche=${slug}`);
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { id: true, version: true, lastVerifiedAt: true, verificationNote: true } });
    expect(row.version).toBe(version + 1);
    expect(row.verificationNote).toBe("Page du financeur relue.");
    expect(row.lastVerifiedAt!.getTime()).toBeGreaterThan(now.getTime() - 1000);
    const revision = await db.prisma.revision.findFirstOrThrow({ where: { entityId: row.id }, orderBy: { createdAt: "desc" } });
    expect([revision.action, revision.authorId, revision.note]).toEqual(["verify", curator.id, "Page du financeur relue."]);
    expect((await queue(curator)).items.some((i) => i.type === "programme" && i.slug === slug)).toBe(false);
  });

  it("refuses a stale version (conflict) and a contributor (forbidden), writing nothing", async () => {
    const slug = slugs.toArchive!;
    const version = await versionOf(slug);
    await signInAs(curator);
    expect(await redirected(verifyFromQueue(actionForm({ slug, version: String(version + 5) })))).toBe(`/admin/qualite?resultat=conflit&fiche=${slug}`);
    await signInAs(contributor);
    expect(await redirected(verifyFromQueue(actionForm({ slug: slugs.contributorsOwn!, version: String(await versionOf(slugs.contributorsOwn!)) })))).toBe(
      `/admin/qualite?resultat=interdit&fiche=${slugs.contributorsOwn}`,
    );
    expect(await redirected(archiveFromQueue(actionForm({ slug: slugs.contributorsOwn!, version: "1" })))).toMatch(/resultat=interdit/);
    expect(await versionOf(slug)).toBe(version);
    expect(await db.prisma.programme.findUniqueOrThrow({ where: { slug: slugs.contributorsOwn! }, select: { status: true, version: true } })).toEqual({ status: "published", version: 1 });
  });

  it("« Archiver » archives the entry with a revision and takes it out of the queue", async () => {
    const slug = slugs.toArchive!;
    await signInAs(curator);
    const version = await versionOf(slug);
    expect(await redirected(archiveFromQueue(actionForm({ slug, version: String(version), back: "page=2" })))).toBe(`/admin/qualite?page=2&resultat=archivee&fiche=${slug}`);
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { id: true, status: true } });
    expect(row.status).toBe("archived");
    const revision = await db.prisma.revision.findFirstOrThrow({ where: { entityId: row.id }, orderBy: { createdAt: "desc" } });
    expect(revision.action).toBe("status");
    expect((await queue(curator)).items.some((i) => i.type === "programme" && i.slug === slug)).toBe(false);
  });
});
