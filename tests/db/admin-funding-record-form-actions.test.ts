import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FormActionState } from "../../lib/actions/form-state";
import type { Actor } from "../../lib/auth/policy";
import type { Database } from "../../lib/db/connect";
import type { CaseStudyFormValues } from "../../lib/validation/admin-case-study-form";
import { curationFixtures } from "./support/curation";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

/**
 * The form actions of /admin/effort and /admin/retours-d-experience as a browser calls them
 * (FormData in, the form's state out), with a real next-auth session cookie: create and redirect,
 * French amounts, field paths, the conflict screen and its « what changed meanwhile », publishing,
 * and the public pages revalidated.
 */

process.env.NEXTAUTH_SECRET = "actions-des-formulaires-secret-de-test-0123456789";
const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), revalidated: [] as string[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
  }),
  headers: async () => new Headers({ "x-pathname": "/admin/effort", host: "localhost:3000" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void request.revalidated.push(path), revalidateTag: () => undefined }));

const { submitFundingRecordForm } = await import("../../lib/actions/funding-records");
const { submitCaseStudyForm } = await import("../../lib/actions/case-studies");

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let otherCurator: Actor;
const slugs: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, otherCurator] = await Promise.all([fx.actor("curator", "Claire Curatrice"), fx.actor("curator", "Octave Autre")]);
});
afterAll(async () => {
  if (db) {
    const records = await db.prisma.fundingRecord.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
    const studies = await db.prisma.caseStudy.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
    await db.prisma.revision.deleteMany({ where: { entityId: { in: [...records, ...studies].map((r) => r.id) } } });
    await db.prisma.fundingRecord.deleteMany({ where: { slug: { in: slugs } } });
    await db.prisma.caseStudy.deleteMany({ where: { slug: { in: slugs } } });
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

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
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

const recordFields = (label: string) => ({
  label, kind: "spent", yearStart: "2024", yearEnd: "2024", amount: "1 250 000", funder: "anct",
  "sourceUrls.0": "https://www.example.gouv.fr/bilan-2024.pdf",
});

describe("the funding record form's action", () => {
  it("creates from French amounts, answers field paths, shows the conflict screen, and revalidates the observatory", async () => {
    await signInAs(curator);
    const label = `Montant des actions ${uniqueSlug("t")}`;
    request.revalidated.length = 0;
    const to = await redirected(submitFundingRecordForm(state(), formOf(recordFields(label))));
    const slug = /^\/admin\/effort\/([a-z0-9-]+)\?cree=1$/.exec(to)?.[1];
    expect(slug, to).toBeTruthy();
    slugs.push(slug!);
    expect(request.revalidated).toEqual(expect.arrayContaining(["/effort-financier", "/"]));
    const row = await db.prisma.fundingRecord.findUniqueOrThrow({ where: { slug: slug! }, select: { amount: true, kind: true, status: true } });
    expect([Number(row.amount), row.kind, row.status]).toEqual([1_250_000, "spent", "draft"]);

    // The edit form shows a stored amount without grouping (« 1250000 »): what it sends back untouched.
    const edit = (fields: Record<string, string>, version: number, intent = "save") =>
      formOf({ ...recordFields(label), amount: "1250000", slug: slug!, ...fields, originalSlug: slug!, version: String(version), intent });

    // A range next to the amount and a bad source row: messages on their fields, values kept as typed.
    const wrong = await submitFundingRecordForm(state(1), edit({ amountLow: "1 000 000", amountHigh: "1 500 000", "sourceUrls.3": "pas une adresse" }, 1));
    expect(wrong.ok).toBe(false);
    expect(Object.keys(wrong.fieldErrors ?? {})).toEqual(["sourceUrls.1"]);
    const wrongRule = await submitFundingRecordForm(state(1), edit({ amountLow: "1 000 000", amountHigh: "1 500 000" }, 1));
    expect(wrongRule.fieldErrors).toEqual({ amount: "Montant : donnez soit un montant, soit une fourchette (quand les sources divergent), pas les deux." });
    expect(wrongRule.values).toMatchObject({ amount: "1250000", amountLow: "1 000 000" });

    // Someone else saves first; the stale save gets the conflict screen with what changed meanwhile.
    await signInAs(otherCurator);
    expect(await submitFundingRecordForm(state(), edit({ amount: "1300000" }, 1))).toMatchObject({ ok: true, version: 2 });
    await signInAs(curator);
    const stale = await submitFundingRecordForm(state(), edit({ note: "Selon le bilan publié." }, 1));
    expect(stale.ok).toBe(false);
    expect(stale.conflict).toMatchObject({ author: "Octave Autre", baseVersion: 1, currentVersion: 2, mine: ["Note"] });
    expect(stale.conflict?.theirs).toEqual([expect.objectContaining({ label: "Montant", before: expect.stringMatching(/1\s250\s000,00\s€/), after: expect.stringMatching(/1\s300\s000,00\s€/) })]);

    // Publishing from the form saves first, then takes the step.
    const published = await submitFundingRecordForm(state(), edit({ amount: "1300000", note: "Selon le bilan publié." }, 2, "status:published"));
    expect(published).toMatchObject({ ok: true, version: 4, notice: { text: "Montant publié : il apparaît dès maintenant sur le site public.", href: "/effort-financier" } });
  });
});

describe("the case study form's action", () => {
  it("creates with linked programmes and funders as rows, and revalidates the pages that show the links", async () => {
    await signInAs(curator);
    const programme = await db.prisma.programme.findFirstOrThrow({ where: { status: "published" }, select: { slug: true } });
    request.revalidated.length = 0;
    const fields: Record<string, string> = {
      title: `Retour des actions ${uniqueSlug("t")}`,
      summary: "Un retour d'expérience créé par le test des actions de formulaire.",
      body: "Une structure a réuni l'État, la région et une fondation pour financer ses médiateurs numériques.",
      "programmes.0": programme.slug, "programmes.1": "", "funders.0": "anct", "sourceUrls.0": "https://www.example.gouv.fr/retour",
    };
    const to = await redirected(submitCaseStudyForm(state<CaseStudyFormValues>(), formOf(fields)));
    const slug = /^\/admin\/retours-d-experience\/([a-z0-9-]+)\?cree=1$/.exec(to)?.[1];
    expect(slug, to).toBeTruthy();
    slugs.push(slug!);
    expect(request.revalidated).toEqual(expect.arrayContaining(["/retours-d-experience", "/financements/[slug]", "/financeurs/[slug]"]));
    const links = await db.prisma.caseStudy.findUniqueOrThrow({
      where: { slug: slug! },
      select: { programmes: { select: { programme: { select: { slug: true } } } }, funders: { select: { funder: { select: { slug: true } } } } },
    });
    expect(links.programmes.map((p) => p.programme.slug)).toEqual([programme.slug]);
    expect(links.funders.map((f) => f.funder.slug)).toEqual(["anct"]);
  });
});
