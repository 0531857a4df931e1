import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import type { Database } from "../../lib/db/connect";
import { LINK_CHECK_JOB } from "../../lib/links/job-run";
import { curationFixtures } from "./support/curation";
import { openTestDatabase } from "./support/test-database";

/**
 * « Lancer une vérification maintenant » (lib/actions/links.ts) as /admin/liens posts it: refused to a
 * contributor (403, nothing started); for a curator, while another run is alive, nothing is started
 * and the page is told so. (A run that does start asks the real sites: lib/links is tested on its own
 * against the local server in links-check.test.ts.)
 */

process.env.NEXTAUTH_SECRET = "verification-des-liens-secret-de-test-0123456789";
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true"; // forbidden(), as next.config.ts enables it

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
  }),
  headers: async () => new Headers({ "x-pathname": "/admin/liens" }),
}));

const { startLinkCheckAction } = await import("../../lib/actions/links");

let db: Database;
const fixtures = curationFixtures(() => db.prisma);
let curator: Actor;
let contributor: Actor;
const runIds: string[] = [];

async function signInAs(actor: Actor) {
  request.cookies.clear();
  request.cookies.set("next-auth.session-token", await encode({ token: { sub: actor.id }, secret: process.env.NEXTAUTH_SECRET! }));
}

/** What the action ends with: Next throws its redirect or its 403. */
async function outcome(): Promise<string> {
  try {
    await startLinkCheckAction(new FormData());
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return digest;
    throw error;
  }
  throw new Error("the action neither redirected nor refused");
}

const runCount = () => db.prisma.jobRun.count({ where: { job: LINK_CHECK_JOB } });

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, contributor] = await Promise.all([fixtures.actor("curator"), fixtures.actor("contributor")]);
});

afterAll(async () => {
  if (db) {
    await db.prisma.jobRun.deleteMany({ where: { id: { in: runIds } } });
    await fixtures.cleanUp();
    await db.close();
  }
});

describe("starting a link check from /admin/liens", () => {
  it("is refused to a contributor, and starts nothing", async () => {
    await signInAs(contributor);
    const before = await runCount();
    expect(await outcome()).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(await runCount()).toBe(before);
  });

  it("tells a curator that a run already goes on, and starts no other", async () => {
    const live = randomUUID();
    runIds.push(live);
    await db.prisma.jobRun.create({ data: { id: live, job: LINK_CHECK_JOB, trigger: "schedule", total: 300, done: 12 } });
    await signInAs(curator);
    const before = await runCount();
    expect(await outcome()).toBe("/admin/liens?lancement=deja#derniere-verification");
    expect(await runCount()).toBe(before);
    expect(await db.prisma.jobRun.findUniqueOrThrow({ where: { id: live }, select: { status: true } })).toEqual({ status: "running" });
    await db.prisma.jobRun.update({ where: { id: live }, data: { status: "succeeded", finishedAt: new Date() } });
  });
});
