import { describe, expect, it } from "vitest";
import { aidKindsFromTitle, firstSentence } from "../../lib/import/adapt-research";
import { toDay } from "../../lib/import/adapt-programme";
import { closedUnlessDated } from "../../lib/import/closed";
import { csvCells, detectDelimiter, EXPORT_HEADER, programmesCsv, readCsv, splitList } from "../../lib/import/csv-format";
import { readImportFile } from "../../lib/import/read-file";
import type { ProgrammeSnapshot } from "../../lib/validation/admin-programme";

const snapshot: ProgrammeSnapshot = {
  slug: "appel-test", status: "published", title: "Appel « test », 2026 ; édition 1", summary: "Un résumé, avec une virgule.",
  description: "Ligne 1\nLigne 2 avec \"guillemets\"", funder: "etat", coFunders: ["anct", "banque-des-territoires"], funderNote: null,
  aidKinds: ["subvention"], financed: ["equipement", "formation-aidants"], beneficiaries: ["association"],
  eligibility: ["Être une association | loi 1901", "Agir en Bretagne"], isNational: false, territories: ["departement:29", "region:53"],
  coverageNote: null, amountTotal: 1_000_000, amountMin: 1500.5, amountMax: 20_000, fundingRateMax: 80, currency: "EUR",
  amountNote: "Jusqu'à 20 000 €", opensAt: "2026-01-05", closesAt: "2026-03-31", recurrence: "annuel", isClosed: false,
  rounds: [{ label: "Vague 1", opensAt: null, closesAt: "2026-02-15" }, { label: "Vague 2 (printemps)", opensAt: "2026-02-16", closesAt: "2026-03-31" }],
  calendarNote: null, applicationUrl: "https://exemple.test/candidater", contact: null, confidence: "high",
  sources: [{ url: "https://exemple.test/a", title: "Page de l'appel", retrievedAt: "2026-01-02" }, { url: "https://exemple.test/b", title: null, retrievedAt: null }],
  lastVerifiedAt: "2026-01-10", verificationNote: "Vérifié sur le site.",
};

describe("the importer's CSV", () => {
  it("detects the separator Excel in French writes (;) and the usual one (,)", () => {
    expect(detectDelimiter("\uFEFFtitle;summary;funder\n")).toBe(";");
    expect(detectDelimiter("title,summary,funder\n")).toBe(",");
  });

  it("splits lists on |, keeping an escaped \\|", () => {
    expect(splitList(" a | b\\|c |  | d ")).toEqual(["a", "b|c", "d"]);
  });

  it("reads back exactly what the export writes (every field, quotes, line breaks, lists, sessions, sources)", () => {
    const { drafts, fileErrors } = readCsv(programmesCsv(EXPORT_HEADER, [csvCells(snapshot, { calendarStatus: "open", funderName: "État", url: "https://x.test" })]));
    expect(fileErrors).toEqual([]);
    const { status: _status, ...fields } = snapshot;
    expect(drafts[0]!.fields).toEqual(fields);
  });

  it("reads French numbers, days and booleans, and header labels", () => {
    const { drafts } = readCsv("\uFEFFTitre;Montant minimal;Date de clôture;Couverture nationale;Note de la recherche à vérifier\nA;1 500,50;31/03/2026;oui;À revoir\n");
    expect(drafts[0]).toMatchObject({ row: 2, fields: { title: "A", amountMin: 1500.5, closesAt: "2026-03-31", isNational: true }, reviewNote: "À revoir" });
  });

  it("refuses an unknown column, a file without title or slug, and a broken quote", () => {
    expect(readCsv("title,colour\nA,bleu\n").fileErrors).toEqual(["Colonne inconnue « colour »."]);
    expect(readCsv("summary\nA\n").fileErrors).toEqual(["Il faut au moins une colonne « title » (Titre) ou « slug »."]);
    expect(readCsv('title\n"A\n').fileErrors[0]).toMatch(/^CSV illisible/);
  });
});

describe("the JSON shapes", () => {
  it("tells the research shape from the API's", () => {
    expect(readImportFile("x.json", JSON.stringify([{ name: "A", perimeter: "national", funder: "État" }])).format).toBe("json-research");
    expect(readImportFile("x.json", JSON.stringify({ programmes: [{ slug: "a", title: "A" }] })).format).toBe("json-api");
    expect(readImportFile("x.json", JSON.stringify({ slug: "a", title: "A" })).drafts).toHaveLength(1);
  });

  it("turns the API's instants into Paris days", () => {
    expect(toDay("2026-03-31T21:59:59.999Z")).toBe("2026-03-31");
    expect(toDay("2026-01-04T23:00:00.000Z")).toBe("2026-01-05");
    expect(toDay("31/03/2026")).toBe("31/03/2026");
  });

  it("writes a summary and a kind of aid for research rows, from their own text", () => {
    expect(firstSentence("La Région cède son parc. Les objectifs sont…")).toBe("La Région cède son parc.");
    expect(aidKindsFromTitle("Appel à projets « Apprendre Autrement »")).toEqual(["appel-a-projets"]);
    expect(aidKindsFromTitle("AMI Hubs territoriaux")).toEqual(["appel-a-manifestation-d-interet"]);
    expect(aidKindsFromTitle("Fonds de soutien de la Fondation SFR")).toEqual(["autre"]);
  });
});

describe("a researched entry is closed unless a date says it is open", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  const base = { sourceStatus: null, years: ["2026"], recurrence: null, opensAt: null, closesAt: null };
  it.each([
    ["no date at all", {}, true],
    ["a closing day ahead", { closesAt: "2027-01-15" }, false],
    ["a closing day past", { closesAt: "2026-11-30" }, true],
    ["an opening day ahead", { opensAt: "2027-02-01" }, false],
    ["a standing scheme", { recurrence: "permanent" }, false],
    ["sources saying it is over, even with a day ahead", { sourceStatus: "clos", closesAt: "2027-01-15" }, true],
    ["years all past", { years: ["2024", "2025"], closesAt: "2027-01-15" }, true],
  ])("%s", (_label, facts, closed) => {
    expect(closedUnlessDated({ ...base, ...facts }, now)).toBe(closed);
  });
});
