import Link from "next/link";
import { type TerritoryOption, TerritoryPicker } from "@/components/territory-picker";
import type { FacetValue } from "@/lib/data/programme-search";
import type { FundingMapFilters } from "@/lib/funding-map/filters";

function Checkboxes({ name, legend, options, selected, hint }: { name: string; legend: string; options: FacetValue[]; selected: string[]; hint?: string }) {
  return (
    <fieldset>
      <legend className="font-semibold">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      <ul className="mt-1 grid gap-x-4 sm:grid-cols-2">
        {options.map((o) => (
          <li key={o.value}>
            <label className="flex items-start gap-2 py-0.5">
              <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="mt-1 h-4 w-4 accent-brand" />
              <span>{o.label} <span className="text-sm text-muted">({o.count})</span></span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The map's filters: a GET form (no JavaScript needed), its state in the address. */
export function MapFilters({
  filters, facets, selected, candidates, unknownPlace,
}: {
  filters: FundingMapFilters;
  facets: { beneficiary: FacetValue[]; status: FacetValue[] };
  selected: TerritoryOption | null;
  candidates: { id: string; name: string; context: string; href: string }[];
  unknownPlace: boolean;
}) {
  return (
    <form action="/cartographie" aria-label="Filtrer la cartographie" className="rounded-lg bg-brand-light p-4">
      <h2 className="text-xl font-bold">Filtrer</h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-[1fr_2fr]">
        <div>
          <TerritoryPicker key={selected?.id ?? filters.lieu ?? ""} selected={selected} defaultText={filters.lieu} />
          <p className="mt-1 text-sm text-muted">Une commune garde les programmes nationaux et ceux de sa région, de son département et de son intercommunalité.</p>
          {candidates.length > 0 && (
            <div className="mt-3 rounded border-l-4 border-brand bg-white p-3">
              <p className="font-semibold">Plusieurs lieux correspondent à « {filters.lieu} » : lequel ?</p>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {candidates.map((c) => (
                  <li key={c.id}><Link href={c.href} className="text-brand underline">{c.name} <span className="text-muted">{c.context}</span></Link></li>
                ))}
              </ul>
            </div>
          )}
          {unknownPlace && (
            <p role="alert" className="mt-3 rounded border-l-4 border-warning bg-warning-light p-3">
              {filters.lieu
                ? <>Aucun territoire ne correspond à « {filters.lieu} » : vérifiez l&apos;orthographe ou essayez le code postal.</>
                : <>Le territoire demandé dans l&apos;adresse n&apos;existe pas : la carte montre tous les territoires.</>}
            </p>
          )}
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Checkboxes name="beneficiary" legend="Qui peut candidater" options={facets.beneficiary} selected={filters.beneficiary} />
          <Checkboxes name="status" legend="Calendrier" options={facets.status} selected={filters.status}
            hint={filters.status.length === 0 ? "Sans choix, les appels clos sont masqués." : undefined} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand px-6 py-2.5 font-semibold text-white hover:bg-brand-dark">Appliquer les filtres</button>
        <Link href="/cartographie" className="text-brand underline">Tout effacer</Link>
      </div>
    </form>
  );
}
