import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { SEED_DATA_DIR } from "../../lib/db/seed/catalogue";
import { publishedBySeed, RESEARCH_BATCH_FILE, RESEARCH_BATCH_NOTE, seedResearchBatch } from "../../lib/db/seed/research-batch";
import { calendarStatus } from "../../lib/programmes/calendar-status";
import { openTestDatabase } from "./support/test-database";

/** The research batch of December 2026, loaded by the seed through the importer (lib/db/seed/research-batch.ts). */

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

interface BatchEntry {
  slug: string;
  title: string;
  confidence: "high" | "medium" | "low" | null;
  reviewNote: string | null;
  sources: { url: string }[];
}
const entries = JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, RESEARCH_BATCH_FILE), "utf8")) as BatchEntry[];

const stored = () =>
  db.prisma.programme.findMany({
    where: { slug: { in: entries.map((e) => e.slug) } },
    select: {
      id: true, slug: true, status: true, reviewNote: true, createdById: true, isClosed: true, opensAt: true, closesAt: true,
      recurrence: true, sources: { select: { url: true }, orderBy: { position: "asc" } },
    },
  });

describe("the seed's research batch", () => {
  it("is in the catalogue: clean and confident entries published, the others in review with their note", async () => {
    const rows = new Map((await stored()).map((p) => [p.slug, p]));
    expect(rows.size).toBe(entries.length);
    for (const e of entries) {
      const p = rows.get(e.slug)!;
      expect({ slug: e.slug, status: p.status, reviewNote: p.reviewNote, author: p.createdById }).toEqual({
        slug: e.slug,
        status: publishedBySeed(e) ? "published" : "in_review",
        reviewNote: e.reviewNote,
        author: null,
      });
      expect(p.sources.map((s) => s.url)).toEqual([...new Set(e.sources.map((s) => s.url))]);
    }
    expect(entries.some((e) => e.reviewNote !== null)).toBe(true);
    expect(entries.some((e) => publishedBySeed(e))).toBe(true);
  });

  it("says open only when a date says so", async () => {
    const now = new Date();
    for (const p of await stored()) {
      const status = calendarStatus(p, now);
      if (status === "open" || status === "closing-soon") expect({ slug: p.slug, closesAt: p.closesAt !== null }).toEqual({ slug: p.slug, closesAt: true });
    }
  });

  it("has one « import » revision per entry, by nobody, with the batch's note", async () => {
    const ids = (await stored()).map((p) => p.id);
    const revisions = await db.prisma.revision.findMany({ where: { entityId: { in: ids }, action: "import" }, select: { entityId: true, authorId: true, note: true } });
    expect(new Set(revisions.map((r) => r.entityId)).size).toBe(entries.length);
    expect(revisions.every((r) => r.authorId === null && r.note === RESEARCH_BATCH_NOTE)).toBe(true);
  });

  it("finds every entry unchanged when loaded again, and writes no revision", async () => {
    const before = await db.prisma.revision.count();
    expect(await seedResearchBatch(db.prisma)).toEqual({ created: 0, updated: 0, unchanged: entries.length });
    expect(await db.prisma.revision.count()).toBe(before);
  });

  it("loads a small batch of the seed's shape the same way (fixture), then finds it unchanged", async () => {
    const file = "tests/fixtures/import/seed-batch.json";
    const slugs = (JSON.parse(fs.readFileSync(file, "utf8")) as BatchEntry[]).map((e) => e.slug);
    try {
      expect(await seedResearchBatch(db.prisma, file)).toEqual({ created: 2, updated: 0, unchanged: 0 });
      const rows = await db.prisma.programme.findMany({ where: { slug: { in: slugs } }, select: { slug: true, status: true, reviewNote: true, isClosed: true }, orderBy: { slug: "asc" } });
      expect(rows).toEqual([
        { slug: "test-lot-seed-appel-clos", status: "published", reviewNote: null, isClosed: true },
        { slug: "test-lot-seed-appel-douteux", status: "in_review", reviewNote: "Date de clôture lue sur un site tiers.", isClosed: false },
      ]);
      expect(await seedResearchBatch(db.prisma, file)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    } finally {
      const ids = (await db.prisma.programme.findMany({ where: { slug: { in: slugs } }, select: { id: true } })).map((p) => p.id);
      await db.prisma.revision.deleteMany({ where: { entityId: { in: ids } } });
      await db.prisma.programme.deleteMany({ where: { id: { in: ids } } });
    }
  });
});
