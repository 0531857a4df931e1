import type { EditorialStatus } from "../auth/policy";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { nameKey, withoutParentheses } from "./normalize";

/**
 * What the importer needs to know of the catalogue to resolve names typed in a file: the funders
 * (slug, name, acronym, status) and the régions and départements (names, codes). Read once per
 * import, inside its transaction.
 */

export type Db = PrismaClient | Prisma.TransactionClient;

export interface FunderRef {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  status: EditorialStatus;
  createdById: string | null;
}

export interface PlaceRef {
  id: string;
  level: "region" | "departement";
  code: string;
  name: string;
  regionId: string | null;
}

export interface ImportContext {
  fundersBySlug: Map<string, FunderRef>;
  /** Name keys (full name, name without parentheses, acronym) → funders; more than one = ambiguous. */
  fundersByName: Map<string, FunderRef[]>;
  places: PlaceRef[];
  placesById: Map<string, PlaceRef>;
}

export async function loadContext(db: Db): Promise<ImportContext> {
  const funders = await db.funder.findMany({
    select: { id: true, slug: true, name: true, acronym: true, status: true, createdById: true },
    orderBy: { slug: "asc" },
  });
  const territories = await db.territory.findMany({
    where: { level: { in: ["region", "departement"] } },
    select: { id: true, level: true, code: true, name: true, regionId: true },
  });
  const fundersByName = new Map<string, FunderRef[]>();
  const add = (key: string, f: FunderRef) => {
    if (!key) return;
    const list = fundersByName.get(key) ?? [];
    if (!list.includes(f)) list.push(f);
    fundersByName.set(key, list);
  };
  for (const f of funders) {
    add(nameKey(f.name), f);
    add(nameKey(withoutParentheses(f.name)), f);
    if (f.acronym) add(nameKey(f.acronym), f);
  }
  const places = territories.map((t) => ({ ...t, level: t.level as PlaceRef["level"] }));
  return {
    fundersBySlug: new Map(funders.map((f) => [f.slug, f])),
    fundersByName,
    places,
    placesById: new Map(places.map((p) => [p.id, p])),
  };
}

/**
 * A funder named in a file: its slug, its name, or its name followed by details (« Fondation SFR
 * (groupe Altice France / SFR) », « Département de la Haute-Garonne (cofinancement de l'État) »),
 * compared without accents or case. Null when nothing, or more than one funder, matches.
 */
export function findFunder(ctx: ImportContext, value: string): FunderRef | null {
  const bySlug = ctx.fundersBySlug.get(value.trim());
  if (bySlug) return bySlug;
  const candidates = new Set<string>();
  const text = value.trim();
  candidates.add(nameKey(text));
  candidates.add(nameKey(withoutParentheses(text)));
  // The body named before what follows it: « X, avec Y », « X ; projet … », « X – détail ».
  const head = withoutParentheses(text).split(/\s*(?:;|,|\bavec\b|\bet\b|\s–\s|\s-\s)\s*/)[0] ?? "";
  candidates.add(nameKey(head));
  for (const key of candidates) {
    const found = key ? ctx.fundersByName.get(key) : undefined;
    if (found?.length === 1) return found[0]!;
  }
  return null;
}

/** Départements written with their code: « Hauts-de-Seine (92) », « La Réunion (974) ». */
const CODE_IN_PARENTHESES = /\((\d[0-9AB]|\d{3})\)/g;

/**
 * The territories a perimeter written in words names: « national… » → national; otherwise every
 * région and département whose name (or code in parentheses) appears, a département dropped when its
 * région is named too. Empty when nothing is recognised.
 */
export function findPlaces(ctx: ImportContext, perimeter: string): { national: boolean; ids: string[] } {
  const key = ` ${nameKey(perimeter)} `;
  if (/^ (national|nationale|france entiere|toute la france)\b/.test(key)) return { national: true, ids: [] };
  const found = new Set<string>();
  for (const m of perimeter.matchAll(CODE_IN_PARENTHESES)) {
    const id = `departement:${m[1]}`;
    if (ctx.placesById.has(id)) found.add(id);
  }
  for (const p of ctx.places) {
    const name = nameKey(p.name);
    if (name && key.includes(` ${name} `)) found.add(p.id);
  }
  // A département and a région of the same name (Guadeloupe, La Réunion…), or a département inside a
  // région also named: the région covers it.
  const regions = new Set([...found].filter((id) => id.startsWith("region:")));
  const ids = [...found].filter((id) => {
    const p = ctx.placesById.get(id);
    return !(p?.level === "departement" && p.regionId && regions.has(p.regionId));
  });
  return { national: false, ids: ids.sort() };
}
