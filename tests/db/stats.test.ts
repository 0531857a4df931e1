import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { getHomeStats } from "../../lib/data/stats";
import { calendarStatus, isAcceptingApplications } from "../../lib/programmes/calendar-status";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await db.sql.query<{ count: number }>(sql, params))[0]?.count;

// Today, and days when more of the catalogue's calls were open, so that every count is exercised.
const instants = [new Date(), new Date("2021-03-15T10:00:00Z"), new Date("2023-09-01T10:00:00Z")].map((now) => ({
  now,
  day: now.toISOString().slice(0, 10),
}));

describe("getHomeStats", () => {
  it.each(instants)("counts what direct SQL counts, on $day", async ({ now }) => {
    const stats = await getHomeStats(now);
    const soon = new Date(now.getTime() + 30 * 86_400_000);
    const published = "select * from programme where status = 'published'";
    const accepting = `${published} and not is_closed and (closes_at is null or closes_at >= $1)
      and (opens_at is null or opens_at <= $1)`;

    expect(stats).toEqual({
      programmes: await count(`select count(*)::int as count from (${published}) p`),
      funders: await count(`select count(distinct funder_id)::int as count from (${published}) p`),
      funderTypes: await count(
        `select count(distinct f.type)::int as count from (${published}) p join funder f on f.id = p.funder_id`,
      ),
      acceptingApplications: await count(`select count(*)::int as count from (${accepting}) p`, [now]),
      closingSoon: await count(`select count(*)::int as count from (${accepting}) p where closes_at <= $2`, [now, soon]),
      fundingRecords: await count("select count(*)::int as count from funding_record"),
    });
  });

  it.each(instants)("agrees with the calendar status shown on each programme, on $day", async ({ now }) => {
    const programmes = await db.prisma.programme.findMany({
      where: { status: "published" },
      select: { opensAt: true, closesAt: true, isClosed: true, recurrence: true },
    });
    const statuses = programmes.map((p) => calendarStatus(p, now));
    const stats = await getHomeStats(now);
    expect(stats.acceptingApplications).toBe(statuses.filter(isAcceptingApplications).length);
    expect(stats.closingSoon).toBe(statuses.filter((s) => s === "closing-soon").length);
  });

  it("finds calls accepting applications on some day of the catalogue's history", async () => {
    const counts = await Promise.all(instants.map(async ({ now }) => (await getHomeStats(now)).acceptingApplications));
    expect(Math.max(...counts)).toBeGreaterThan(0);
  });
});
