import "server-only";
import { fromEnumKey } from "../codes";
import { programmeSnapshotSelect, toProgrammeSnapshot } from "../data/admin/programme-snapshot";
import { searchProgrammes } from "../data/programme-search";
import { getPrisma } from "../db/client";
import { calendarStatus } from "../programmes/calendar-status";
import type { ProgrammeSearch } from "../validation/programme-search";
import { MAX_PER_PAGE } from "../validation/programme-search";
import { csvCells, EXPORT_HEADER, programmesCsv } from "./csv-format";

/**
 * The exports of the published catalogue, in the importer's shapes (export then import gives back
 * the same data: every row « inchangé »):
 *   /api/v1/programmes.csv  the programmes a search finds (same parameters, every page), one CSV row each;
 *   /api/v1/export.json     every published programme and funder, in full, with their sources.
 * The researchers' review notes stay in the workspace.
 */

const exportSelect = {
  ...programmeSnapshotSelect,
  funder: { select: { slug: true, name: true } },
  isClosed: true,
} as const;

async function readPublished(where: { slug?: { in: string[] } }) {
  const prisma = await getPrisma();
  return prisma.programme.findMany({ where: { status: "published", ...where }, select: exportSelect, orderBy: { slug: "asc" } });
}

const pageUrl = (origin: string, slug: string) => new URL(`/financements/${slug}`, origin).toString();

/** Every page of a search, in its order, as CSV. */
export async function exportProgrammesCsv(search: ProgrammeSearch, origin: string): Promise<string> {
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const result = await searchProgrammes({ ...search, page, perPage: MAX_PER_PAGE });
    slugs.push(...result.items.map((i) => i.slug));
    if (result.items.length < MAX_PER_PAGE || slugs.length >= result.total) break;
  }
  const rows = await readPublished({ slug: { in: slugs } });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const now = new Date();
  return programmesCsv(
    EXPORT_HEADER,
    slugs.flatMap((slug) => {
      const r = bySlug.get(slug);
      if (!r) return [];
      return [csvCells(toProgrammeSnapshot(r), { calendarStatus: calendarStatus(r, now), funderName: r.funder.name, url: pageUrl(origin, r.slug) })];
    }),
  );
}

/** The whole published catalogue as JSON. */
export async function exportCatalogueJson(origin: string) {
  const prisma = await getPrisma();
  const [programmes, funders] = await Promise.all([
    readPublished({}),
    prisma.funder.findMany({
      where: { status: "published" },
      select: { slug: true, name: true, acronym: true, type: true, website: true, description: true, territoryId: true },
      orderBy: { slug: "asc" },
    }),
  ]);
  const now = new Date();
  return {
    generatedAt: now.toISOString(),
    licence: "Données publiques du catalogue « Financements de l'inclusion numérique » ; chaque fiche cite ses sources.",
    funders: funders.map((f) => ({
      slug: f.slug, name: f.name, acronym: f.acronym, type: fromEnumKey(f.type), website: f.website,
      description: f.description, territory: f.territoryId,
    })),
    programmes: programmes.map((r) => {
      const { status: _status, ...snapshot } = toProgrammeSnapshot(r);
      return { ...snapshot, calendarStatus: calendarStatus(r, now), url: pageUrl(origin, r.slug) };
    }),
  };
}
