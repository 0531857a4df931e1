import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { proposeProgrammeAction, reportErrorAction } from "../../lib/actions/contributions-public";
import { initialContributionState } from "../../lib/actions/contributions-state";
import type { Database } from "../../lib/db/connect";
import { senderHash } from "../../lib/security/sender-hash";
import { emptyCorrectionValues, emptyProposalValues, HONEYPOT_FIELD } from "../../lib/validation/contribution";
import { openTestDatabase } from "./support/test-database";

/**
 * The public forms' server actions (lib/actions/contributions-public.ts), open to anonymous visitors: the
 * honeypot answers like a success and stores nothing; the sender's address is read from X-Forwarded-For as
 * the sign-in limit reads it, and the limit answers 429 in the form state.
 */

process.env.NEXTAUTH_SECRET ??= "contributions-secret-de-test-0123456789abcdef";
const request = vi.hoisted(() => ({ forwardedFor: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.forwardedFor }) }));

let db: Database;
const EMAIL = "action.publique@exemple.test";
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.prisma.contribution.deleteMany({ where: { proposerEmail: EMAIL } });
  await db?.close();
});

const proposalForm = (extra: [string, string][] = []) => {
  const f = new FormData();
  for (const [k, v] of [
    ["title", "Fonds de l'action publique"], ["funderName", "Département de test"], ["applicationUrl", "https://www.exemple.org/fonds-action"],
    ["beneficiaries", "association"], ["description", "Un fonds départemental pour les ateliers numériques des associations."],
    ["proposerEmail", EMAIL], ["consent", "on"], [HONEYPOT_FIELD, ""], ...extra,
  ] as [string, string][]) f.set(k, v); // an extra entry replaces the default one
  return f;
};
const start = initialContributionState(emptyProposalValues);

describe("the proposal action", () => {
  it("stores a proposal counted on the hash of the last X-Forwarded-For address", async () => {
    request.forwardedFor = "10.0.0.1, 203.0.113.77";
    const state = await proposeProgrammeAction(start, proposalForm());
    expect(state).toMatchObject({ ok: true, sent: true, status: 200, attempt: 1 });
    expect(await db.prisma.contribution.count({ where: { senderHash: senderHash("203.0.113.77"), proposerEmail: EMAIL } })).toBe(1);
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    request.forwardedFor = "203.0.113.78";
    const before = await db.prisma.contribution.count();
    const state = await proposeProgrammeAction(start, proposalForm([[HONEYPOT_FIELD, "http://spam.example"]]));
    expect(state).toMatchObject({ ok: true, sent: true });
    // Even an invalid form filled by a robot gets the same answer.
    const invalid = new FormData();
    invalid.set(HONEYPOT_FIELD, "x");
    expect(await proposeProgrammeAction(start, invalid)).toMatchObject({ ok: true, sent: true });
    expect(await db.prisma.contribution.count()).toBe(before);
  });

  it("answers 400 with French field errors and the values as typed", async () => {
    request.forwardedFor = "203.0.113.79";
    const state = await proposeProgrammeAction(start, proposalForm([["applicationUrl", "pas-une-adresse"]]));
    expect(state.status).toBe(400);
    expect(state.fieldErrors?.applicationUrl).toMatch(/adresse web invalide/);
    expect(state.values.title).toBe("Fonds de l'action publique");
  });

  it("answers 429 with a French message after 5 sends in an hour from one address, nothing stored", async () => {
    request.forwardedFor = "203.0.113.80";
    for (let i = 0; i < 5; i++) expect((await proposeProgrammeAction(start, proposalForm())).sent).toBe(true);
    const before = await db.prisma.contribution.count();
    const state = await proposeProgrammeAction(start, proposalForm());
    expect(state).toMatchObject({ ok: false, status: 429 });
    expect(state.message).toMatch(/^Vous avez envoyé beaucoup de messages.*réessayez dans une heure/);
    expect(await db.prisma.contribution.count()).toBe(before);
  });
});

describe("the correction action", () => {
  it("answers 404 for a programme that is not published, and stores a correction for a published one", async () => {
    request.forwardedFor = "203.0.113.81";
    const f = (slug: string) => {
      const form = new FormData();
      for (const [k, v] of [["programme", slug], ["topic", "lien-candidature"], ["correction", "Le lien mène à une page introuvable."], ["proposerEmail", EMAIL], ["consent", "on"]]) form.set(k!, v!);
      return form;
    };
    const start = initialContributionState(emptyCorrectionValues);
    expect(await reportErrorAction(start, f("programme-qui-n-existe-pas"))).toMatchObject({ ok: false, status: 404 });
    const published = await db.prisma.programme.findFirstOrThrow({ where: { status: "published" }, select: { id: true, slug: true } });
    expect(await reportErrorAction(start, f(published.slug))).toMatchObject({ ok: true, sent: true });
    const row = await db.prisma.contribution.findFirstOrThrow({ where: { proposerEmail: EMAIL, kind: "correction" } });
    expect(row).toMatchObject({ programmeId: published.id, status: "pending", message: "Le lien mène à une page introuvable." });
  });
});
