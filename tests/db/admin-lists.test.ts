import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { listFunderChoices, listFundersForAdmin } from "../../lib/data/admin/funder-read";
import { createFunder } from "../../lib/data/admin/funder-write";
import { listProgrammesForAdmin } from "../../lib/data/admin/programme-read";
import { createProgramme, verifyProgramme } from "../../lib/data/admin/programme-write";
import type { Database } from "../../lib/db/connect";
import { funderListSchema, programmeListSchema } from "../../lib/validation/admin-list";
import { funderSnapshotSelect, toFunderSnapshot } from "../../lib/data/admin/funder-snapshot";
import { programmeSnapshotSelect, toProgrammeSnapshot } from "../../lib/data/admin/programme-snapshot";
import { fieldErrors } from "../../lib/validation/admin-fields";
import { funderInputFromSnapshot, funderInputSchema } from "../../lib/validation/admin-funder";
import { programmeInputFromSnapshot, programmeInputSchema } from "../../lib/validation/admin-programme";
import { curationFixtures } from "./support/curation";
import { openTestDatabase } from "./support/test-database";

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let contributor: Actor;
let other: Actor;
/** A word only this file's entries carry. */
const word = `quokka${Date.now().toString(36)}`;
let funder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, contributor, other] = await Promise.all([fx.actor("curator"), fx.actor("contributor"), fx.actor("contributor")]);
  funder = (await createFunder(curator, { ...fx.funderInput({ name: `Fondation ${word}`, type: "entreprise" }), status: "published" })).slug;
  const make = (who: Actor, title: string, extra: Record<string, unknown> = {}) =>
    createProgramme(who, { ...fx.programmeInput(funder, { title: `${title} ${word}`, ...extra }) });
  // Its slug is derived from the title (alpha-mediation-…): the search finds it without accents.
  const alpha = await make(curator, "Alpha Médiation", { closesAt: "2027-03-01", slug: undefined });
  fx.track("programme", alpha.slug);
  const beta = await make(curator, "Bêta équipement", { closesAt: "2027-01-15", status: "published" } as never);
  await verifyProgramme(curator, beta.slug, { version: 1 });
  await make(contributor, "Gamma brouillon partenaire");
  await make(other, "Delta brouillon d'un autre");
});
afterAll(async () => {
  await fx.cleanUp();
  await db?.close();
});

const list = (actor: Actor, input: Record<string, string | string[]> = {}) =>
  listProgrammesForAdmin(actor, programmeListSchema.parse({ q: word, ...input }));

describe("listProgrammesForAdmin", () => {
  it("finds by title whatever the case, and without accents through the slug", async () => {
    expect((await list(curator)).total).toBe(4);
    expect((await list(curator, { q: "ALPHA MÉDIATION" })).items.map((i) => i.title)).toEqual([`Alpha Médiation ${word}`]);
    expect((await list(curator, { q: "alpha mediation" })).items.map((i) => i.title)).toEqual([`Alpha Médiation ${word}`]);
  });

  it("filters by status, funder, funder type and verification, and sorts", async () => {
    expect((await list(curator, { status: "published" })).items.map((i) => i.title)).toEqual([`Bêta équipement ${word}`]);
    expect((await list(curator, { funder: [funder], funderType: "entreprise", sort: "title" })).items.map((i) => i.title.split(" ")[0])).toEqual([
      "Alpha", "Bêta", "Delta", "Gamma",
    ]);
    expect((await list(curator, { funderType: "etat" })).total).toBe(0);
    expect((await list(curator, { verifiedBefore: "2000-01-01" })).total).toBe(3); // never verified
    expect((await list(curator, { sort: "closing" })).items.slice(0, 2).map((i) => i.title.split(" ")[0])).toEqual(["Bêta", "Alpha"]);
    expect((await list(curator, { sort: "verified" })).items.at(-1)?.title.split(" ")[0]).toBe("Bêta");
  });

  it("pages with the total", async () => {
    const page = await list(curator, { sort: "title", perPage: "3", page: "2" });
    expect(page).toMatchObject({ total: 4, page: 2, perPage: 3 });
    expect(page.items.map((i) => i.title.split(" ")[0])).toEqual(["Gamma"]);
  });

  it("shows a contributor only what they created", async () => {
    expect((await list(contributor)).items.map((i) => i.title.split(" ")[0])).toEqual(["Gamma"]);
    expect((await list(contributor, { createdBy: other.id })).total).toBe(0);
  });
});

describe("listFundersForAdmin and listFunderChoices", () => {
  it("finds funders by name, with their programme count; a contributor sees their own", async () => {
    const mine = await createFunder(contributor, fx.funderInput({ name: `Association ${word}` }));
    const all = await listFundersForAdmin(curator, funderListSchema.parse({ q: word }));
    expect(all.items.map((f) => [f.name, f.programmeCount, f.status])).toEqual([
      [`Association ${word}`, 0, "draft"],
      [`Fondation ${word}`, 4, "published"],
    ]);
    expect((await listFundersForAdmin(curator, funderListSchema.parse({ q: word, type: "entreprise" }))).total).toBe(1);
    expect((await listFundersForAdmin(contributor, funderListSchema.parse({ q: word }))).items.map((f) => f.slug)).toEqual([mine.slug]);
    const choices = await listFunderChoices(other);
    expect(choices.map((c) => c.slug)).toContain(funder);
    expect(choices.map((c) => c.slug)).not.toContain(mine.slug);
    expect((await listFunderChoices(contributor)).map((c) => c.slug)).toContain(mine.slug);
  });
});

describe("the seeded catalogue", () => {
  it("passes the input schemas, so that every entry can be edited as it is", async () => {
    const problems: string[] = [];
    for (const row of await db.prisma.programme.findMany({ where: { createdById: null }, select: programmeSnapshotSelect })) {
      const parsed = programmeInputSchema.safeParse(programmeInputFromSnapshot(toProgrammeSnapshot(row)));
      if (!parsed.success) problems.push(`${row.slug} ${JSON.stringify(fieldErrors(parsed.error))}`);
    }
    for (const row of await db.prisma.funder.findMany({ where: { createdById: null }, select: funderSnapshotSelect })) {
      const parsed = funderInputSchema.safeParse(funderInputFromSnapshot(toFunderSnapshot(row)));
      if (!parsed.success) problems.push(`${row.slug} ${JSON.stringify(fieldErrors(parsed.error))}`);
    }
    expect(problems).toEqual([]);
  });
});
