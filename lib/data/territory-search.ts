import "server-only";
import { z } from "zod";
import { territoryLevels } from "../codes";
import { getPrisma } from "../db/client";
import { Prisma } from "../generated/prisma/client";

/** A place proposed by the territory picker. */
export interface TerritorySuggestion {
  id: string;
  level: (typeof territoryLevels.codes)[number];
  name: string;
  code: string;
  /** What tells homonyms apart: « Finistère (29) », « Intercommunalité · Finistère (29) »… */
  context: string;
}

const POSTAL_OR_INSEE = /^[0-9][0-9AB][0-9]{3}$/i;
const DEPARTEMENT_CODE = /^(?:[0-9]{2}|2[AB]|97[1-6])$/i;
export const MAX_TERRITORY_SUGGESTIONS = 20;

const rowSchema = z.object({
  id: z.string(),
  level: z.enum(territoryLevels.codes),
  name: z.string(),
  code: z.string(),
  departement_name: z.string().nullable(),
  departement_code: z.string().nullable(),
  region_name: z.string().nullable(),
});

function contextOf(row: z.infer<typeof rowSchema>): string {
  const departement = row.departement_name ? `${row.departement_name} (${row.departement_code})` : "";
  switch (row.level) {
    case "commune":
      return departement;
    case "epci":
      return ["Intercommunalité", departement].filter(Boolean).join(" · ");
    case "departement":
      return ["Département", row.region_name].filter(Boolean).join(" · ");
    case "region":
      return "Région";
  }
}

const byLevelThenSize = Prisma.sql`array_position(ARRAY['commune', 'epci', 'departement', 'region'], t.level::text),
  t.population DESC NULLS LAST, t.name, t.id`;

async function findTerritories(where: Prisma.Sql, orderBy: Prisma.Sql, take: number) {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT t.id, t.level::text AS level, t.name, t.code,
           d.name AS departement_name, d.code AS departement_code, r.name AS region_name
      FROM territory t
      LEFT JOIN territory d ON d.id = t.departement_id
      LEFT JOIN territory r ON r.id = t.region_id
     WHERE ${where}
     ORDER BY ${orderBy}
     LIMIT ${take}`;
  return z
    .array(rowSchema)
    .parse(rows)
    .map((row): TerritorySuggestion => ({ id: row.id, level: row.level, name: row.name, code: row.code, context: contextOf(row) }));
}

/**
 * Places by code (5-digit postal or INSEE code, département number) or by name, accents, case and
 * punctuation ignored: the exact name first, then names starting with the text, communes first and
 * most populated first, then intercommunalités, départements and régions; when that gives too few,
 * similar names (trigrams: « Brets » finds Brest), most similar first.
 */
export async function searchTerritories(q: string, limit = 8): Promise<TerritorySuggestion[]> {
  const text = q.trim();
  const take = Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_TERRITORY_SUGGESTIONS);
  const code = text.toUpperCase();
  if (POSTAL_OR_INSEE.test(text)) {
    return findTerritories(
      Prisma.sql`t.level = 'commune' AND (t.postal_codes @> ARRAY[${code}]::text[] OR t.code = ${code})`,
      Prisma.sql`(t.code = ${code}) DESC, ${byLevelThenSize}`,
      take,
    );
  }
  if (DEPARTEMENT_CODE.test(text)) {
    return findTerritories(Prisma.sql`t.level = 'departement' AND t.code = ${code}`, byLevelThenSize, take);
  }

  // Normalised apart, so that the LIKE pattern is a constant the trigram index can use. It holds
  // letters, digits and single spaces only: nothing LIKE would interpret.
  const prisma = await getPrisma();
  const [normal] = await prisma.$queryRaw<{ n: string | null }[]>`SELECT search_normalize(${text}) AS n`;
  const n = normal?.n ?? "";
  if (n.length < 2) return [];
  const name = Prisma.sql`search_normalize(t.name)`;
  const startsWith = Prisma.sql`${name} LIKE ${`${n}%`}`;
  const found = await findTerritories(startsWith, Prisma.sql`(${name} = ${n}) DESC, ${byLevelThenSize}`, take);
  if (found.length >= take || n.length < 4) return found;
  const similar = await findTerritories(
    Prisma.sql`${name} % ${n} AND NOT (${startsWith})`,
    Prisma.sql`similarity(${name}, ${n}) DESC, ${byLevelThenSize}`,
    take - found.length,
  );
  return [...found, ...similar];
}
