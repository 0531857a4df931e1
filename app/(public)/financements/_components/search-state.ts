import { aidKinds, beneficiaries, financedItems, funderTypes } from "@/lib/codes";
import { formatEuros } from "@/lib/format";
import { type SearchStatus, searchStatusLabels } from "@/lib/programmes/reopening";
import { type ProgrammeSearch, programmeSearchSchema, toQueryString } from "@/lib/validation/programme-search";
import type { ActiveFilter } from "./active-filters";

/**
 * Reads the page's search parameters with the API's schema. A wrong value does not break the page:
 * it is dropped and named in a message, and the rest of the search still runs.
 */
export function parsePageSearch(raw: Record<string, string | string[] | undefined>): {
  search: ProgrammeSearch;
  ignored: string[];
} {
  const input: Record<string, unknown> = { ...raw };
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const parsed = programmeSearchSchema.safeParse(input);
    if (parsed.success) return { search: parsed.data, ignored };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (key in input) {
        delete input[key];
        ignored.push(issue.message);
      }
    }
  }
  return { search: programmeSearchSchema.parse({}), ignored };
}

export const pageHref = (search: Partial<ProgrammeSearch>) => `/financements${toQueryString({ ...search, page: 1 })}`;

type ArrayKey = "funderType" | "funder" | "beneficiary" | "finances" | "aidKind" | "status";

const labelOf = (key: ArrayKey, value: string, funderNames: Map<string, string>): string => {
  switch (key) {
    case "funderType": return funderTypes.labels[value as keyof typeof funderTypes.labels] ?? value;
    case "beneficiary": return beneficiaries.labels[value as keyof typeof beneficiaries.labels] ?? value;
    case "finances": return financedItems.labels[value as keyof typeof financedItems.labels] ?? value;
    case "aidKind": return aidKinds.labels[value as keyof typeof aidKinds.labels] ?? value;
    case "status": return searchStatusLabels[value as SearchStatus] ?? value;
    case "funder": return funderNames.get(value) ?? value;
  }
};

/** Each filter in force, with the address of the same search without it. */
export function activeFilters(
  search: ProgrammeSearch,
  { territoryName, funderNames }: { territoryName: string | null; funderNames: Map<string, string> },
): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  if (search.q) filters.push({ label: `« ${search.q} »`, removeHref: pageHref({ ...search, q: undefined }) });
  if (search.territory) filters.push({ label: territoryName ?? search.territory, removeHref: pageHref({ ...search, territory: undefined }) });
  for (const key of ["status", "finances", "beneficiary", "funderType", "aidKind", "funder"] as const) {
    for (const value of search[key]) {
      filters.push({
        label: labelOf(key, value, funderNames),
        removeHref: pageHref({ ...search, [key]: search[key].filter((v) => v !== value) }),
      });
    }
  }
  if (search.amountMin !== undefined) {
    filters.push({ label: `À partir de ${formatEuros(search.amountMin)}`, removeHref: pageHref({ ...search, amountMin: undefined }) });
  }
  return filters;
}
