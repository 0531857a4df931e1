import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCatalogue, SEED_DATA_DIR } from "../../lib/db/seed/catalogue";
import { seedFunderSchema, seedFundingRecordSchema, seedProgrammeSchema } from "../../lib/db/seed/schema";
import { buildTerritoryRows } from "../../lib/db/seed/territories";
import { seedProgramme } from "../fixtures/seed-programme";

const catalogue = readCatalogue();
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe("prisma/seed-data", () => {
  it("holds the three files the seed reads, and they pass their schemas", () => {
    expect(fs.readdirSync(SEED_DATA_DIR).sort()).toEqual(
      expect.arrayContaining(["funders.json", "funding-records.json", "programmes.json"]),
    );
    expect(catalogue.funders.length).toBeGreaterThan(0);
    expect(catalogue.programmes.length).toBeGreaterThanOrEqual(40);
    expect(catalogue.records.length).toBeGreaterThan(0);
  });

  it("has no key the schema does not know (a typo would be silently dropped)", () => {
    const keys = (file: string) =>
      new Set((JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, file), "utf8")) as object[]).flatMap(Object.keys));
    expect([...keys("funders.json")].filter((k) => !(k in seedFunderSchema.shape))).toEqual([]);
    expect([...keys("funding-records.json")].filter((k) => !(k in seedFundingRecordSchema.shape))).toEqual([]);
    const programmeKeys = Object.keys(seedProgramme());
    expect([...keys("programmes.json")].filter((k) => !programmeKeys.includes(k))).toEqual([]);
  });

  it("uses each slug once per file", () => {
    expect(duplicates(catalogue.funders.map((f) => f.slug))).toEqual([]);
    expect(duplicates(catalogue.programmes.map((p) => p.slug))).toEqual([]);
    expect(duplicates(catalogue.records.map((r) => r.slug))).toEqual([]);
  });

  it("names only funders and programmes that exist", () => {
    const funders = new Set(catalogue.funders.map((f) => f.slug));
    const programmes = new Set(catalogue.programmes.map((p) => p.slug));
    const unknownFunders = [
      ...catalogue.programmes.flatMap((p) => [p.funder, ...p.coFunders]),
      ...catalogue.records.flatMap((r) => (r.funder ? [r.funder] : [])),
    ].filter((slug) => !funders.has(slug));
    expect(unknownFunders).toEqual([]);
    expect(catalogue.records.flatMap((r) => (r.programme && !programmes.has(r.programme) ? [r.programme] : []))).toEqual([]);
  });

  it("names only territories of the official geography", () => {
    const territories = new Set(buildTerritoryRows().map((t) => t.id));
    const used = [
      ...catalogue.funders.flatMap((f) => (f.territory ? [f.territory] : [])),
      ...catalogue.programmes.flatMap((p) => p.coverage.territories),
      ...catalogue.records.flatMap((r) => (r.territory ? [r.territory] : [])),
    ];
    expect(used.filter((id) => !territories.has(id))).toEqual([]);
  });

  it("gives each programme's sources distinct URLs", () => {
    const repeated = catalogue.programmes.flatMap((p) => duplicates(p.sources.map((s) => s.url)).map((url) => `${p.slug}: ${url}`));
    expect(repeated).toEqual([]);
  });

  it("gives funding records ordered, plausible years", () => {
    const wrong = catalogue.records.filter((r) => r.yearStart > r.yearEnd || r.yearStart < 1990 || r.yearEnd > 2100);
    expect(wrong.map((r) => r.slug)).toEqual([]);
  });

  it("keeps every researched funding figure of ../shared/data with all its sources", () => {
    const shared = (file: string) => path.resolve(process.cwd(), "..", "shared", "data", file);
    const files = ["funding-figures.json", "funding-figures-2026-12.json"].map(shared).filter((f) => fs.existsSync(f));
    const figures = files.flatMap((f) => JSON.parse(fs.readFileSync(f, "utf8")) as { sources: string[] }[]);
    const urls = new Set(catalogue.records.flatMap((r) => r.sourceUrls));
    expect(figures.flatMap((f) => f.sources).filter((url) => !urls.has(url))).toEqual([]);
    expect(catalogue.records.length).toBeGreaterThanOrEqual(files.length === 2 ? 48 : 18);
  });

  it("points breakdowns at records of the file, one level of « dont » at a time, never in a loop", () => {
    const slugs = new Map(catalogue.records.map((r) => [r.slug, r]));
    const unknown = catalogue.records.filter((r) => r.partOf && !slugs.has(r.partOf)).map((r) => r.slug);
    expect(unknown).toEqual([]);
    const loops = catalogue.records.filter((r) => {
      const seen = new Set([r.slug]);
      for (let parent = r.partOf; parent; parent = slugs.get(parent)?.partOf ?? null) {
        if (seen.has(parent)) return true;
        seen.add(parent);
      }
      return false;
    });
    expect(loops.map((r) => r.slug)).toEqual([]);
  });

  it("labels budget-bill figures as planned and keeps disputed figures as ranges", () => {
    const planned = catalogue.records.filter((r) => /projet de loi de finances|loi de finances initiale/i.test(r.label));
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.filter((r) => r.kind !== "planned").map((r) => r.slug)).toEqual([]);
    const disputed = catalogue.records.filter((r) => /désaccord|une source indique/i.test(r.note ?? ""));
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed.filter((r) => r.amount !== null || r.amountLow === null).map((r) => r.slug)).toEqual([]);
  });

  it("gives rounds closing after they open", () => {
    const wrong = catalogue.programmes.flatMap((p) =>
      p.rounds.filter((r) => r.opensAt && r.closesAt && r.opensAt > r.closesAt).map((r) => `${p.slug}: ${r.label}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("the seed schema", () => {
  const problems = (entry: unknown) => {
    const result = seedProgrammeSchema.safeParse(entry);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it("accepts a valid programme", () => {
    expect(problems(seedProgramme())).toEqual([]);
  });

  it("rejects a minimum amount above the maximum", () => {
    expect(problems(seedProgramme({ amountMin: 10, amountMax: 5 }))).toEqual(["amountMin > amountMax"]);
  });

  it("rejects a call closing before it opens", () => {
    expect(problems(seedProgramme({ opensAt: "2025-02-01", closesAt: "2025-01-31" }))).toEqual(["closesAt < opensAt"]);
  });

  it("rejects a local programme without territories", () => {
    expect(problems(seedProgramme({ coverage: { national: false, territories: [] } }))).toEqual([
      "a local programme needs territories",
    ]);
  });

  it("rejects a programme without sources, an unknown code, a bad territory id and a rate above 100 %", () => {
    expect(problems(seedProgramme({ sources: [] }))).not.toEqual([]);
    expect(problems({ ...seedProgramme(), aidKinds: ["don"] })).not.toEqual([]);
    expect(problems(seedProgramme({ coverage: { national: false, territories: ["ville:Brest"] } }))).not.toEqual([]);
    expect(problems(seedProgramme({ fundingRateMax: 120 }))).not.toEqual([]);
    expect(problems(seedProgramme({ opensAt: "15/09/2023" }))).not.toEqual([]);
  });
});
