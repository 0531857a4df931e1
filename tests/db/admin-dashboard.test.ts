import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { type DashboardEntry, getDashboard, monthsBefore } from "../../lib/data/admin/dashboard";
import type { Database } from "../../lib/db/connect";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
const now = new Date();
const day = 86_400_000;
const at = (days: number) => new Date(now.getTime() + days * day);

let curator: Actor;
let contributor: Actor;
let other: Actor;
const funderIds: string[] = [];
const userIds: string[] = [];
const slugs: Record<string, string> = {};

async function makeUser(role: Actor["role"], name: string): Promise<Actor> {
  const email = `${uniqueSlug(role)}@example.test`;
  const user = await db.prisma.user.create({ data: { email, name, role }, select: { id: true } });
  userIds.push(user.id);
  return { id: user.id, email, name, role };
}

beforeAll(async () => {
  db = await openTestDatabase();
  curator = await makeUser("curator", "Claire Curatrice");
  contributor = await makeUser("contributor", "Paul Partenaire");
  other = await makeUser("contributor", "Olga Autre");

  const funder = await createTestFunder(db.prisma, { status: "published", lastVerifiedAt: now });
  funderIds.push(funder.id);
  const ownFunder = await createTestFunder(db.prisma, { status: "draft", createdById: contributor.id, name: "Financeur brouillon" });
  funderIds.push(ownFunder.id);
  slugs.ownFunder = ownFunder.slug;
  const programme = (key: string, data: Parameters<typeof createTestProgramme>[2]) =>
    createTestProgramme(db.prisma, funder.id, { lastVerifiedAt: now, ...data }).then((p) => {
      slugs[key] = p.slug;
      return p;
    });
  const ownDraft = await programme("ownDraft", { status: "draft", createdById: contributor.id });
  await programme("otherDraft", { status: "draft", createdById: other.id });
  await programme("curatorDraft", { status: "draft", createdById: other.id, updatedById: curator.id });
  await programme("ownReviewOld", { status: "in_review", createdById: contributor.id, updatedAt: at(-400) });
  await programme("ownReviewNew", { status: "in_review", createdById: contributor.id, updatedAt: at(-1) });
  await programme("otherReview", { status: "in_review", createdById: other.id, updatedAt: at(-500) });
  await programme("closingOwn", { status: "published", createdById: contributor.id, closesAt: at(10) });
  await programme("closingOther", { status: "published", createdById: other.id, closesAt: at(20) });
  await programme("closingLater", { status: "published", createdById: contributor.id, closesAt: at(45) });
  await programme("closingButClosed", { status: "published", createdById: contributor.id, closesAt: at(5), isClosed: true });
  await programme("neverVerified", { status: "published", createdById: contributor.id, lastVerifiedAt: null });
  await programme("verifiedLongAgo", { status: "published", createdById: other.id, lastVerifiedAt: at(-400) });
  await programme("verifiedRecently", { status: "published", createdById: contributor.id, lastVerifiedAt: at(-30) });

  await db.prisma.revision.createMany({
    data: [
      { entityType: "programme", entityId: ownDraft.id, action: "create", authorId: contributor.id, entityLabel: "Le mien", version: 1 },
      { entityType: "programme", entityId: ownDraft.id, action: "update", authorId: other.id, entityLabel: "Pas le mien", version: 2 },
    ],
  });
});

afterAll(async () => {
  if (db) {
    await db.prisma.revision.deleteMany({ where: { authorId: { in: userIds } } });
    await deleteTestFunders(db.prisma, funderIds);
    await db.prisma.user.deleteMany({ where: { id: { in: userIds } } });
  }
  await db?.close();
});

const slugsOf = (entries: DashboardEntry[]) => entries.map((e) => e.slug);
const all = 10_000;

async function directCounts(table: "programme" | "funder", createdById?: string) {
  const rows = await db.sql.query<{ status: string; count: number }>(
    `select status::text as status, count(*)::int as count from ${table}
      where $1::uuid is null or created_by_id = $1::uuid group by status`,
    [createdById ?? null],
  );
  const counts: Record<string, number> = { draft: 0, in_review: 0, published: 0, archived: 0 };
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

describe("getDashboard for a curator", () => {
  it("lists the drafts the curator created or last changed, and no one else's", async () => {
    const { myDrafts } = await getDashboard(curator, { now, limit: all });
    expect(slugsOf(myDrafts.entries)).toEqual([slugs.curatorDraft]);
    expect(myDrafts.total).toBe(1);
  });

  it("puts every entry in review in the queue, oldest first", async () => {
    const { reviewQueue } = await getDashboard(curator, { now, limit: all });
    const queue = slugsOf(reviewQueue.entries);
    expect(queue).toEqual(expect.arrayContaining([slugs.ownReviewOld, slugs.ownReviewNew, slugs.otherReview]));
    expect(queue.indexOf(slugs.otherReview!)).toBeLessThan(queue.indexOf(slugs.ownReviewOld!));
    expect(queue.indexOf(slugs.ownReviewOld!)).toBeLessThan(queue.indexOf(slugs.ownReviewNew!));
    const times = reviewQueue.entries.map((e) => e.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(reviewQueue.entries.every((e) => e.status === "in_review")).toBe(true);
    expect(reviewQueue.total).toBe(reviewQueue.entries.length);
  });

  it("shows the published calls closing within 30 days, soonest first, and not those declared closed", async () => {
    const { closingSoon } = await getDashboard(curator, { now, limit: all });
    const closing = slugsOf(closingSoon.entries);
    expect(closing).toEqual(expect.arrayContaining([slugs.closingOwn, slugs.closingOther]));
    expect(closing).not.toContain(slugs.closingLater);
    expect(closing).not.toContain(slugs.closingButClosed);
    for (const e of closingSoon.entries) {
      expect(e.status).toBe("published");
      expect(e.closesAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
      expect(e.closesAt!.getTime()).toBeLessThanOrEqual(at(30).getTime());
    }
    const [{ count }] = (await db.sql.query<{ count: number }>(
      `select count(*)::int as count from programme where status = 'published' and not is_closed
        and closes_at between $1 and $2`,
      [now, at(30)],
    )) as [{ count: number }];
    expect(closingSoon.total).toBe(count);
  });

  it("shows the published entries never verified or verified more than six months ago, never verified first", async () => {
    const { staleVerification } = await getDashboard(curator, { now, limit: all });
    const stale = slugsOf(staleVerification.entries);
    expect(stale).toEqual(expect.arrayContaining([slugs.neverVerified, slugs.verifiedLongAgo]));
    expect(stale).not.toContain(slugs.verifiedRecently);
    const limit = monthsBefore(now, 6).getTime();
    const times = staleVerification.entries.map((e) => e.lastVerifiedAt?.getTime() ?? -Infinity);
    expect(times.every((t) => t < limit)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const [{ count }] = (await db.sql.query<{ count: number }>(
      `select (select count(*) from programme where status = 'published' and (last_verified_at is null or last_verified_at < $1))
            + (select count(*) from funder where status = 'published' and (last_verified_at is null or last_verified_at < $1)) as count`,
      [new Date(limit)],
    )) as [{ count: number }];
    expect(staleVerification.total).toBe(Number(count));
  });

  it("counts programmes and funders by status as a direct count does", async () => {
    const { counts } = await getDashboard(curator, { now });
    expect(counts.programmes).toEqual(await directCounts("programme"));
    expect(counts.funders).toEqual(await directCounts("funder"));
  });

  it("shows everyone's recent activity, newest first, with the entity's current slug", async () => {
    const { recentActivity } = await getDashboard(curator, { now, limit: all });
    const ours = recentActivity.filter((r) => r.slug === slugs.ownDraft);
    expect(ours.map((r) => r.author?.name).sort()).toEqual(["Olga Autre", "Paul Partenaire"]);
    const times = recentActivity.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("getDashboard for a contributor", () => {
  it("shows only the contributor's own entries in every block", async () => {
    const dashboard = await getDashboard(contributor, { now, limit: all });
    expect(slugsOf(dashboard.myDrafts.entries).sort()).toEqual([slugs.ownDraft, slugs.ownFunder].sort());
    expect(slugsOf(dashboard.reviewQueue.entries)).toEqual([slugs.ownReviewOld, slugs.ownReviewNew]);
    expect(slugsOf(dashboard.closingSoon.entries)).toEqual([slugs.closingOwn]);
    expect(slugsOf(dashboard.staleVerification.entries)).toEqual([slugs.neverVerified]);
    expect(dashboard.myDrafts.total).toBe(2);
    expect(dashboard.reviewQueue.total).toBe(2);
    expect(dashboard.closingSoon.total).toBe(1);
    expect(dashboard.staleVerification.total).toBe(1);
  });

  it("counts only the contributor's own entries, as a direct count does", async () => {
    const { counts } = await getDashboard(contributor, { now });
    expect(counts.programmes).toEqual(await directCounts("programme", contributor.id));
    expect(counts.funders).toEqual(await directCounts("funder", contributor.id));
    expect(counts.programmes.in_review).toBe(2);
  });

  it("shows only the contributor's own activity", async () => {
    const { recentActivity } = await getDashboard(contributor, { now, limit: all });
    expect(recentActivity.map((r) => r.entityLabel)).toEqual(["Le mien"]);
  });

  it("keeps to the limit in each block while giving the total", async () => {
    const { reviewQueue } = await getDashboard(contributor, { now, limit: 1 });
    expect(slugsOf(reviewQueue.entries)).toEqual([slugs.ownReviewOld]);
    expect(reviewQueue.total).toBe(2);
  });
});
