import "server-only";
import { getPrisma } from "../db/client";
import { acceptingApplicationsWhere, calendarStatusWhere } from "./calendar-filters";

export interface HomeStats {
  programmes: number;
  funders: number;
  funderTypes: number;
  acceptingApplications: number;
  closingSoon: number;
  fundingRecords: number;
}

/** The directory's headline figures, all counted in the database. */
export async function getHomeStats(now = new Date()): Promise<HomeStats> {
  const prisma = await getPrisma();
  const published = { status: "published" } as const;
  const [programmes, funders, funderTypes, acceptingApplications, closingSoon, fundingRecords] = await Promise.all([
    prisma.programme.count({ where: published }),
    prisma.funder.count({ where: { programmes: { some: published } } }),
    prisma.funder.groupBy({ by: ["type"], where: { programmes: { some: published } } }).then((g) => g.length),
    prisma.programme.count({ where: { AND: [published, acceptingApplicationsWhere(now)] } }),
    prisma.programme.count({ where: { AND: [published, calendarStatusWhere("closing-soon", now)] } }),
    prisma.fundingRecord.count(),
  ]);
  return { programmes, funders, funderTypes, acceptingApplications, closingSoon, fundingRecords };
}
