import "server-only";
import { fromEnumKey } from "../codes";
import { getPrisma } from "../db/client";
import { buildFundingMapModel, type FundingMapModel, type MapProgrammeInput } from "../funding-map/model";
import type { FundingMapFilters } from "../funding-map/filters";
import { MAX_PER_PAGE, programmeSearchSchema } from "../validation/programme-search";
import { type FacetValue, type ProgrammeSearchResult, searchProgrammes, searchProgrammesAs } from "./programme-search";

/**
 * The data of /cartographie. Which programmes: the search of /financements with the map's filters
 * (its in-memory index decides the territory with its hierarchy, the beneficiaries and the calendar
 * status: README « Recherche »), read by pages of 100 without extracts or territories (no query but
 * the search's context); who may apply is then read for all of them in one query.
 */

/** The map shows at most this many programmes (the catalogue has a few hundred). */
export const MAX_MAP_PROGRAMMES = 2_000;

export interface FundingMap {
  model: FundingMapModel;
  /** How many programmes each beneficiary and status would give (the search's facet counts). */
  facets: { beneficiary: FacetValue[]; status: FacetValue[] };
  territory: { id: string; level: string; name: string } | null;
  /** More programmes matched than the map shows. */
  truncated: boolean;
}

export async function getFundingMap(
  filters: Pick<FundingMapFilters, "territory" | "beneficiary" | "status">,
  { now }: { now?: Date } = {},
): Promise<FundingMap> {
  const items: ProgrammeSearchResult["items"] = [];
  let first: ProgrammeSearchResult | null = null;
  for (let page = 1; items.length < MAX_MAP_PROGRAMMES; page += 1) {
    const search = programmeSearchSchema.parse({
      territory: filters.territory, beneficiary: filters.beneficiary, status: filters.status,
      perPage: String(MAX_PER_PAGE), page: String(page), sort: "recent",
    });
    const result = now
      ? await searchProgrammes(search, { now })
      : await searchProgrammesAs(search, "funding-map", (r) => r, { snippets: false, territories: false });
    first ??= result;
    items.push(...result.items);
    if (result.items.length < MAX_PER_PAGE || items.length >= result.total) break;
  }
  const prisma = await getPrisma();
  const facts = items.length
    ? await prisma.programme.findMany({
        where: { slug: { in: items.map((i) => i.slug) }, status: "published" },
        select: { slug: true, beneficiaries: true },
      })
    : [];
  const beneficiariesOf = new Map(facts.map((f) => [f.slug, f.beneficiaries.map(fromEnumKey)]));
  const programmes: MapProgrammeInput[] = items.slice(0, MAX_MAP_PROGRAMMES).map((item) => ({
    slug: item.slug,
    title: item.title,
    status: item.status,
    financed: item.financed,
    beneficiaries: beneficiariesOf.get(item.slug) ?? [],
    funder: item.funder,
  }));
  return {
    model: buildFundingMapModel(programmes),
    facets: { beneficiary: first?.facets.beneficiary ?? [], status: first?.facets.status ?? [] },
    territory: first?.territory ?? null,
    truncated: (first?.total ?? 0) > programmes.length,
  };
}
