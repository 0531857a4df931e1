import type { Metadata } from "next";
import Link from "next/link";
import { FundingGraph } from "@/components/funding-map/funding-graph";
import { FundingMapLists } from "@/components/funding-map/nested-lists";
import { getFundingMap } from "@/lib/data/funding-map";
import { type PlaceResolution, resolvePlace } from "@/lib/data/matcher";
import { filterQuery, parseFundingMapFilters } from "@/lib/funding-map/filters";
import { plural } from "@/lib/format";
import { MapFilters } from "./_components/map-filters";

export const metadata: Metadata = {
  title: "Cartographie des financements",
  description: "Qui finance quoi, pour qui : les financeurs de l'inclusion numérique par type, leurs programmes, ce qu'ils financent et qui peut candidater, par territoire.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FundingMapPage({ searchParams }: Props) {
  const { filters, ignored } = parseFundingMapFilters(await searchParams);
  // The place: the territory chosen in the picker, or the text typed (without JavaScript).
  const resolution: PlaceResolution = filters.territory || filters.lieu
    ? await resolvePlace({ territory: filters.territory ?? null, lieu: filters.lieu ?? null })
    : { kind: "none" };
  const place = resolution.kind === "found" ? resolution.place : null;
  const settled = { ...filters, territory: place?.id };
  const map = await getFundingMap(settled);
  const { model } = map;
  const query = filterQuery(settled);
  const candidates = resolution.kind === "ambiguous"
    ? resolution.candidates.map((c) => ({ ...c, href: `/cartographie?${filterQuery({ ...settled, territory: c.id })}` }))
    : [];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">Cartographie des financements</li>
        </ol>
      </nav>
      <h1 className="mt-4 text-3xl font-bold">Cartographie des financements</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Qui finance quoi, pour qui : les financeurs de l&apos;inclusion numérique regroupés par type, leurs programmes, ce
        que ces programmes financent et qui peut y candidater. Chaque nom mène à sa fiche.
      </p>

      <div className="mt-6">
        <MapFilters
          filters={filters}
          facets={map.facets}
          selected={place ? { id: place.id, name: place.name, context: "" } : null}
          candidates={candidates}
          unknownPlace={resolution.kind === "unknown"}
        />
      </div>
      {ignored.length > 0 && (
        <div role="alert" className="mt-4 rounded border-l-4 border-warning bg-warning-light p-3">
          <p className="font-semibold">Certains paramètres de l&apos;adresse ont été ignorés :</p>
          <ul className="list-disc pl-6">{ignored.map((m) => <li key={m}>{m}</li>)}</ul>
        </div>
      )}

      <p role="status" className="mt-6 text-lg">
        <strong>{plural(model.totals.programmes, "programme", "programmes")}</strong> de{" "}
        {plural(model.totals.funders, "financeur", "financeurs")} ({plural(model.totals.types, "type", "types")} de financeurs)
        {place && <> disponibles pour {place.name}</>}
        {map.truncated && " : la carte montre les premiers seulement, affinez les filtres"}.{" "}
        <Link href={`/financements${query ? `?${query}` : ""}`} className="text-brand underline">Les voir dans la recherche</Link>
      </p>

      {model.types.length > 0 && <FundingGraph key={query} model={model} filterQuery={query} />}

      <section aria-labelledby="carte-en-listes" className="mt-10">
        <h2 id="carte-en-listes" className="text-2xl font-bold">La carte en listes</h2>
        <p className="mt-1 text-muted">Le même contenu que la carte interactive, par type de financeur.</p>
        <div className="mt-4">
          <FundingMapLists model={model} />
        </div>
      </section>
    </div>
  );
}
