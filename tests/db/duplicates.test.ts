import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DUPLICATE_TITLE_THRESHOLD,
  findSimilarProgrammes,
  normalizeUrl,
  normalizeUrlInDatabase,
} from "../../lib/data/admin/duplicates";
import type { Database } from "../../lib/db/connect";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
const funderIds: string[] = [];
let funderA: { id: string; slug: string };
let funderB: { id: string; slug: string };
const ids: Record<string, string> = {};
const tag = uniqueSlug("doublon").slice(-8);
// A title that exists nowhere else in the catalogue (the tag makes it unique to this run).
const base = `Appel à projets « Médiation numérique des quartiers ${tag} » 2025`;

beforeAll(async () => {
  db = await openTestDatabase();
  funderA = await createTestFunder(db.prisma, { name: "Financeur A" });
  funderB = await createTestFunder(db.prisma, { name: "Financeur B" });
  funderIds.push(funderA.id, funderB.id);
  const make = async (key: string, funderId: string, data: Parameters<typeof createTestProgramme>[2]) => {
    ids[key] = (await createTestProgramme(db.prisma, funderId, data)).id;
  };
  await make("original", funderA.id, { title: base, status: "published" });
  await make("otherFunder", funderB.id, { title: base, status: "published" });
  await make("archived", funderA.id, { title: `${base} (ancienne fiche)`, status: "archived" });
  await make("unrelated", funderA.id, { title: `Fonds de soutien aux tiers-lieux ruraux ${tag}`, status: "published" });
  await make("byUrl", funderB.id, {
    title: `Dispositif sans rapport ${tag}`,
    applicationUrl: `https://www.demarches-simplifiees.fr/commencer/candidature-${tag}`,
    sources: { create: [{ url: `https://www.exemple-financeur.fr/aides/${tag}/`, position: 0 }] },
  });
});

afterAll(async () => {
  await deleteTestFunders(db.prisma, funderIds);
});

describe("URL normalisation", () => {
  const cases: [string, string | null][] = [
    ["HTTPS://Www.Exemple.FR/Appel/", "https://www.exemple.fr/Appel"],
    ["http://www.exemple.fr:80/appel#haut", "https://www.exemple.fr/appel"],
    ["https://www.exemple.fr:443/appel/?id=3", "https://www.exemple.fr/appel?id=3"],
    ["https://www.exemple.fr", "https://www.exemple.fr"],
    ["https://www.exemple.fr/", "https://www.exemple.fr"],
    ["https://www.exemple.fr:8443/a//", "https://www.exemple.fr:8443/a"],
    ["  https://exemple.fr/a  ", "https://exemple.fr/a"],
    ["pas une adresse", "pas une adresse"],
    ["", null],
  ];

  it("is the same in TypeScript and in SQL, and ignores scheme and host case, default port, fragment and trailing slash", async () => {
    for (const [url, expected] of cases) {
      expect(normalizeUrl(url), url).toBe(expected);
      expect(await normalizeUrlInDatabase(url), url).toBe(expected);
    }
  });
});

describe("findSimilarProgrammes", () => {
  it("flags a near title of the same funder, with its similarity, and lists the archived entry last, labelled", async () => {
    const found = await findSimilarProgrammes({ title: `Appel à projets Médiation numérique des quartiers ${tag} 2025`, funderId: funderA.id });
    expect(found.map((c) => c.id)).toEqual([ids.original, ids.archived]);
    const [first, archived] = found;
    expect(first?.archived).toBe(false);
    expect(first?.reasons).toHaveLength(1);
    expect(first?.reasons[0]?.code).toBe("similar_title");
    expect(first?.reasons[0]?.similarity).toBeGreaterThanOrEqual(DUPLICATE_TITLE_THRESHOLD);
    expect(first?.reasons[0]?.label).toMatch(/^titre très proche \(similarité [01],\d\d\) chez le même financeur$/);
    expect(archived?.archived).toBe(true);
    expect(archived?.status).toBe("archived");
  });

  it("finds the funder by slug as well as by id, and ignores accents", async () => {
    const found = await findSimilarProgrammes({ title: `Appel a projets Mediation numerique des quartiers ${tag} 2025`, funderSlug: funderA.slug });
    expect(found.map((c) => c.id)).toContain(ids.original);
  });

  it("does not flag the same title at another funder, nor a different title at the same funder", async () => {
    const found = await findSimilarProgrammes({ title: base, funderId: funderA.id });
    expect(found.map((c) => c.id)).not.toContain(ids.otherFunder);
    expect(found.map((c) => c.id)).not.toContain(ids.unrelated);
    expect(await findSimilarProgrammes({ title: base })).toEqual([]);
  });

  it("leaves out the entry itself (excludeId)", async () => {
    const found = await findSimilarProgrammes({ title: base, funderId: funderA.id, excludeId: ids.original });
    expect(found.map((c) => c.id)).toEqual([ids.archived]);
  });

  it("flags the same application link at any funder, whatever its case, scheme or trailing slash", async () => {
    const found = await findSimilarProgrammes({
      title: "Un tout autre titre",
      funderId: funderA.id,
      applicationUrl: `http://WWW.Demarches-Simplifiees.fr/commencer/candidature-${tag}/`,
    });
    expect(found.map((c) => c.id)).toEqual([ids.byUrl]);
    expect(found[0]?.reasons).toEqual([
      { code: "same_application_url", label: "même lien de candidature", urls: [`https://www.demarches-simplifiees.fr/commencer/candidature-${tag}`] },
    ]);
  });

  it("flags a source in common, normalised, and not a different path", async () => {
    const found = await findSimilarProgrammes({ title: "", sourceUrls: [`HTTPS://www.exemple-financeur.fr/aides/${tag}#calendrier`] });
    expect(found.map((c) => c.id)).toEqual([ids.byUrl]);
    expect(found[0]?.reasons.map((r) => r.label)).toEqual(["même source"]);
    expect(await findSimilarProgrammes({ title: "", sourceUrls: [`https://www.exemple-financeur.fr/aides/${tag}-bis`] })).toEqual([]);
  });

  it("flags re-typings of seeded titles at their funder", async () => {
    const retyped: [string, string][] = [
      ["Appel à projets Pass numérique 2020", "Appel à projets « Pass numérique » 2021"],
      ["Appels à projets annuels de la Fondation Afnic pour la solidarité numérique", "Appel à projets annuel Fondation Afnic solidarité numérique"],
      ["AMI « Hubs pour un numérique inclusif » (2e vague)", "AMI Hubs pour un numérique inclusif – deuxième vague"],
    ];
    for (const [seeded, typed] of retyped) {
      const p = await db.prisma.programme.findFirstOrThrow({ where: { title: seeded }, select: { id: true, funderId: true } });
      const found = await findSimilarProgrammes({ title: typed, funderId: p.funderId });
      expect(found.map((c) => c.id), typed).toContain(p.id);
    }
  });

  it("finds no distinct pair of the seed's programmes of one funder above the threshold", async () => {
    const seeded = await db.prisma.programme.findMany({
      where: { createdById: null, slug: { not: { startsWith: "test-" } } },
      select: { id: true, title: true, funderId: true },
    });
    expect(seeded.length).toBeGreaterThan(50);
    const flagged: string[] = [];
    for (const p of seeded) {
      const found = await findSimilarProgrammes({ title: p.title, funderId: p.funderId, excludeId: p.id });
      flagged.push(...found.filter((c) => c.reasons.some((r) => r.code === "similar_title")).map((c) => `${p.title} ~ ${c.title}`));
    }
    expect(flagged).toEqual([]);
  });
});
