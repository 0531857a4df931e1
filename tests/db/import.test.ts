import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { createFunder } from "../../lib/data/admin/funder-write";
import { findSimilarProgrammes } from "../../lib/data/admin/duplicates";
import type { Database } from "../../lib/db/connect";
import { confirmImportBatch, createImportBatch, discardImportBatch, getImportBatch } from "../../lib/import/batches";
import { exportCatalogueJson, exportProgrammesCsv } from "../../lib/import/export";
import type { ImportReport } from "../../lib/import/report";
import { type ImportOptions, runImport } from "../../lib/import/run";
import { programmeSearchSchema } from "../../lib/validation/programme-search";
import { curationFixtures, rejection } from "./support/curation";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let contributor: Actor;
let otherContributor: Actor;
/** A published funder of this file, and one in draft. */
let funder: string;
let draftFunder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, contributor, otherContributor] = await Promise.all([
    fx.actor("curator", "Claire Curatrice"),
    fx.actor("contributor", "Paul Partenaire"),
    fx.actor("contributor"),
  ]);
  funder = (await createFunder(curator, { ...fx.funderInput({ name: "Fondation des tests d'import" }), status: "published" })).slug;
  draftFunder = (await createFunder(curator, fx.funderInput({ name: "Fondation en brouillon des tests d'import" }))).slug;
});
afterAll(async () => {
  if (db) {
    await db.prisma.importBatch.deleteMany({ where: { createdById: { in: [curator, contributor, otherContributor].filter(Boolean).map((a) => a.id) } } });
    await fx.cleanUp();
    await db.close();
  }
});

const run = (content: string, options: Partial<ImportOptions> & { fileName?: string } = {}) =>
  runImport(db.prisma, { fileName: options.fileName ?? "fichier.json", content }, { actor: curator, dryRun: false, ...options });

/** A new programme in the API's shape, with unique slug and URLs. */
function apiRow(overrides: Record<string, unknown> = {}) {
  const slug = fx.track("programme", uniqueSlug("test-import"));
  return {
    slug,
    title: `Programme importé ${slug}`,
    summary: "Un programme créé par les tests de l'import.",
    description: "Sa description, écrite pour les tests de l'import.",
    funder: { slug: funder, name: "Fondation des tests d'import", type: "fondation-privee" },
    aidKinds: ["subvention"],
    isNational: false,
    territories: [{ id: "region:53", name: "Bretagne", level: "region", code: "53" }],
    amountMin: 1000,
    amountMax: 20_000,
    opensAt: "2030-01-04T23:00:00.000Z",
    closesAt: "2030-03-31T21:59:59.999Z",
    sources: [{ url: `https://exemple.test/${slug}/source`, title: "La page de l'appel", retrievedAt: null }],
    applicationUrl: `https://exemple.test/${slug}/candidater`,
    ...overrides,
  };
}

const revisionCount = () => db.prisma.revision.count({ where: { action: "import" } });
const outcomes = (report: ImportReport) => report.rows.map((r) => r.outcome);

describe("each rejection has its field and a French reason", () => {
  const header = "title;summary;description;funder;aidKinds;territories;amountMin;amountMax;opensAt;closesAt;applicationUrl";
  const good = ["Titre de l'appel", "Un résumé de l'appel assez long.", "Une description de l'appel de test.", "FUNDER", "subvention", "Bretagne", "", "", "", "", ""];
  const line = (changes: Record<number, string>) => good.map((v, i) => changes[i] ?? v).map((v) => v.replace("FUNDER", funder)).join(";");

  it.each([
    ["an unknown code", { 4: "subventionn" }, "aidKinds.0", /Nature de l'aide : valeur inconnue « subventionn »/],
    ["a bad date", { 9: "2030-02-30" }, "closesAt", /Date de clôture : date invalide/],
    ["min > max", { 6: "5000", 7: "1000" }, "amountMax", /Montant maximal : il doit être supérieur ou égal au montant minimal/],
    ["an invalid URL", { 10: "www sans protocole" }, "applicationUrl", /Lien pour candidater : adresse web invalide/],
    ["an unknown territory", { 5: "Atlantide" }, "territories", /Territoires couverts : territoire inconnu « Atlantide »/],
    ["an unknown territory id", { 5: "departement:99" }, "territories", /Territoires couverts : territoire inconnu « departement:99 »/],
    ["an unknown funder", { 3: "Fondation imaginaire du test" }, "funder", /Financeur principal : financeur inconnu « Fondation imaginaire du test »/],
    ["a closing before the opening", { 8: "2030-05-01", 9: "2030-04-01" }, "closesAt", /Date de clôture : elle doit suivre la date d'ouverture/],
    ["a missing title", { 0: "" }, "title", /Titre : 3 caractères au moins/],
  ])("rejects %s", async (_label, changes, field, message) => {
    const before = await revisionCount();
    const report = await run(`${header}\n${line(changes)}\n`, { fileName: "rejets.csv", dryRun: true });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ outcome: "rejected", row: 2 });
    expect(report.rows[0]!.errors).toContainEqual({ field, message: expect.stringMatching(message) });
    expect(await revisionCount()).toBe(before);
  });

  it("rejects a draft funder for a contributor who did not create it, and an unknown column for the whole file", async () => {
    const report = await run(`${header}\n${line({ 3: draftFunder })}\n`, { fileName: "brouillon.csv", dryRun: true, actor: contributor });
    expect(report.rows[0]!.errors).toContainEqual({ field: "funder", message: `Financeur principal : financeur inconnu « ${draftFunder} ».` });
    const unknown = await run(`${header};couleur\n${line({})};bleu\n`, { fileName: "colonne.csv", dryRun: true });
    expect(unknown.fileErrors).toEqual(["Colonne inconnue « couleur »."]);
    expect(unknown.applied).toBe(false);
  });

  it("rejects unreadable JSON and an empty file with a sentence", async () => {
    expect((await run("[{", { dryRun: true })).fileErrors[0]).toMatch(/^JSON illisible/);
    expect((await run("  ", { dryRun: true })).fileErrors).toEqual(["Le fichier est vide."]);
  });
});

describe("a confirmed import", () => {
  it("creates entries in review with one « import » revision each, authored by the importer; a second run changes nothing", async () => {
    const rows = [apiRow(), apiRow({ reviewNote: "Montant à confirmer auprès du financeur." })];
    const file = JSON.stringify(rows);
    const before = await revisionCount();
    const first = await run(file);
    expect(first.applied).toBe(true);
    expect(outcomes(first)).toEqual(["created", "created"]);
    expect(first.rows.map((r) => r.status)).toEqual(["in_review", "in_review"]);
    const stored = await db.prisma.programme.findUniqueOrThrow({ where: { slug: rows[1]!.slug }, include: { coverage: true, sources: true } });
    expect(stored).toMatchObject({ status: "in_review", reviewNote: "Montant à confirmer auprès du financeur.", createdById: curator.id });
    expect(stored.coverage.map((c) => c.territoryId)).toEqual(["region:53"]);
    // The instants of the API are Paris days.
    expect(stored.opensAt?.toISOString()).toBe("2030-01-04T23:00:00.000Z");
    expect(stored.closesAt?.toISOString()).toBe("2030-03-31T21:59:59.999Z");
    const revisions = await db.prisma.revision.findMany({ where: { entityId: stored.id } });
    expect(revisions).toEqual([expect.objectContaining({ action: "import", authorId: curator.id, before: null, version: 1 })]);
    expect(await revisionCount()).toBe(before + 2);

    const second = await run(file);
    expect(outcomes(second)).toEqual(["unchanged", "unchanged"]);
    expect(await revisionCount()).toBe(before + 2);
  });

  it("updates only the fields a row gives, matched by slug, then by URL with the same title", async () => {
    const row = apiRow();
    await run(JSON.stringify([row]));
    const patch = await run(JSON.stringify([{ slug: row.slug, amountMax: 30_000 }]));
    expect(patch.rows[0]).toMatchObject({ outcome: "updated", fields: ["amountMax"] });
    const byUrl = await run(JSON.stringify([{ title: row.title, sources: row.sources, funder: funder, calendarNote: "Dépôt au fil de l'eau." }]));
    expect(byUrl.rows[0]).toMatchObject({ outcome: "updated", slug: row.slug, fields: ["calendarNote"] });
    const p = await db.prisma.programme.findUniqueOrThrow({ where: { slug: row.slug } });
    expect([Number(p.amountMin), Number(p.amountMax), p.calendarNote, p.version]).toEqual([1000, 30_000, "Dépôt au fil de l'eau.", 3]);
  });

  it("is all or nothing: one rejected row and nothing is written", async () => {
    const good = apiRow();
    const bad = apiRow({ amountMin: 50_000, amountMax: 10 });
    const before = await revisionCount();
    const report = await run(JSON.stringify([good, bad]));
    expect(report.applied).toBe(false);
    expect(outcomes(report)).toEqual(["created", "rejected"]);
    expect(await db.prisma.programme.count({ where: { slug: { in: [good.slug, bad.slug] } } })).toBe(0);
    expect(await revisionCount()).toBe(before);
  });

  it("writes nothing on a dry run, with the same outcome", async () => {
    const row = apiRow();
    const report = await run(JSON.stringify([row]), { dryRun: true });
    expect(report).toMatchObject({ applied: false, dryRun: true, counts: { created: 1 } });
    expect(await db.prisma.programme.count({ where: { slug: row.slug } })).toBe(0);
  });

  it("publishes for a curator who asks, never for a contributor", async () => {
    const published = apiRow();
    expect((await run(JSON.stringify([published]), { publish: true })).rows[0]).toMatchObject({ outcome: "created", status: "published" });
    const asked = apiRow();
    const report = await run(JSON.stringify([asked]), { publish: true, actor: contributor });
    expect(report.rows[0]).toMatchObject({ outcome: "created", status: "in_review" });
    const p = await db.prisma.programme.findUniqueOrThrow({ where: { slug: asked.slug } });
    expect([p.status, p.createdById]).toEqual(["in_review", contributor.id]);
    const revision = await db.prisma.revision.findFirstOrThrow({ where: { entityId: p.id } });
    expect([revision.action, revision.authorId]).toEqual(["import", contributor.id]);
    // A contributor may not change a published entry through a file either.
    const refused = await run(JSON.stringify([{ slug: published.slug, amountMax: 25_000 }]), { actor: contributor });
    expect(refused.rows[0]!.errors[0]!.message).toMatch(/est « publié » : seuls les curateurs peuvent la modifier/);
  });

  it("keeps a created entry in review when its funder is not published, and says why", async () => {
    const row = apiRow({ funder: draftFunder });
    const report = await run(JSON.stringify([row]), { publish: true });
    expect(report.rows[0]).toMatchObject({ outcome: "created", status: "in_review" });
    expect(report.rows[0]!.warnings.join(" ")).toMatch(/Publication impossible : le financeur .* n'est pas publié/);
  });

  it("flags a possible duplicate: same title at the same funder", async () => {
    const first = apiRow({ title: "Appel à projets des tests d'import pour les doublons" });
    await run(JSON.stringify([first]));
    const again = apiRow({ title: "Appel à projets des tests d'import pour les doublons 2030" });
    const report = await run(JSON.stringify([again]), { dryRun: true, findDuplicates: (q, tx) => findSimilarProgrammes(q, tx) });
    expect(report.rows[0]!.outcome).toBe("created");
    expect(report.rows[0]!.warnings).toContainEqual(expect.stringContaining(`doublon possible : ${first.title} [${first.slug}]`));
  });
});

describe("CSV as Excel in French writes it", () => {
  it("reads a BOM, semicolons, French numbers and days, lists and sources with titles", async () => {
    const text = fs.readFileSync("tests/fixtures/import/excel-fr.csv", "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const slug = fx.track("programme", "appel-a-projets-test-import-bretagne-numerique");
    const report = await run(text, { fileName: "excel-fr.csv", actor: contributor });
    expect(report).toMatchObject({ format: "csv", applied: true, counts: { created: 1 } });
    expect(report.rows[0]).toMatchObject({ slug, status: "in_review", reviewNote: "Montants à confirmer auprès de la Région." });
    const p = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, include: { coverage: true, sources: true } });
    expect([Number(p.amountMin), Number(p.amountMax), p.financed, p.isNational]).toEqual([1000, 5000.5, ["equipement", "formation_aidants"], false]);
    expect(p.coverage.map((c) => c.territoryId)).toEqual(["region:53"]);
    expect(p.sources.map((s) => [s.url, s.title])).toEqual([["https://exemple.test/source-bretagne", "Page de l'appel"]]);
    expect(p.opensAt?.toISOString()).toBe("2030-01-31T23:00:00.000Z");
    expect((await run(text, { fileName: "excel-fr.csv", actor: contributor })).counts).toMatchObject({ unchanged: 1 });
  });
});

describe("the research shape", () => {
  /** The raw entries copied from ../shared/data/programmes-research-2026-12.json, made unique (URLs, names) for this file. */
  interface ResearchEntry {
    name: string; funder: string; description: string; perimeter: string; amounts: string | null; dates: string | null;
    applicationUrl: string | null; sourceUrl: string; otherSources: string[]; confidence: string; reviewNote: string | null;
  }
  function rawEntries(): ResearchEntry[] {
    const raw = JSON.parse(fs.readFileSync("tests/fixtures/import/research-raw.json", "utf8")) as ResearchEntry[];
    const tag = uniqueSlug("r");
    return raw.map((e, i) => ({
      ...e,
      name: `${String(e.name)} (${tag})`,
      sourceUrl: `https://exemple.test/${tag}/${i}`,
      otherSources: e.otherSources.map((_, j) => `https://exemple.test/${tag}/${i}/${j}`),
    }));
  }

  it("resolves funders by name and perimeters by place names, keeps the texts and the note, closes what the sources close", async () => {
    const entries = rawEntries();
    const report = await run(JSON.stringify(entries), { fileName: "recherche.json" });
    expect(report.format).toBe("json-research");
    expect(report.rows.map((r) => [r.outcome, r.errors])).toEqual(entries.map(() => ["created", []]));
    for (const r of report.rows) fx.track("programme", r.slug!);
    const stored = await db.prisma.programme.findMany({
      where: { slug: { in: report.rows.map((r) => r.slug!) } },
      include: { funder: true, coverage: true, sources: { orderBy: { position: "asc" } } },
    });
    const bySlug = new Map(stored.map((p) => [p.slug, p]));
    entries.forEach((e, i) => {
      const p = bySlug.get(report.rows[i]!.slug!)!;
      expect(p.title).toBe(e.name);
      expect(p.description).toBe(e.description);
      expect(p.amountNote).toBe(e.amounts);
      expect(p.calendarNote).toBe(e.dates);
      expect(p.coverageNote).toBe(e.perimeter);
      expect(p.applicationUrl).toBe(e.applicationUrl);
      expect(p.reviewNote).toBe(e.reviewNote);
      expect(p.confidence).toBe(e.confidence);
      expect(p.status).toBe("in_review");
      expect(p.sources.map((s) => s.url)).toEqual([e.sourceUrl, ...e.otherSources]);
      // Every entry of this sample ended before 2026 or is marked closed by its research: none says open.
      expect(p.isClosed).toBe(true);
    });
    const funderOf = (name: string) => stored.find((p) => p.title.startsWith(name))!;
    expect(funderOf("« Parcours numérique solidaire »").funder.slug).toBe("departement-drome");
    expect(funderOf("« Parcours numérique solidaire »").coverage.map((c) => c.territoryId)).toEqual(["departement:26"]);
    expect(funderOf("Fonds de soutien de la Fondation SFR").funder.slug).toBe("fondation-sfr");
    expect(funderOf("Fonds de soutien de la Fondation SFR").isNational).toBe(true);
    expect(funderOf("Appel à projets « Ensemble pour l'Insertion des Jeunes »").coverage.map((c) => c.territoryId)).toEqual(["region:27"]);
    expect(funderOf("Appel à projets « Numérique inclusif, numérique éducatif »").funder.slug).toBe("banque-des-territoires");
    // « collectivite » is the three levels of local government.
    expect(funderOf("Aide départementale « Numérique »").beneficiaries).toEqual(expect.arrayContaining(["commune", "departement", "region"]));
  });

  it("rejects a funder and a perimeter it cannot find", async () => {
    const [entry] = rawEntries();
    const report = await run(JSON.stringify([{ ...entry, funder: "Caisse imaginaire des tests", perimeter: "Ressort de la caisse imaginaire" }]), { dryRun: true });
    expect(report.rows[0]!.errors.map((e) => e.field)).toEqual(["funder", "territories"]);
  });
});

describe("export then import", () => {
  it("gives back the same data: every published programme unchanged, from the JSON export and from the CSV one", async () => {
    const json = await exportCatalogueJson("http://localhost:3000");
    expect(json.programmes.length).toBeGreaterThan(60);
    expect(json.funders.length).toBeGreaterThan(30);
    const fromJson = await run(JSON.stringify(json), { dryRun: true, fileName: "export.json" });
    expect(fromJson.fileErrors).toEqual([]);
    expect(fromJson.counts).toEqual({ created: 0, updated: 0, unchanged: json.programmes.length, rejected: 0 });

    const everyStatus = programmeSearchSchema.parse({ status: ["open", "closing-soon", "upcoming", "permanent", "closed"] });
    const csv = await exportProgrammesCsv(everyStatus, "http://localhost:3000");
    const fromCsv = await run(csv, { dryRun: true, fileName: "programmes.csv" });
    expect(fromCsv.fileErrors).toEqual([]);
    expect(fromCsv.counts).toEqual({ created: 0, updated: 0, unchanged: json.programmes.length, rejected: 0 });
  });
});

describe("import batches (/admin/import)", () => {
  const csv = () => {
    const slug = fx.track("programme", uniqueSlug("test-import-lot"));
    return `slug,title,summary,description,funder,aidKinds,isNational\n${slug},Lot ${slug},Un résumé du lot de test.,Une description du lot de test.,${funder},subvention,oui\n`;
  };

  it("keeps the dry run pending, applies it once on confirmation, in review for a contributor who asked to publish", async () => {
    const batch = await createImportBatch(contributor, { fileName: "lot.csv", content: csv(), publish: true });
    expect(batch).toMatchObject({ status: "pending", publish: false, format: "csv", report: { dryRun: true, applied: false, counts: { created: 1 } } });
    expect(await getImportBatch(otherContributor, batch.id)).toBeNull();
    expect(await getImportBatch(curator, batch.id)).not.toBeNull();
    expect((await rejection(confirmImportBatch(otherContributor, batch.id))).code).toBe("not_found");
    const applied = await confirmImportBatch(contributor, batch.id);
    expect(applied).toMatchObject({ status: "applied", report: { applied: true, dryRun: false } });
    expect(applied.report!.rows[0]!.status).toBe("in_review");
    expect((await rejection(confirmImportBatch(contributor, batch.id))).code).toBe("invalid_transition");
    expect((await rejection(discardImportBatch(contributor, batch.id))).code).toBe("invalid_transition");
  });

  it("stays pending when a row is rejected at confirmation, and can be discarded", async () => {
    const content = csv();
    const batch = await createImportBatch(contributor, { fileName: "lot.csv", content, publish: false });
    // Meanwhile a curator publishes an entry with that slug: the confirmation re-validates, and a
    // contributor may not change a published entry.
    const slug = content.split("\n")[1]!.split(",")[0]!;
    await run(JSON.stringify([apiRow({ slug, title: "Publié entre-temps" })]), { publish: true });
    const confirmed = await confirmImportBatch(contributor, batch.id);
    expect(confirmed.report!.rows[0]!.errors[0]!.message).toMatch(/seuls les curateurs peuvent la modifier/);
    expect(confirmed.status).toBe("pending");
    expect(confirmed.report).toMatchObject({ applied: false, dryRun: false });
    await discardImportBatch(contributor, batch.id);
    expect((await getImportBatch(curator, batch.id))!.status).toBe("discarded");
  });
});
