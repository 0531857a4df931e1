import "server-only";
import { type BeneficiaryCode, type FinancedCode, fromEnumKey } from "../codes";
import { getPrisma } from "../db/client";
import type { MatcherPlace, MatcherProgramme } from "../matcher/reasons";
import { type MatcherResult, matchProgrammes } from "../matcher/rank";
import { CALENDAR_STATUSES } from "../programmes/calendar-status";
import { MAX_PER_PAGE, programmeSearchSchema } from "../validation/programme-search";
import { searchProgrammes } from "./programme-search";
import { getTerritory } from "./territories";
import { searchTerritories, type TerritorySuggestion } from "./territory-search";

/**
 * The data of /quel-financement. The programmes come from the search of /financements (its
 * in-memory index decides which cover the place: README « Recherche »), closed calls included (the
 * search leaves them out unless asked: a closed call may be predicted to reopen, and the search's
 * items carry that prediction); their eligibility and
 * recurrence are then read by id, and lib/matcher decides the reasons and the order.
 */

/** How many programmes the answer considers at most (the whole catalogue today). */
const MAX_PROGRAMMES = 1_000;

export type PlaceResolution =
  | { kind: "none" }
  | { kind: "found"; place: MatcherPlace }
  | { kind: "ambiguous"; candidates: TerritorySuggestion[] }
  | { kind: "unknown" };

/** The place from the hidden `territory` (chosen in the picker) or the text typed (`lieu`, without JavaScript). */
export async function resolvePlace({ territory, lieu }: { territory: string | null; lieu: string | null }): Promise<PlaceResolution> {
  if (territory) {
    const t = await getTerritory(territory);
    if (t && (!lieu || t.name.localeCompare(lieu, "fr", { sensitivity: "base" }) === 0)) return { kind: "found", place: placeOf(t) };
    if (!lieu) return { kind: "unknown" };
  }
  if (!lieu) return { kind: "none" };
  const found = await searchTerritories(lieu, 6);
  const exact = found.filter((t) => t.name.localeCompare(lieu, "fr", { sensitivity: "base" }) === 0 || t.code === lieu.toUpperCase());
  const chosen = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
  if (chosen) {
    const t = await getTerritory(chosen.id);
    if (t) return { kind: "found", place: placeOf(t) };
  }
  return found.length ? { kind: "ambiguous", candidates: found } : { kind: "unknown" };
}

const placeOf = (t: { id: string; name: string; ancestors: { id: string }[] }): MatcherPlace => ({
  id: t.id,
  name: t.name,
  ids: [t.id, ...t.ancestors.map((a) => a.id)],
});

export async function findMatchingProgrammes(
  answers: { structure: BeneficiaryCode; needs: FinancedCode[] },
  place: MatcherPlace | null,
  { now }: { now?: Date } = {},
): Promise<MatcherResult & { total: number }> {
  const at = now ?? new Date();
  const items = [];
  for (let page = 1; items.length < MAX_PROGRAMMES; page += 1) {
    const search = programmeSearchSchema.parse({ territory: place?.id, status: [...CALENDAR_STATUSES], perPage: String(MAX_PER_PAGE), page: String(page), sort: "closing" });
    const result = await searchProgrammes(search, now ? { now } : {});
    items.push(...result.items);
    if (result.items.length < MAX_PER_PAGE || items.length >= result.total) break;
  }
  const prisma = await getPrisma();
  const facts = await prisma.programme.findMany({
    where: { slug: { in: items.map((i) => i.slug) }, status: "published" },
    select: { slug: true, beneficiaries: true, recurrence: true },
  });
  const bySlug = new Map(facts.map((f) => [f.slug, f]));
  const programmes: MatcherProgramme[] = items.flatMap((item) => {
    const f = bySlug.get(item.slug);
    if (!f) return [];
    return [{
      slug: item.slug,
      title: item.title,
      funder: { slug: item.funder.slug, name: item.funder.name },
      status: item.status,
      opensAt: item.opensAt,
      closesAt: item.closesAt,
      recurrence: f.recurrence,
      // Predicted by the search index with lib/programmes/reopening.ts: the same as status=expected.
      reopening: item.reopening,
      beneficiaries: f.beneficiaries.map(fromEnumKey),
      financed: item.financed,
      isNational: item.isNational,
      territories: item.territories,
      applicationUrl: item.applicationUrl,
    }];
  });
  return { ...matchProgrammes(programmes, answers, place, at), total: programmes.length };
}
