import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sitemap from "../../app/sitemap";
import type { Database } from "../../lib/db/connect";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe("sitemap.xml", () => {
  it("lists every public page once, and each published case study", async () => {
    const entries = await sitemap();
    const paths = entries.map((e) => new URL(e.url).pathname);
    for (const page of ["/", "/financements", "/financeurs", "/quel-financement", "/retours-d-experience", "/effort-financier", "/cartographie", "/proposer"]) {
      expect(paths.filter((p) => p === page), page).toHaveLength(1);
    }
    expect(new Set(paths).size).toBe(paths.length);
    const published = await db.prisma.caseStudy.findMany({ where: { status: "published" }, select: { slug: true } });
    expect(published.length).toBeGreaterThan(0);
    for (const c of published) expect(paths).toContain(`/retours-d-experience/${c.slug}`);
    const unpublished = await db.prisma.caseStudy.findMany({ where: { status: { not: "published" } }, select: { slug: true } });
    for (const c of unpublished) expect(paths).not.toContain(`/retours-d-experience/${c.slug}`);
  });
});
