import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import type { LinkCheckConfig } from "../../lib/links/config";
import { linkCheckerUserAgent } from "../../lib/links/config";
import { LINK_CHECK_JOB } from "../../lib/links/job-run";
import { findApplicationLinkWarning, listLinkProblems, listProgrammesWithBrokenApplicationLink } from "../../lib/links/queries";
import { runLinkCheck, startLinkCheck } from "../../lib/links/run";
import { tryAcquireLinkCheckLock } from "../../lib/links/run-lock";
import { recordLinkResult } from "../../lib/links/store";
import { listLinkTargets } from "../../lib/links/targets";
import { type HttpFixtureServer, startHttpFixtureServer } from "../support/http-fixture-server";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

/**
 * The link checker against a local HTTP server (tests/support/http-fixture-server.ts): what it
 * records for each kind of answer, how failures add up over runs, how politely it asks (one request
 * at a time per host, a cap on all), and that only one run happens at a time.
 */

let db: Database;
let server: HttpFixtureServer;
const funderIds: string[] = [];
const runIds: string[] = [];
const USER_AGENT = linkCheckerUserAgent({ ...process.env, SITE_URL: "https://financements.example.test", LINK_CHECK_CONTACT: "equipe@example.test" });

const config = (over: Partial<LinkCheckConfig> = {}): LinkCheckConfig => ({
  timeoutMs: 400,
  concurrency: 6,
  hostDelayMs: 0,
  maxRedirects: 5,
  userAgent: USER_AGENT,
  ...over,
});

async function check(urls: string[], over: Partial<LinkCheckConfig> = {}) {
  const summary = await runLinkCheck(db, { trigger: "cli", urls, config: config(over) });
  if (!summary) throw new Error("la vérification n'a pas démarré");
  runIds.push(summary.runId);
  return summary;
}

const row = (url: string) => db.prisma.linkCheck.findUniqueOrThrow({ where: { url } });

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startHttpFixtureServer();
});

afterAll(async () => {
  if (db) {
    await db.prisma.linkCheck.deleteMany({ where: { url: { startsWith: `http://` , contains: `:${server?.port}/` } } });
    await db.prisma.jobRun.deleteMany({ where: { id: { in: runIds } } });
    await deleteTestFunders(db.prisma, funderIds);
    await db.close();
  }
  await server?.close();
});

beforeEach(() => server.reset());

describe("checking URLs against the local server", () => {
  it("records each kind of answer: status, final URL, error in French", async () => {
    const u = (path: string) => `${server.url(path)}?t=${uniqueSlug("a")}`;
    const urls = {
      ok: u("/ok"),
      moved: u("/moved"),
      missing: u("/missing"),
      error: u("/error"),
      loop: u("/loop-a"),
      headRefused: u("/head-refused"),
      slow: u("/slow"),
      fiveRedirects: u("/chain/5"),
      sixRedirects: u("/chain/6"),
    };
    const summary = await check(Object.values(urls));
    expect(summary).toMatchObject({ total: 9, ok: 2, redirected: 2, broken: 4, unreachable: 1 });

    expect(await row(urls.ok)).toMatchObject({ outcome: "ok", httpStatus: 200, finalUrl: null, error: null, consecutiveFailures: 0 });
    expect(await row(urls.moved)).toMatchObject({ outcome: "redirected", httpStatus: 200, finalUrl: server.url("/ok"), error: null });
    expect(await row(urls.missing)).toMatchObject({ outcome: "broken", httpStatus: 404, finalUrl: null, error: "page introuvable (404)", consecutiveFailures: 1 });
    expect(await row(urls.error)).toMatchObject({ outcome: "broken", httpStatus: 500, error: "erreur du serveur (500)" });
    expect(await row(urls.loop)).toMatchObject({ outcome: "broken", httpStatus: 302, error: "boucle de redirections" });
    expect(await row(urls.headRefused)).toMatchObject({ outcome: "ok", httpStatus: 200 });
    expect(await row(urls.slow)).toMatchObject({ outcome: "unreachable", httpStatus: null, error: "délai dépassé après 0,4 s" });
    expect(await row(urls.fiveRedirects)).toMatchObject({ outcome: "redirected", httpStatus: 200, finalUrl: server.url("/chain/0") });
    expect(await row(urls.sixRedirects)).toMatchObject({ outcome: "broken", error: "boucle de redirections (plus de 5 redirections)" });

    const methods = (path: string) => server.requests.filter((r) => r.path === path).map((r) => r.method);
    expect(methods("/head-refused")).toEqual(["HEAD", "GET"]);
    expect(methods("/missing")).toEqual(["HEAD", "GET"]); // a failure is confirmed by a GET before it is recorded
    expect(methods("/ok")).toEqual(["HEAD", "HEAD"]); // /ok itself, and /moved's destination
    expect(methods("/slow")).toEqual(["HEAD"]); // a timeout is not asked twice
    expect(server.requests.every((r) => r.userAgent === USER_AGENT)).toBe(true);
    expect(USER_AGENT).toBe(
      "FinancementsInclusionNumerique-LinkChecker/1.0 (+https://financements.example.test; contact: equipe@example.test)",
    );

    const run = await db.prisma.jobRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run).toMatchObject({ job: LINK_CHECK_JOB, trigger: "cli", status: "succeeded", total: 9, done: 9 });
    expect(run.detail).toMatchObject({ ok: 2, redirected: 2, broken: 4, unreachable: 1 });
    expect(run.finishedAt).not.toBeNull();
  });

  it("stops reading a GET as soon as the headers have come (the body is not downloaded)", async () => {
    const url = `${server.url("/big")}?t=${uniqueSlug("b")}`;
    await check([url]);
    expect(await row(url)).toMatchObject({ outcome: "ok", httpStatus: 200 });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server would go on writing if the client still read
    expect(server.bigBytesSent()).toBeLessThan(2 * 1024 * 1024); // of 12.8 MB
  });

  it("counts failures in a row over runs, keeps when they began, and resets on success", async () => {
    const broken = `${server.url("/missing")}?t=${uniqueSlug("c")}`;
    const fine = `${server.url("/ok")}?t=${uniqueSlug("c")}`;
    await check([broken, fine]);
    const first = await row(broken);
    expect(first).toMatchObject({ consecutiveFailures: 1, lastOkAt: null });
    expect(first.failingSince).toEqual(first.checkedAt);
    const fineFirst = await row(fine);
    expect(fineFirst.lastOkAt).toEqual(fineFirst.checkedAt);

    await check([broken, fine]);
    const second = await row(broken);
    expect(second.consecutiveFailures).toBe(2);
    expect(second.failingSince).toEqual(first.checkedAt);
    expect(second.checkedAt.getTime()).toBeGreaterThan(first.checkedAt.getTime());
    const fineSecond = await row(fine);
    expect(fineSecond).toMatchObject({ consecutiveFailures: 0, failingSince: null });
    expect(fineSecond.lastOkAt!.getTime()).toBeGreaterThan(fineFirst.lastOkAt!.getTime());

    // The page answers again: the count and failing_since start over.
    const recovered = new Date();
    await recordLinkResult(db.sql, broken, { outcome: "ok", httpStatus: 200, finalUrl: null, error: null }, recovered);
    expect(await row(broken)).toMatchObject({ outcome: "ok", consecutiveFailures: 0, failingSince: null, lastOkAt: recovered, error: null });
  });

  it("asks one host one request at a time, and no more than the cap in all", async () => {
    const hosts = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "localhost"];
    const urls = hosts.flatMap((host) => [1, 2, 3].map((i) => `${server.url("/delay/80", host)}?i=${i}&t=${uniqueSlug("d")}`));
    const summary = await check(urls, { concurrency: 3, hostDelayMs: 30 });
    expect(summary.ok).toBe(18);
    expect(server.maxConcurrentPerHost()).toBe(1);
    expect(server.maxConcurrent()).toBe(3);
    const seenHosts = new Set(server.requests.map((r) => r.host.split(":")[0]));
    expect(seenHosts.size).toBe(hosts.length);
  });

  it("waits the pause between two requests to the same host", async () => {
    const urls = [1, 2, 3].map((i) => `${server.url("/ok")}?i=${i}&t=${uniqueSlug("e")}`);
    const started = Date.now();
    await check(urls, { hostDelayMs: 150 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});

describe("one run at a time", () => {
  it("refuses a second run while the first goes on, and accepts one after", async () => {
    const urls = [`${server.url("/delay/300")}?t=${uniqueSlug("f")}`];
    const [a, b] = await Promise.all([
      startLinkCheck(db, { trigger: "cli", urls, config: config() }),
      startLinkCheck(db, { trigger: "admin", urls, config: config() }),
    ]);
    const started = [a, b].filter((s) => s.started);
    expect(started).toHaveLength(1);
    expect([a, b].find((s) => !s.started)).toEqual({ started: false, reason: "busy" });
    const first = started[0]!;
    if (!first.started) throw new Error("unreachable");
    runIds.push(first.runId);
    await first.finished;
    const after = await startLinkCheck(db, { trigger: "cli", urls, config: config() });
    expect(after.started).toBe(true);
    if (after.started) {
      runIds.push(after.runId);
      await after.finished;
    }
  });

  it("marks a running row whose heartbeat stopped as failed, and then runs", async () => {
    const dead = randomUUID();
    runIds.push(dead);
    const old = new Date(Date.now() - 30 * 60_000);
    await db.prisma.jobRun.create({ data: { id: dead, job: LINK_CHECK_JOB, trigger: "schedule", startedAt: old, heartbeatAt: old, total: 10, done: 3 } });
    await check([`${server.url("/ok")}?t=${uniqueSlug("g")}`]);
    const row = await db.prisma.jobRun.findUniqueOrThrow({ where: { id: dead } });
    expect(row.status).toBe("failed");
    expect(row.detail).toMatchObject({ error: expect.stringContaining("interrompue") });
  });

  it("does not start while another process's run is alive (fresh heartbeat)", async () => {
    const live = randomUUID();
    runIds.push(live);
    await db.prisma.jobRun.create({ data: { id: live, job: LINK_CHECK_JOB, trigger: "cli" } });
    try {
      expect(await startLinkCheck(db, { trigger: "admin", urls: [server.url("/ok")], config: config() })).toEqual({ started: false, reason: "busy" });
    } finally {
      await db.prisma.jobRun.update({ where: { id: live }, data: { status: "succeeded", finishedAt: new Date() } });
    }
  });

  it("on a PostgreSQL server, honours the advisory lock held by another connection (another process)", async () => {
    if (db.config.kind !== "postgres") {
      // PGlite: one process only (lib/db/pglite-lock.ts), whose runs are serialized in memory (tested above).
      const release = await tryAcquireLinkCheckLock(db);
      expect(release).not.toBeNull();
      expect(await tryAcquireLinkCheckLock(db)).toBeNull();
      await release!();
      return;
    }
    const other = new pg.Client({ connectionString: db.config.url });
    await other.connect();
    try {
      const release = await tryAcquireLinkCheckLock(db);
      expect(release).not.toBeNull();
      const { rows } = await other.query<{ locked: boolean }>("select pg_try_advisory_lock($1, $2) as locked", [0x6c696e6b, 1]);
      expect(rows[0]!.locked).toBe(false);
      await release!();
      const again = await other.query<{ locked: boolean }>("select pg_try_advisory_lock($1, $2) as locked", [0x6c696e6b, 1]);
      expect(again.rows[0]!.locked).toBe(true);
      expect(await startLinkCheck(db, { trigger: "cli", urls: [server.url("/ok")], config: config() })).toEqual({ started: false, reason: "busy" });
    } finally {
      await other.end();
    }
  });
});

describe("what the catalogue asks to check, and what the pages read", () => {
  it("lists each application and source URL once, archived programmes and non-web addresses left out", async () => {
    const funder = await createTestFunder(db.prisma);
    funderIds.push(funder.id);
    const shared = `${server.url("/ok")}?t=${uniqueSlug("h")}`;
    const archivedOnly = `${server.url("/ok")}?t=${uniqueSlug("h")}`;
    const source = `${server.url("/moved")}?t=${uniqueSlug("h")}`;
    await createTestProgramme(db.prisma, funder.id, { status: "draft", applicationUrl: shared, sources: { create: [{ url: source }, { url: shared }] } });
    await createTestProgramme(db.prisma, funder.id, { status: "published", applicationUrl: "mailto:contact@example.test" });
    await createTestProgramme(db.prisma, funder.id, { status: "archived", applicationUrl: archivedOnly });
    const targets = await listLinkTargets(db.sql);
    expect(targets.filter((u) => u === shared)).toHaveLength(1);
    expect(targets).toContain(source);
    expect(targets).not.toContain(archivedOnly);
    expect(targets.some((u) => u.startsWith("mailto:"))).toBe(false);
    expect(new Set(targets).size).toBe(targets.length);
  });

  it("shows the public notice once the application link failed twice in a row, and lists the programme for the quality queue", async () => {
    const funder = await createTestFunder(db.prisma);
    funderIds.push(funder.id);
    const url = `${server.url("/missing")}?t=${uniqueSlug("i")}`;
    const programme = await createTestProgramme(db.prisma, funder.id, { status: "published", applicationUrl: url, title: "Programme au lien cassé" });

    await check([url]);
    expect(await findApplicationLinkWarning(url)).toBeNull();
    expect((await listProgrammesWithBrokenApplicationLink()).map((p) => p.slug)).not.toContain(programme.slug);

    await check([url]);
    const { failingSince } = await row(url);
    expect(await findApplicationLinkWarning(url)).toEqual({ since: failingSince });
    const listed = (await listProgrammesWithBrokenApplicationLink()).find((p) => p.slug === programme.slug);
    expect(listed).toMatchObject({ applicationUrl: url, outcome: "broken", httpStatus: 404, consecutiveFailures: 2 });
    expect(await findApplicationLinkWarning(null)).toBeNull();
  });

  it("lists broken links with their programmes for /admin/liens, and hides others' drafts from a contributor", async () => {
    const funder = await createTestFunder(db.prisma);
    funderIds.push(funder.id);
    const word = uniqueSlug("wombat");
    const url = `${server.url("/error")}?t=${word}`;
    await createTestProgramme(db.prisma, funder.id, { status: "published", title: `Publié ${word}`, applicationUrl: url });
    await createTestProgramme(db.prisma, funder.id, { status: "draft", title: `Brouillon ${word}`, sources: { create: [{ url }] } });
    await check([url]);
    const curator = { id: randomUUID(), email: "c@example.test", name: "C", role: "curator" as const };
    const contributor = { ...curator, id: randomUUID(), role: "contributor" as const };

    const forCurator = await listLinkProblems(curator, { outcome: "failing", q: word, page: 1 });
    expect(forCurator.total).toBe(1);
    expect(forCurator.items[0]).toMatchObject({ url, outcome: "broken", httpStatus: 500, consecutiveFailures: 1 });
    expect(forCurator.items[0]!.programmes.map((p) => [p.title, p.application, p.source, p.editable])).toEqual([
      [`Brouillon ${word}`, false, true, true],
      [`Publié ${word}`, true, false, true],
    ]);
    const forContributor = await listLinkProblems(contributor, { outcome: "failing", q: word, page: 1 });
    expect(forContributor.items[0]!.programmes.map((p) => [p.title, p.editable])).toEqual([[`Publié ${word}`, false]]);
    expect((await listLinkProblems(curator, { outcome: "redirected", q: word, page: 1 })).total).toBe(0);
    expect((await listLinkProblems(curator, { outcome: "problems", q: "Brouillon " + word, page: 1 })).total).toBe(1);
  });
});
