import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../../lib/auth/policy";
import type { Database } from "../../lib/db/connect";
import { createTestUser, deleteTestUsers, type TestUser } from "./support/users";
import { openTestDatabase } from "./support/test-database";

/**
 * The authorization matrix: every admin page, every server action and every /api/v1/admin route is
 * FOUND ON THE FILE SYSTEM (a new one is tested without anyone listing it) and tried as anonymous,
 * contributor, curator and admin. A page or an action that forgets its guard fails here: anonymous must
 * be sent to /connexion (pages, actions) or get a 401 (routes), and a role below the entry point's
 * minimum must get the 403 page (or a 404 when the entry is someone else's), never the content.
 *
 * The request context of Next.js (cookies, headers) is given through next/headers; the session cookie
 * is a real next-auth JWT, encoded with the app's secret, and the guard reads the account from the
 * database as it does in production.
 */

const root = path.resolve(__dirname, "../..");
process.env.NEXTAUTH_SECRET = "matrice-des-autorisations-secret-de-test-0123456789";
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), path: "/admin" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () =>
    new Headers({
      "x-pathname": request.path,
      cookie: [...request.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      host: "localhost:3000",
      origin: "http://localhost:3000",
    }),
  draftMode: async () => ({ isEnabled: false }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
}));

/**
 * Entry points whose minimum role is above « contributor » (any signed-in account): the first matching rule
 * wins. A new curator-only or admin-only page adds its line here.
 */
const MINIMUM_ROLE: [RegExp, Role][] = [
  [/^\/admin\/utilisateurs(\/|$)/, "admin"],
  [/^\/admin\/contributions(\/|$)/, "curator"], // canReviewContributions: the pages hold the proposers' e-mails
];
const minimumRoleOf = (route: string): Role => MINIMUM_ROLE.find(([pattern]) => pattern.test(route))?.[1] ?? "contributor";

/**
 * The value given to the dynamic segments (`[slug]`, `[id]`) of the pages under each prefix: an existing entry
 * nobody of the test accounts created, found in the seeded database before the matrix runs (longest prefix wins).
 * A new workspace section with a dynamic segment adds its line here.
 */
const DYNAMIC_SEGMENTS: { prefix: string; find: (db: Database) => Promise<string> }[] = [
  {
    prefix: "/admin/programmes",
    find: async (db) => (await db.prisma.programme.findFirstOrThrow({ where: { status: "published" }, select: { slug: true }, orderBy: { slug: "asc" } })).slug,
  },
  {
    prefix: "/admin/financeurs",
    find: async (db) => (await db.prisma.funder.findFirstOrThrow({ where: { status: "published" }, select: { slug: true }, orderBy: { slug: "asc" } })).slug,
  },
  { prefix: "/admin/effort", find: async (db) => (await db.prisma.fundingRecord.findFirstOrThrow({ where: { status: "published" }, select: { slug: true }, orderBy: { slug: "asc" } })).slug },
  { prefix: "/admin/retours-d-experience", find: async (db) => (await db.prisma.caseStudy.findFirstOrThrow({ where: { status: "published" }, select: { slug: true }, orderBy: { slug: "asc" } })).slug },
  { prefix: "/admin/import", find: async (db) => (await db.prisma.importBatch.findFirst({ where: { status: "pending" }, select: { id: true } }))?.id ?? (await db.prisma.importBatch.create({ data: { fileName: "matrice.csv", format: "csv", content: "title\n", report: { format: "csv", dryRun: true, applied: false, fileErrors: ["Aucune ligne à importer."], rows: [], counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 } } }, select: { id: true } })).id },
  { prefix: "/admin/contributions", find: async (db) => (await db.prisma.contribution.findFirst({ where: { status: "pending" }, select: { id: true } }))?.id ?? (await db.prisma.contribution.create({ data: { kind: "proposal", payload: { title: "Proposition de la matrice des autorisations" }, message: "Une proposition écrite par la matrice des autorisations.", proposerEmail: "matrice@exemple.test", senderHash: "matrice-des-autorisations" }, select: { id: true } })).id },
];
const segmentValues = new Map<string, string>();

// ---------------------------------------------------------------- discovery

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** `app/admin/programmes/[slug]/page.tsx` → `/admin/programmes/[slug]` (route groups dropped). */
const routeOf = (file: string) =>
  "/" +
  path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");

const adminPages = walk(path.join(root, "app/admin"))
  .filter((f) => /[/\\](page|layout)\.tsx$/.test(f))
  .map((file) => ({ file, route: routeOf(file), kind: path.basename(file, ".tsx") as "page" | "layout" }));

const adminRoutes = walk(path.join(root, "app/api/v1/admin"))
  .filter((f) => /[/\\]route\.ts$/.test(f))
  .map((file) => ({ file, route: routeOf(file) }));

/** Every module that declares server actions ("use server" at the top), anywhere in app/ and lib/. */
const actionModules = [...walk(path.join(root, "lib")), ...walk(path.join(root, "app"))]
  .filter((f) => /\.tsx?$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`))
  .filter((f) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(fs.readFileSync(f, "utf8")));

// ---------------------------------------------------------------- outcomes

type Outcome = { kind: "redirect"; to: string } | { kind: "http"; status: number } | { kind: "ok" } | { kind: "error"; error: unknown };

function outcomeOf(error: unknown): Outcome {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string") {
    if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] ?? "" };
    const http = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)$/.exec(digest);
    if (http) return { kind: "http", status: Number(http[1]) };
  }
  return { kind: "error", error };
}

async function attempt(fn: () => unknown): Promise<Outcome> {
  try {
    await fn();
    return { kind: "ok" };
  } catch (error) {
    return outcomeOf(error);
  }
}

const describeOutcome = (o: Outcome) =>
  o.kind === "redirect" ? `redirect → ${o.to}` : o.kind === "http" ? `HTTP ${o.status}` : o.kind === "ok" ? "rendered" : `error: ${String((o.error as Error)?.message ?? o.error)}`;

// ---------------------------------------------------------------- accounts

let db: Database;
const users: Partial<Record<Role, TestUser>> = {};
let disabled: TestUser;
let programmeSlug = "";
let funderSlug = "";

async function signInAs(user: TestUser | null) {
  request.cookies.clear();
  if (!user) return;
  const token = await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: process.env.NEXTAUTH_SECRET! });
  request.cookies.set("next-auth.session-token", token);
}

/** Values for the dynamic segments of a page: an entry from DYNAMIC_SEGMENTS, or an account. */
function paramsFor(route: string): Record<string, string> {
  const params: Record<string, string> = {};
  const prefix = [...segmentValues.keys()].filter((p) => route === p || route.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  for (const [, name] of route.matchAll(/\[(\w+)\]/g)) {
    if (!name) continue;
    if (route.startsWith("/admin/utilisateurs")) params[name] = users.curator!.id;
    else params[name] = prefix ? segmentValues.get(prefix)! : "inconnu";
  }
  return params;
}

async function renderEntry(entry: { file: string; route: string; kind: "page" | "layout" }) {
  request.path = entry.route;
  const mod = (await import(entry.file)) as { default: (props: unknown) => unknown };
  const params = Promise.resolve(paramsFor(entry.route));
  const props = entry.kind === "layout" ? { children: null, params } : { params, searchParams: Promise.resolve({}) };
  return mod.default(props);
}

beforeAll(async () => {
  db = await openTestDatabase();
  for (const role of ["contributor", "curator", "admin"] as const) users[role] = await createTestUser(db.prisma, { role });
  disabled = await createTestUser(db.prisma, { role: "admin" });
  await db.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  // Seeded entries nobody of the above created: a contributor may not see them in the workspace.
  for (const { prefix, find } of DYNAMIC_SEGMENTS) segmentValues.set(prefix, await find(db));
  programmeSlug = segmentValues.get("/admin/programmes")!;
  funderSlug = segmentValues.get("/admin/financeurs")!;
});

afterAll(async () => {
  if (db) {
    await deleteTestUsers(db.prisma, [...Object.values(users).map((u) => u.id), disabled?.id].filter(Boolean) as string[]);
    await db.close();
  }
});

// ---------------------------------------------------------------- the matrix

describe("the file system holds the curation entry points", () => {
  it("finds the workspace pages, the admin API routes and the server actions", () => {
    expect(adminPages.map((p) => p.route)).toEqual(expect.arrayContaining(["/admin", "/admin/programmes", "/admin/financeurs"]));
    expect(adminRoutes.length).toBeGreaterThan(0);
    expect(actionModules.length).toBeGreaterThan(0);
  });
});

describe.each(adminPages)("workspace $kind $route", (entry) => {
  const minimum = minimumRoleOf(entry.route);

  it("sends an anonymous visitor to /connexion", async () => {
    await signInAs(null);
    const o = await attempt(() => renderEntry(entry));
    expect(o.kind === "redirect" && o.to.startsWith("/connexion"), describeOutcome(o)).toBe(true);
  });

  it("sends a disabled account to /connexion", async () => {
    await signInAs(disabled);
    const o = await attempt(() => renderEntry(entry));
    expect(o.kind === "redirect" && o.to.startsWith("/connexion"), describeOutcome(o)).toBe(true);
  });

  it.each(["contributor", "curator", "admin"] as const)("as %s: shown when the role allows it, 403 or 404 otherwise", async (role) => {
    await signInAs(users[role]!);
    const o = await attempt(() => renderEntry(entry));
    const rank = { contributor: 1, curator: 2, admin: 3 };
    if (rank[role] < rank[minimum]) {
      expect(o.kind === "http" && (o.status === 403 || o.status === 404), describeOutcome(o)).toBe(true);
    } else if (role === "contributor" && /\[\w+\]/.test(entry.route)) {
      // Someone else's entry: hidden from a contributor (404), or the page refuses with a 403.
      expect(o.kind === "http" && (o.status === 404 || o.status === 403), describeOutcome(o)).toBe(true);
    } else {
      expect(o.kind, describeOutcome(o)).toBe("ok");
    }
  });
});

describe.each(actionModules.map((file) => ({ file, name: path.relative(root, file) })))("server actions of $name", ({ file }) => {
  it("each one sends anonymous visitors and disabled accounts to /connexion, and writes nothing", async () => {
    const mod = (await import(file)) as Record<string, unknown>;
    const actions = Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, (...a: unknown[]) => unknown][];
    expect(actions.length).toBeGreaterThan(0);
    const writes = async () =>
      Promise.all([db.prisma.revision.count(), db.prisma.auditEvent.count(), db.prisma.apiToken.count(), db.prisma.user.count()]);
    const before = await writes();
    for (const who of [null, disabled]) {
      await signInAs(who);
      for (const [name, action] of actions) {
        const form = new FormData();
        form.set("slug", programmeSlug);
        form.set("version", "1");
        const o = await attempt(() => action.length >= 2 ? action(undefined, form) : action(form));
        // The sign-in actions are the only ones open to anonymous visitors.
        if (/sign.?in|login|connexion/i.test(name)) continue;
        expect(o.kind === "redirect" && o.to.startsWith("/connexion"), `${name} (${who ? "compte désactivé" : "anonyme"}) : ${describeOutcome(o)}`).toBe(true);
      }
    }
    expect(await writes()).toEqual(before);
  });
});

describe.each(adminRoutes)("admin API $route", ({ file, route }) => {
  const url = `http://localhost:3000${route.replace(/\[(\w+)\]/g, (_, n: string) => (n === "slug" ? (route.includes("/funders") ? funderSlug : programmeSlug) : "inconnu"))}`;
  const methods = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

  it("answers 401 to a request without credentials, with a bad token, and with a disabled account's session", async () => {
    const mod = (await import(file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    const present = methods.filter((m) => typeof mod[m] === "function");
    expect(present.length).toBeGreaterThan(0);
    const disabledCookie = await encode({ token: { sub: disabled.id }, secret: process.env.NEXTAUTH_SECRET! });
    for (const method of present) {
      for (const headers of [{}, { authorization: "Bearer fin_faux_jeton" }, { cookie: `next-auth.session-token=${disabledCookie}` }] as Record<string, string>[]) {
        const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ version: 1 });
        const res = await mod[method]!(new Request(url, { method, headers: { "content-type": "application/json", ...headers }, body }), {
          params: Promise.resolve(paramsFor(route.replace("/api/v1", "")) as Record<string, string>),
        });
        expect(res.status, `${method} ${route} ${JSON.stringify(Object.keys(headers))}`).toBe(401);
        const json = (await res.json()) as { error?: { code?: string; message?: string } };
        expect(json.error?.code).toBe("unauthenticated");
        expect(json.error?.message).toMatch(/[a-zé]/);
      }
    }
  });

  it("never shows a contributor someone else's entry, nor lets them change it", async () => {
    if (!/\[slug\]/.test(route)) return;
    const mod = (await import(file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    const cookie = `next-auth.session-token=${await encode({ token: { sub: users.contributor!.id }, secret: process.env.NEXTAUTH_SECRET! })}`;
    const slug = route.includes("/funders") ? funderSlug : programmeSlug;
    for (const method of methods.filter((m) => typeof mod[m] === "function")) {
      // A body each operation accepts, so that only the caller's rights can refuse it.
      const valid = route.endsWith("/status")
        ? { version: 1, to: "archived" }
        : route.endsWith("/restore")
          ? { version: 1, revisionId: "00000000-0000-4000-8000-000000000000" }
          : route.endsWith("/verify")
            ? { version: 1, note: "Vérifié par un contributeur" }
            : route.includes("/funders")
              ? { version: 1, name: "Nom changé par un contributeur" }
              : { version: 1, title: "Titre changé par un contributeur" };
      const body = method === "GET" || method === "DELETE" ? undefined : JSON.stringify(valid);
      const res = await mod[method]!(new Request(url, { method, headers: { "content-type": "application/json", cookie }, body }), {
        params: Promise.resolve({ slug }),
      });
      expect([403, 404], `${method} ${route} as contributor`).toContain(res.status);
    }
  });
});
