import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { withReopenings } from "../../lib/data/card-reopenings";
import { getFunderBySlug } from "../../lib/data/funders";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const NOW = new Date();
/** The 15th, at noon UTC, `k` months before NOW (negative: after): never near a Paris month's edge. */
const monthsAgo = (k: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - k, 15, 12));
const isoMonth = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
/** Three yearly editions, opened 33, 21 and 9 months ago, each closing two months later. */
const yearlyRounds = () => [33, 21, 9].map((k) => ({ label: `Édition −${k}`, opensAt: monthsAgo(k), closesAt: monthsAgo(k - 2) }));

const slugs: Record<string, string> = {};
let funderSlug = "";
const funderIds: string[] = [];

beforeAll(async () => {
  const funder = await createTestFunder(db.prisma, { name: "Fondation des cartes récurrentes", type: "fondation_privee", status: "published" });
  const other = await createTestFunder(db.prisma, { name: "Autre financeur des cartes", status: "published" });
  funderIds.push(funder.id, other.id);
  funderSlug = funder.slug;
  const make = async (key: string, funderId: string, data: Parameters<typeof createTestProgramme>[2]) => {
    slugs[key] = (await createTestProgramme(db.prisma, funderId, { status: "published", isNational: true, title: `Appel ${key}`, ...data })).slug;
  };
  await make("yearly", funder.id, { closesAt: monthsAgo(7), rounds: { create: yearlyRounds() } });
  await make("undated", funder.id, { recurrence: "annuel", isClosed: true });
  await make("oneoff", funder.id, { recurrence: "ponctuel", isClosed: true, rounds: { create: yearlyRounds() } });
  // Co-funded by the first funder: a card on its page too.
  const coFunded = await createTestProgramme(db.prisma, other.id, { status: "published", isNational: true, title: "Appel cofinancé", closesAt: monthsAgo(7), rounds: { create: yearlyRounds() } });
  slugs.coFunded = coFunded.slug;
  await db.prisma.programmeCoFunder.create({ data: { programmeId: coFunded.id, funderId: funder.id } });
});
afterAll(async () => {
  await db.prisma.programmeCoFunder.deleteMany({ where: { funderId: { in: funderIds } } });
  await deleteTestFunders(db.prisma, funderIds);
});

describe("cards of the funder pages", () => {
  it("carry the closed calls' predicted reopening, as the search's items do", async () => {
    const funder = await getFunderBySlug(funderSlug, { now: NOW });
    const card = (slug: string | undefined) => [...funder!.programmes, ...funder!.coFundedProgrammes].find((p) => p.slug === slug);
    expect(card(slugs.yearly)).toMatchObject({ status: "closed", reopening: { month: isoMonth(monthsAgo(-3)), basis: "rhythm" } });
    expect(card(slugs.yearly)?.reopening?.text).toContain("date non annoncée par le financeur");
    expect(card(slugs.undated)?.reopening).toMatchObject({ month: null, headline: "Reprise annuelle attendue, mois inconnu" });
    expect(card(slugs.oneoff)).toMatchObject({ status: "closed", reopening: null });
    expect(funder!.coFundedProgrammes.map((p) => p.slug)).toEqual([slugs.coFunded]);
    expect(card(slugs.coFunded)?.reopening).toMatchObject({ basis: "rhythm" });
  });

  it("give no prediction to an open call, nor to a programme the index does not hold", async () => {
    const cards = await withReopenings(
      [
        { slug: slugs.yearly as string, status: "open" },
        { slug: "programme-absent-de-l-index", status: "closed" },
      ],
      NOW,
    );
    expect(cards.map((c) => c.reopening)).toEqual([null, null]);
  });
});
