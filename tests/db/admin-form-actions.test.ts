import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FormActionState } from "../../lib/actions/form-state";
import type { Actor } from "../../lib/auth/policy";
import { createProgramme } from "../../lib/data/admin/programme-write";
import type { Database } from "../../lib/db/connect";
import { toParisIsoDate } from "../../lib/paris-time";
import type { FunderFormValues } from "../../lib/validation/admin-funder-form";
import type { ProgrammeFormValues } from "../../lib/validation/admin-programme-form";
import { curationFixtures } from "./support/curation";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

/**
 * The form actions (lib/actions/programmes.ts, funders.ts over lib/actions/entity-form.ts) as a
 * browser calls them: FormData in, the form's state out. What they add to the services is tested
 * here: the button pressed (save, verify, a workflow step after saving, re-apply), the conflict
 * screen's contents, the merge of « Réappliquer mes modifications », field errors with their paths.
 * The request context of Next.js is given through next/headers (a real next-auth session cookie).
 */

process.env.NEXTAUTH_SECRET = "actions-des-formulaires-secret-de-test-0123456789";
const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
  }),
  headers: async () => new Headers({ "x-pathname": "/admin/programmes", host: "localhost:3000" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { submitProgrammeForm } = await import("../../lib/actions/programmes");
const { submitFunderForm } = await import("../../lib/actions/funders");

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let otherCurator: Actor;
let contributor: Actor;

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, otherCurator, contributor] = await Promise.all([
    fx.actor("curator", "Claire Curatrice"),
    fx.actor("curator", "Octave Autre"),
    fx.actor("contributor", "Paul Partenaire"),
  ]);
});

afterAll(async () => {
  if (db) {
    await fx.cleanUp();
    await db.close();
  }
});

async function signInAs(actor: Actor) {
  const token = await encode({ token: { sub: actor.id, email: actor.email, name: actor.name }, secret: process.env.NEXTAUTH_SECRET! });
  request.cookies.clear();
  request.cookies.set("next-auth.session-token", token);
}

const state = <V>(attempt = 0): FormActionState<V> => ({ ok: false, attempt, values: null, version: null });

/** The FormData the programme form sends for these fields (lists as numbered rows). */
function programmeForm(fields: Record<string, string | string[]>, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...fields, ...extra })) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  }
  return form;
}

const baseFields = (title: string) => ({
  title,
  summary: "Un programme créé par le test des actions de formulaire.",
  description: "Sa description, assez longue pour le schéma.",
  funder: "anct",
  aidKinds: ["subvention"],
  isNational: "on",
});

/** Where a redirect() sends, or the error. */
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

async function createThroughForm(title: string) {
  await signInAs(curator);
  const to = await redirected(submitProgrammeForm(state(), programmeForm(baseFields(title))));
  const slug = /^\/admin\/programmes\/([a-z0-9-]+)\?cree=1$/.exec(to)?.[1];
  expect(slug, to).toBeTruthy();
  fx.track("programme", slug!);
  return slug!;
}

const editForm = (slug: string, version: number, fields: Record<string, string | string[]>, intent = "save") =>
  programmeForm({ slug, ...fields }, { originalSlug: slug, version: String(version), intent });

describe("the programme form's action", () => {
  it("creates a draft and sends to its edit page; a wrong field comes back with its path and the values typed", async () => {
    const slug = await createThroughForm(`Programme des actions ${uniqueSlug("t")}`);
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { status: true, version: true, createdById: true } });
    expect(row).toEqual({ status: "draft", version: 1, createdById: curator.id });

    const answer = await submitProgrammeForm(
      state(1),
      editForm(slug, 1, { ...baseFields("Titre gardé"), amountMin: "50 000", amountMax: "10 000", "sources.0.url": "https://example.org/a", "sources.3.url": "ftp://example.org/b" }),
    );
    expect(answer.ok).toBe(false);
    expect(answer.attempt).toBe(2);
    expect(answer.version).toBe(1);
    // The row's index is the one the form re-renders (blank rows dropped); the rules across fields
    // (min ≤ max) only run once every field is valid (zod), so they come at the next submit.
    expect(Object.keys(answer.fieldErrors ?? {})).toEqual(["sources.1.url"]);
    expect(answer.values).toMatchObject({ title: "Titre gardé", amountMin: "50 000", amountMax: "10 000" });
    expect((await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version).toBe(1);
  });

  it("answers a stale save with the conflict screen, then re-applies the person's changes over the current version", async () => {
    const title = `Programme en conflit ${uniqueSlug("t")}`;
    const slug = await createThroughForm(title);

    // Someone else saves first (a new title, an amount).
    await signInAs(otherCurator);
    const first = await submitProgrammeForm(state(), editForm(slug, 1, { ...baseFields(`${title} (autre)`), amountMax: "30000" }));
    expect(first).toMatchObject({ ok: true, version: 2, notice: { text: "Modifications enregistrées." } });

    // The first person saves over version 1: their summary.
    await signInAs(curator);
    const mine = "Le résumé de la personne arrivée en second, qui ne doit pas se perdre.";
    const stale = await submitProgrammeForm(state(), editForm(slug, 1, { ...baseFields(title), summary: mine }));
    expect(stale.ok).toBe(false);
    expect(stale.version).toBe(1);
    expect(stale.values?.summary).toBe(mine);
    expect(stale.conflict).toMatchObject({ author: "Octave Autre", baseVersion: 1, currentVersion: 2, mine: ["Résumé"] });
    expect(stale.conflict?.theirs.map((c) => c.label)).toEqual(["Titre", "Montant maximal"]);
    expect(stale.conflict?.theirs[0]).toMatchObject({ before: title, after: `${title} (autre)` });
    expect((await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { summary: true } })).summary).not.toBe(mine);

    const reapplied = await submitProgrammeForm(stale, editForm(slug, 1, { ...baseFields(title), summary: mine }, "reapply"));
    expect(reapplied.ok).toBe(false);
    expect(reapplied.version).toBe(2);
    expect(reapplied.conflict).toBeUndefined();
    // Their title and amount are kept, the person's summary too.
    expect(reapplied.values).toMatchObject({ title: `${title} (autre)`, amountMax: "30000", summary: mine });
    expect(await db.prisma.programme.count({ where: { slug, version: 2 } })).toBe(1);

    const v = reapplied.values as ProgrammeFormValues;
    const saved = await submitProgrammeForm(
      reapplied,
      editForm(slug, reapplied.version!, { ...baseFields(v.title), summary: v.summary, amountMax: v.amountMax }),
    );
    expect(saved).toMatchObject({ ok: true, version: 3 });
    const row = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { title: true, summary: true, amountMax: true } });
    expect(row).toMatchObject({ title: `${title} (autre)`, summary: mine });
    expect(Number(row.amountMax)).toBe(30000);
  });

  it("saves what the form changed before a workflow step, and publishing links to the public page", async () => {
    const slug = await createThroughForm(`Programme à publier ${uniqueSlug("t")}`);
    const answer = await submitProgrammeForm(
      state(),
      programmeForm({ ...baseFields("Programme publié par le formulaire"), transitionNote: "Relu." }, { originalSlug: slug, version: "1", intent: "status:published" }),
    );
    expect(answer).toMatchObject({ ok: true, version: 3, notice: { href: `/financements/${slug}` } });
    expect(answer.values?.title).toBe("Programme publié par le formulaire");
    const { id } = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const revisions = await db.prisma.revision.findMany({
      where: { entityType: "programme", entityId: id, version: { in: [2, 3] } },
      orderBy: { version: "asc" },
      select: { action: true, note: true, version: true },
    });
    expect(revisions).toEqual([
      { action: "update", note: null, version: 2 },
      { action: "status", note: "Relu.", version: 3 },
    ]);
    expect((await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { status: true } })).status).toBe("published");
  });

  it("« Vérifié aujourd'hui » records today and the note, without a version of its own when nothing else changed", async () => {
    const slug = await createThroughForm(`Programme à vérifier ${uniqueSlug("t")}`);
    const answer = await submitProgrammeForm(
      state(),
      editForm(slug, 1, { ...baseFields((await db.prisma.programme.findUniqueOrThrow({ where: { slug } })).title), verificationNote: "Règlement relu." }, "verify"),
    );
    expect(answer).toMatchObject({ ok: true, version: 3 });
    // The note typed in the form is a change of the form: saved first, then the verification.
    expect(answer.values).toMatchObject({ lastVerifiedAt: toParisIsoDate(new Date()), verificationNote: "Règlement relu." });

    const again = await submitProgrammeForm(
      answer,
      editForm(slug, 3, { ...baseFields((await db.prisma.programme.findUniqueOrThrow({ where: { slug } })).title), lastVerifiedAt: answer.values!.lastVerifiedAt, verificationNote: "Règlement relu." }, "verify"),
    );
    expect(again).toMatchObject({ ok: true, version: 4 });
  });

  it("lets a contributor whose draft is in review take it back without sending the read-only fields", async () => {
    await signInAs(contributor);
    const created = await createProgramme(contributor, { ...baseFields(`Brouillon du partenaire ${uniqueSlug("t")}`), isNational: true });
    fx.track("programme", created.slug);
    const submitted = await submitProgrammeForm(state(), programmeForm(baseFields(created.snapshot.title), { originalSlug: created.slug, version: "1", intent: "status:in_review" }));
    expect(submitted).toMatchObject({ ok: true, version: 2 });
    // In review, the form is read-only for them: it sends no field, only the step.
    const back = await submitProgrammeForm(submitted, programmeForm({}, { originalSlug: created.slug, version: "2", intent: "status:draft" }));
    expect(back).toMatchObject({ ok: true, version: 3 });
    const published = await submitProgrammeForm(back, programmeForm({}, { originalSlug: created.slug, version: "3", intent: "status:published" }));
    expect(published.ok).toBe(false);
    expect(published.message).toMatch(/[a-zé]/);
  });
});

describe("the funder form's action", () => {
  it("creates a funder, refuses a javascript: logo on its field, and keeps what was typed", async () => {
    await signInAs(curator);
    const form = new FormData();
    form.set("name", `Fondation des actions ${uniqueSlug("t")}`);
    form.set("type", "fondation-privee");
    form.set("logoUrl", "javascript:alert(1)");
    const refused = await submitFunderForm(state<FunderFormValues>(), form);
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(["logoUrl"]);
    expect(refused.values?.logoUrl).toBe("javascript:alert(1)");

    form.set("logoUrl", "https://example.org/logo.png");
    form.set("territory", "region:53");
    const to = await redirected(submitFunderForm(refused, form));
    const slug = /^\/admin\/financeurs\/([a-z0-9-]+)\?cree=1$/.exec(to)?.[1];
    fx.track("funder", slug!);
    const row = await db.prisma.funder.findUniqueOrThrow({ where: { slug: slug! }, select: { logoUrl: true, territoryId: true, status: true } });
    expect(row).toEqual({ logoUrl: "https://example.org/logo.png", territoryId: "region:53", status: "draft" });
  });
});
