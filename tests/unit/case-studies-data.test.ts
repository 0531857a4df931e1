import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { caseStudyBody, readCaseStudies } from "../../lib/db/seed/case-studies";

const dir = path.resolve(process.cwd(), "prisma/seed-data");
const slugsOf = (file: string) => new Set((JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { slug: string }[]).map((x) => x.slug));
// The research it comes from sits beside the checkout (absent from a bare clone: that test is then skipped).
const sourceFile = path.resolve(process.cwd(), "../shared/data/case-studies.json");
const source = (fs.existsSync(sourceFile) ? JSON.parse(fs.readFileSync(sourceFile, "utf8")) : []) as {
  slug: string; title: string; summary: string; body: string; territory: string; funders: string[]; programmes: string[]; sourceUrls: string[]; years: string[];
}[];

describe("prisma/seed-data/case-studies.json", () => {
  const caseStudies = readCaseStudies();

  it.skipIf(source.length === 0)("keeps the 14 researched case studies verbatim, in order, with every source", () => {
    expect(caseStudies.map((c) => c.slug)).toEqual(source.map((s) => s.slug));
    caseStudies.forEach((c, i) => {
      const s = source[i]!;
      expect({ title: c.title, summary: c.summary, body: c.body, territoryLabel: c.territoryLabel, sourceUrls: c.sourceUrls, years: c.years })
        .toEqual({ title: s.title, summary: s.summary, body: s.body, territoryLabel: s.territory, sourceUrls: s.sourceUrls, years: s.years });
      expect(c.funders.map((f) => f.name)).toEqual(s.funders);
      expect(c.programmes.map((p) => p.name)).toEqual(s.programmes);
    });
  });

  it("links only to funders and programmes that the catalogue has", () => {
    const funders = slugsOf("funders.json");
    const programmes = slugsOf("programmes.json");
    for (const c of caseStudies) {
      for (const f of c.funders) if (f.slug) expect(funders, `${c.slug}: ${f.slug}`).toContain(f.slug);
      for (const p of [...c.programmes.flatMap((x) => (x.slug ? [x.slug] : [])), ...c.alsoProgrammes]) expect(programmes, `${c.slug}: ${p}`).toContain(p);
    }
  });

  it("ends the stored body with every name cited, linked or not", () => {
    const c = caseStudies.find((x) => x.slug === "pimms-mediation-cofinancement-entreprises-service-public")!;
    const body = caseStudyBody(c);
    expect(body).toContain("## Repères");
    for (const name of [...c.funders, ...c.programmes].map((x) => x.name)) expect(body).toContain(name);
  });
});
