import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { findMatchingProgrammes, resolvePlace } from "../../lib/data/matcher";
import { searchProgrammes } from "../../lib/data/programme-search";
import { programmeSearchSchema } from "../../lib/validation/programme-search";
import type { Match, MatcherResult } from "../../lib/matcher/rank";
import type { MatcherPlace } from "../../lib/matcher/reasons";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const now = new Date("2026-12-06T10:00:00Z");

async function place(text: string): Promise<MatcherPlace> {
  const resolved = await resolvePlace({ territory: null, lieu: text });
  if (resolved.kind !== "found") throw new Error(`${text}: ${resolved.kind}`);
  return resolved.place;
}

const all = (r: MatcherResult) => [...r.open, ...r.reopening, ...r.other, ...r.ruledOut];
const find = (r: MatcherResult, slug: string): Match => {
  const match = all(r).find((m) => m.programme.slug === slug);
  if (!match) throw new Error(`${slug} absent`);
  return match;
};
const reasons = (m: Match) => Object.fromEntries(m.reasons.map((r) => [r.criterion, `${r.verdict}: ${r.text}`]));

describe("resolvePlace", () => {
  it("resolves a commune typed by name or by INSEE code, with its containing territories", async () => {
    const brest = await place("Brest");
    expect(brest).toMatchObject({ id: "commune:29019", name: "Brest" });
    expect(brest.ids).toEqual(expect.arrayContaining(["commune:29019", "departement:29", "region:53"]));
    expect((await place("29019")).id).toBe("commune:29019");
  });
  it("says when nothing matches", async () => {
    expect((await resolvePlace({ territory: null, lieu: "Zzzyxwq" })).kind).toBe("unknown");
  });
});

describe("findMatchingProgrammes on the seeded catalogue", () => {
  it("gives an association in Brest needing equipment the Ville de Brest's yearly call, closed: its last edition (2023) is too old for a prediction", async () => {
    const r = await findMatchingProgrammes({ structure: "association", needs: ["equipement"] }, await place("Brest"), { now });
    const brestCall = find(r, "appel-a-projets-usages-du-numerique-ville-de-brest");
    expect(r.other).toContain(brestCall);
    expect(reasons(brestCall)).toEqual({
      structure: "yes: ouvert aux associations",
      territory: "yes: couvre Brest",
      needs: "yes: finance l'équipement",
      calendar: "no: clos",
    });
  });

  it("gives an association the Fondation SFR's yearly call as likely to reopen, with the prediction of the search (status=expected)", async () => {
    const r = await findMatchingProgrammes({ structure: "association", needs: ["fonctionnement"] }, await place("Brest"), { now });
    const sfr = find(r, "appel-a-projets-numerique-solidaire-de-la-fondation-sfr");
    expect(r.reopening).toContain(sfr);
    expect(reasons(sfr).calendar).toBe(
      "warning: clos ; reprise possible avant octobre 2027 (prévision : appel annuel, une seule édition datée : clôture en octobre 2024 ; date non annoncée par le financeur)",
    );
    // One rule: the matcher's group is the search's status=expected.
    const expected = await searchProgrammes(programmeSearchSchema.parse({ status: "expected", perPage: "100" }), { now });
    expect(r.reopening.every((m) => expected.items.some((i) => i.slug === m.programme.slug))).toBe(true);
  });

  it("rules out the 2020 pass numérique call for an association (reserved to collectivités), and says it is closed", async () => {
    const r = await findMatchingProgrammes({ structure: "association", needs: [] }, await place("Brest"), { now });
    const pass = find(r, "appel-a-projets-pass-numerique-2020");
    expect(r.ruledOut).toContain(pass);
    expect(reasons(pass)).toMatchObject({
      structure: "no: réservé aux communes, aux départements, aux régions et aux intercommunalités",
      territory: "yes: couvre Brest (programme national)",
      calendar: "no: clos",
    });
  });

  it("puts the permanent France Services forfait among the open ones for a commune", async () => {
    const r = await findMatchingProgrammes({ structure: "commune", needs: ["fonctionnement"] }, await place("Brest"), { now });
    const forfait = find(r, "france-services-forfait-annuel-de-fonctionnement");
    expect(r.open).toContain(forfait);
    expect(reasons(forfait)).toMatchObject({ structure: "yes: ouvert aux communes", needs: "yes: finance le fonctionnement", calendar: "yes: ouvert en permanence" });
  });

  it("offers a Dijon commune the Côte-d'Or label, through its département, and refuses it to an association", async () => {
    const dijon = await place("Dijon");
    const slug = "appel-a-projets-transition-numerique-label-solidarite-territoriale";
    const forCommune = find(await findMatchingProgrammes({ structure: "commune", needs: ["equipement"] }, dijon, { now }), slug);
    expect(reasons(forCommune)).toMatchObject({ structure: "yes: ouvert aux communes", territory: "yes: couvre Dijon (Côte-d'Or)" });
    const forAssociation = await findMatchingProgrammes({ structure: "association", needs: [] }, dijon, { now });
    expect(forAssociation.ruledOut.map((m) => m.programme.slug)).toContain(slug);
    expect(reasons(find(forAssociation, slug)).structure).toBe("no: réservé aux communes et aux intercommunalités");
  });

  it("leaves out programmes of other places, and keeps closed calls (the search alone would hide them)", async () => {
    const r = await findMatchingProgrammes({ structure: "association", needs: [] }, await place("Brest"), { now });
    const slugs = all(r).map((m) => m.programme.slug);
    expect(slugs).not.toContain("appel-a-projets-paris-e-inclusion-equipement-des-associations");
    expect(slugs).not.toContain("appel-a-projets-transition-numerique-label-solidarite-territoriale");
    expect(r.total).toBe(slugs.length);
    const sql = await db.sql.query<{ count: number }>(
      `select count(*)::int as count from programme p where p.status = 'published' and (p.is_national or exists (
         select 1 from programme_territory pt where pt.programme_id = p.id and pt.territory_id = any($1::text[])))`,
      [(await place("Brest")).ids],
    );
    expect(r.total).toBe(sql[0]?.count);
  });
});
