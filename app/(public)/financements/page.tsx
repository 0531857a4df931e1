import type { Metadata } from "next";
import Link from "next/link";
import { type TerritoryOption, TerritoryPicker } from "@/components/territory-picker";
import { searchProgrammes, searchTerritories } from "@/lib/data/programme-search";
import { getTerritory } from "@/lib/data/territories";
import { isDomainError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { ActiveFilters } from "./_components/active-filters";
import { AutoSubmit } from "./_components/auto-submit";
import { FiltersPanel } from "./_components/filters-panel";
import { Pagination } from "./_components/pagination";
import { activeFilters, pageHref, parsePageSearch } from "./_components/search-state";
import { SearchResults, type Widening } from "./_components/search-results";
import { SortSelect } from "./_components/sort-select";
import { toQueryString, withoutControlCharacters } from "@/lib/validation/programme-search";

export const metadata: Metadata = {
  title: "Trouver un financement",
  description: "Chercher un financement de l'inclusion numérique par mots-clés, territoire, public, dépenses financées et calendrier.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FORM_ID = "recherche";

export default async function ProgrammesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { search, ignored } = parsePageSearch(raw);

  // The place field arrives as text (`lieu`); without JavaScript it is resolved here.
  const lieu = typeof raw.lieu === "string" ? withoutControlCharacters(raw.lieu).trim().slice(0, 100) : undefined;
  let candidates: TerritoryOption[] = [];
  if (lieu !== undefined) {
    const current = search.territory ? await getTerritory(search.territory) : null;
    const sameName = current && current.name.localeCompare(lieu, "fr", { sensitivity: "base" }) === 0;
    if (!sameName) {
      search.territory = undefined;
      if (lieu) {
        const found = await searchTerritories(lieu, 6);
        const exact = found.find((t) => t.name.localeCompare(lieu, "fr", { sensitivity: "base" }) === 0 || t.code === lieu);
        const chosen = exact ?? (found.length === 1 ? found[0] : undefined);
        if (chosen) search.territory = chosen.id;
        else candidates = found;
      }
    }
  }

  let result;
  try {
    result = await searchProgrammes(search);
  } catch (error) {
    if (!(isDomainError(error) && error.parameter === "territory")) throw error;
    ignored.push(error.message);
    search.territory = undefined;
    result = await searchProgrammes(search);
  }
  const sort = search.sort ?? (search.q ? "relevance" : "closing");
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  const funderNames = new Map(result.facets.funder.map((f) => [f.value, f.label]));
  const filters = activeFilters(search, { territoryName: result.territory?.name ?? null, funderNames });
  const closedCount = result.facets.status.find((s) => s.value === "closed")?.count ?? 0;
  const expectedCount = result.facets.status.find((s) => s.value === "expected")?.count ?? 0;
  const widenings: Widening[] = [
    ...(search.status.length === 0 && expectedCount > 0
      ? [{ label: `Voir les ${plural(expectedCount, "appel clos dont la réouverture est attendue", "appels clos dont la réouverture est attendue")}`, href: pageHref({ ...search, status: ["expected"] }) }]
      : []),
    ...(search.status.length === 0 && closedCount > 0
      ? [{ label: `Voir les ${plural(closedCount, "appel clos", "appels clos")} correspondants`, href: pageHref({ ...search, status: ["closed"] }) }]
      : []),
    ...filters.map((f) => ({ label: `Retirer le filtre ${f.label}`, href: f.removeHref })),
  ];
  const selectedTerritory = result.territory
    ? { id: result.territory.id, name: result.territory.name, context: "" }
    : null;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-3xl font-bold">Trouver un financement</h1>
      <form key={toQueryString(search)} action="/financements" id={FORM_ID} role="search" aria-label="Chercher un financement" className="mt-6">
        <div className="grid gap-4 rounded-lg bg-brand-light p-4 md:grid-cols-[1fr_1fr_auto] md:items-end">
          <div>
            <label htmlFor="q" className="block font-semibold">Mots-clés</label>
            <p id="q-hint" className="text-sm text-muted">Par exemple « conseiller numérique », « équipement », « FEDER »</p>
            <input id="q" name="q" type="search" defaultValue={search.q ?? ""} aria-describedby="q-hint" maxLength={200}
              className="mt-1 w-full rounded-t border-b-2 border-ink bg-white px-3 py-2" />
          </div>
          <TerritoryPicker key={selectedTerritory?.id ?? lieu ?? ""} selected={selectedTerritory} defaultText={lieu} />
          <button type="submit" className="rounded bg-brand px-6 py-2.5 font-semibold text-white hover:bg-brand-dark">Rechercher</button>
        </div>

        {ignored.length > 0 && (
          <div role="alert" className="mt-4 rounded border-l-4 border-warning bg-warning-light p-3">
            <p className="font-semibold">Certains paramètres de l&apos;adresse ont été ignorés :</p>
            <ul className="list-disc pl-6">{ignored.map((m) => <li key={m}>{m}</li>)}</ul>
          </div>
        )}
        {candidates.length > 0 && (
          <div className="mt-4 rounded border-l-4 border-brand bg-info-light p-3">
            <p className="font-semibold">Plusieurs lieux correspondent à « {lieu} » : lequel ?</p>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {candidates.map((c) => (
                <li key={c.id}><Link href={pageHref({ ...search, territory: c.id })} className="text-brand underline">{c.name} <span className="text-muted">{c.context}</span></Link></li>
              ))}
            </ul>
          </div>
        )}
        {lieu && !search.territory && candidates.length === 0 && (
          <p role="alert" className="mt-4 rounded border-l-4 border-warning bg-warning-light p-3">Aucun territoire ne correspond à « {lieu} » : vérifiez l&apos;orthographe ou essayez le code postal.</p>
        )}

        <div className="mt-8 grid gap-8 lg:grid-cols-[17rem_1fr]">
          <aside aria-label="Filtres">
            <p className="mb-3 lg:hidden">
              <a href="#resultats" className="text-brand underline">Aller directement aux résultats ({result.total})</a>
            </p>
            <FiltersPanel search={search} facets={result.facets} />
          </aside>
          <section aria-labelledby="resultats" className="min-w-0">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div role="status">
                <h2 id="resultats" className="text-xl font-bold">
                  {plural(result.total, "financement trouvé", "financements trouvés")}
                  {result.territory && <span className="font-normal"> pour {result.territory.name}</span>}
                </h2>
              </div>
              <SortSelect value={sort} hasQuery={Boolean(search.q)} />
            </div>
            {result.corrections.length > 0 && (
              <p className="mt-2 text-muted">
                Recherche corrigée : {result.corrections.map((c) => `« ${c.to} » au lieu de « ${c.from} »`).join(", ")}.
              </p>
            )}
            <div className="mt-3"><ActiveFilters filters={filters} clearHref="/financements" /></div>
            <div className="mt-4"><SearchResults items={result.items} widenings={widenings} /></div>
            <Pagination page={result.page} pages={pages} hrefFor={(page) => `/financements${toQueryString({ ...search, page })}`} />
          </section>
        </div>
      </form>
      <AutoSubmit formId={FORM_ID} />
    </div>
  );
}
