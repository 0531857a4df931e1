import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listProgrammes } from "../../app/api/v1/programmes/route";
import type { Database } from "../../lib/db/connect";
import { findSimilarProgrammes, searchProgrammes } from "../../lib/data/programme-search";
import { FRENCH_MONTHS } from "../../lib/programmes/reopening";
import { programmeSearchSchema, type ProgrammeSearchInput } from "../../lib/validation/programme-search";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

/** The data is dated from the real clock: the API searches at the current time. */
const NOW = new Date();
/** The 15th, at noon UTC, `k` months before NOW (negative: after): never near a Paris month's edge. */
const monthsAgo = (k: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - k, 15, 12));
const isoMonth = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
const later = (months: number) => new Date(NOW.getTime() + months * 30.5 * 86_400_000);

const WORD = `zygomorphe${Date.now().toString(36)}`;
/** Three yearly editions, opened 33, 21 and 9 months ago, each closing two months later. */
const yearlyRounds = () => [33, 21, 9].map((k) => ({ label: `Édition −${k}`, opensAt: monthsAgo(k), closesAt: monthsAgo(k - 2) }));

const slugs: Record<string, string> = {};
let funderId = "";

beforeAll(async () => {
  const funder = await createTestFunder(db.prisma, { name: "Fondation des appels récurrents", type: "fondation_privee" });
  funderId = funder.id;
  const make = async (key: string, data: Parameters<typeof createTestProgramme>[2]) => {
    const p = await createTestProgramme(db.prisma, funder.id, { status: "published", isNational: true, title: `Appel ${key} ${WORD}`, ...data });
    slugs[key] = p.slug;
  };
  // Rounds are created with their programme: the index is rebuilt when the programme table changes.
  await make("yearly", { closesAt: monthsAgo(7), financed: ["pass_numerique", "connexion"], rounds: { create: yearlyRounds() } });
  await make("neighbour", { closesAt: later(3), financed: ["pass_numerique", "connexion"] });
  await make("stale", {
    recurrence: "annuel",
    closesAt: monthsAgo(38),
    rounds: { create: [64, 52, 40].map((k) => ({ label: `−${k}`, opensAt: monthsAgo(k), closesAt: null })) },
  });
  await make("open", { closesAt: later(3), rounds: { create: yearlyRounds() } });
  await make("permanent", { recurrence: "permanent", isClosed: true, rounds: { create: yearlyRounds() } });
  await make("oneoff", { recurrence: "ponctuel", isClosed: true, rounds: { create: yearlyRounds() } });
  await make("undated", { recurrence: "annuel", isClosed: true });
});
afterAll(() => deleteTestFunders(db.prisma, [funderId]));

const search = (input: ProgrammeSearchInput, now = NOW) => searchProgrammes(programmeSearchSchema.parse({ q: WORD, perPage: "50", ...input }), { now });
const found = (items: { slug: string }[]) => items.map((i) => Object.entries(slugs).find(([, s]) => s === i.slug)?.[0]).sort();

describe("the search's status=expected", () => {
  it("finds the closed calls whose reopening is predicted: a yearly rhythm, or a yearly call without dates", async () => {
    const r = await search({ status: "expected" });
    expect(found(r.items)).toEqual(["undated", "yearly"]);
    expect(r.total).toBe(2);
  });

  it("counts them in the status facet, within the closed ones, and leaves them out by default", async () => {
    const r = await search({});
    expect(found(r.items)).toEqual(["neighbour", "open"]);
    const counts = Object.fromEntries(r.facets.status.map((s) => [s.value, s.count]));
    expect(counts).toMatchObject({ open: 2, closed: 5, expected: 2 });
    expect(r.facets.status.find((s) => s.value === "expected")?.label).toBe("Réouverture attendue");
  });

  it("combines with the other statuses (one or the other)", async () => {
    expect(found((await search({ status: ["open", "expected"] })).items)).toEqual(["neighbour", "open", "undated", "yearly"]);
    expect(found((await search({ status: ["closed", "expected"] })).items)).toEqual(["oneoff", "permanent", "stale", "undated", "yearly"]);
  });

  it("gives each item its prediction, worded as one, on the page's search as in the index", async () => {
    const r = await search({ status: "expected" });
    const yearly = r.items.find((i) => i.slug === slugs.yearly);
    const next = monthsAgo(-3);
    expect(yearly?.status).toBe("closed");
    expect(yearly?.reopening).toMatchObject({
      month: isoMonth(next),
      monthIs: "opening",
      basis: "rhythm",
      headline: `Reprise attendue vers ${FRENCH_MONTHS[next.getUTCMonth()]} ${next.getUTCFullYear()}`,
    });
    expect(yearly?.reopening?.text).toContain("date non annoncée par le financeur");
    expect(r.items.find((i) => i.slug === slugs.undated)?.reopening).toMatchObject({ month: null, headline: "Reprise annuelle attendue, mois inconnu" });
    // The closed ones without a prediction carry none.
    const closed = await search({ status: "closed" });
    expect(closed.items.filter((i) => i.reopening).map((i) => i.slug).sort()).toEqual([slugs.undated, slugs.yearly].sort());
  });

  it("follows the time: next year's month once the predicted one has passed, nothing once the evidence is stale", async () => {
    const inFiveMonths = monthsAgo(-5);
    const r = await search({ status: "expected" }, inFiveMonths);
    expect(r.items.find((i) => i.slug === slugs.yearly)?.reopening?.month).toBe(isoMonth(monthsAgo(-15)));
    // In 30 months, the last edition of « yearly » is 39 months old: stale. « open » has closed by
    // then, and its own closing (27 months before) still backs the rhythm of its openings.
    const inThirtyMonths = monthsAgo(-30);
    expect(found((await search({ status: "expected" }, inThirtyMonths)).items)).toEqual(["open", "undated"]);
    // And back: the index recomputes for the time asked.
    expect(found((await search({ status: "expected" })).items)).toEqual(["undated", "yearly"]);
  });
});

describe("the similar programmes of a programme page", () => {
  it("carry the prediction of the closed ones among them", async () => {
    const similar = await findSimilarProgrammes(slugs.neighbour as string, 20, { now: NOW });
    const yearly = similar.find((i) => i.slug === slugs.yearly);
    expect(yearly?.status).toBe("closed");
    expect(yearly?.reopening).toMatchObject({ month: isoMonth(monthsAgo(-3)), basis: "rhythm" });
  });
});

describe("GET /api/v1/programmes?status=expected", () => {
  const call = async (query: string) => {
    const response = await listProgrammes(new Request(`https://financements.example.org/api/v1/programmes${query}`));
    return { response, body: (await response.json()) as { total: number; items: Record<string, unknown>[]; facets: { status: { value: string; count: number }[] } } };
  };

  it("answers the predicted reopenings, each marked as not announced", async () => {
    const { response, body } = await call(`?q=${WORD}&status=expected`);
    expect(response.status).toBe(200);
    expect(body.total).toBe(2);
    const yearly = body.items.find((i) => i.slug === slugs.yearly);
    expect(yearly).toMatchObject({ status: "closed", predictedReopening: { month: isoMonth(monthsAgo(-3)), monthIs: "opening", basis: "rhythm", announced: false } });
    expect(body.facets.status.find((s) => s.value === "expected")?.count).toBe(2);
  });

  it("gives null for a programme without a prediction, and refuses an unknown status", async () => {
    const { body } = await call(`?q=${WORD}&status=open`);
    expect(body.items.map((i) => i.predictedReopening)).toEqual([null, null]);
    const wrong = await call("?status=reopening");
    expect(wrong.response.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { parameter: "status" } });
  });
});
