import "server-only";
import { getPrisma } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

/** A territory and the chain of territories that contain it (itself first). */
export interface TerritoryWithAncestors {
  id: string;
  level: "region" | "departement" | "epci" | "commune";
  code: string;
  name: string;
  population: number | null;
  ancestors: { id: string; level: string; name: string }[];
}

export async function getTerritory(id: string): Promise<TerritoryWithAncestors | null> {
  const prisma = await getPrisma();
  const t = await prisma.territory.findUnique({
    where: { id },
    select: {
      id: true, level: true, code: true, name: true, population: true,
      region: { select: { id: true, level: true, name: true } },
      departement: { select: { id: true, level: true, name: true } },
      epci: { select: { id: true, level: true, name: true } },
    },
  });
  if (!t) return null;
  const { region, departement, epci, ...rest } = t;
  return { ...rest, ancestors: [epci, departement, region].filter((a): a is NonNullable<typeof a> => a !== null) };
}

/**
 * "What is available in territory X": national programmes, and those covering X or any territory
 * that contains it (its EPCI, département, région).
 */
export function availableInWhere(territory: Pick<TerritoryWithAncestors, "id" | "ancestors">): Prisma.ProgrammeWhereInput {
  const ids = [territory.id, ...territory.ancestors.map((a) => a.id)];
  return { OR: [{ isNational: true }, { coverage: { some: { territoryId: { in: ids } } } }] };
}

/** The territories directly below: a région's départements, a département's EPCI, an EPCI's communes. */
export async function listChildTerritories(
  territory: Pick<TerritoryWithAncestors, "id" | "level">,
): Promise<{ id: string; level: string; code: string; name: string; population: number | null }[]> {
  const prisma = await getPrisma();
  const select = { id: true, level: true, code: true, name: true, population: true } as const;
  switch (territory.level) {
    case "region":
      return prisma.territory.findMany({ where: { regionId: territory.id, level: "departement" }, select, orderBy: { code: "asc" } });
    case "departement":
      return prisma.territory.findMany({ where: { departementId: territory.id, level: "epci" }, select, orderBy: { name: "asc" } });
    case "epci":
      return prisma.territory.findMany({ where: { epciId: territory.id, level: "commune" }, select, orderBy: { name: "asc" } });
    case "commune":
      return [];
  }
}

/** Funders based on this territory or one that contains it (a région, a département, an EPCI…). */
export async function listLocalFunders(territory: Pick<TerritoryWithAncestors, "id" | "ancestors">) {
  const prisma = await getPrisma();
  return prisma.funder.findMany({
    where: { status: "published", territoryId: { in: [territory.id, ...territory.ancestors.map((a) => a.id)] } },
    select: { slug: true, name: true, territory: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
}

/** Régions with their départements, for the territories index. */
export async function listRegionsWithDepartements() {
  const prisma = await getPrisma();
  return prisma.territory.findMany({
    where: { level: "region" },
    select: {
      code: true, name: true,
      regionOf: { where: { level: "departement" }, select: { code: true, name: true }, orderBy: { code: "asc" } },
    },
    orderBy: { name: "asc" },
  });
}
