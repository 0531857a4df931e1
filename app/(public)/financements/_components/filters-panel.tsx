import type { ProgrammeSearch } from "@/lib/validation/programme-search";
import { FacetFieldset, type FacetOption } from "./facet-fieldset";

export type Facets = Record<"funderType" | "funder" | "beneficiary" | "finances" | "aidKind" | "status", FacetOption[]>;

/** The filters column: one group of checkboxes per facet, the minimum amount, and the submit button. */
export function FiltersPanel({ search, facets }: { search: ProgrammeSearch; facets: Facets }) {
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-bold">Affiner</h2>
      <FacetFieldset name="status" legend="Calendrier" options={facets.status} selected={search.status} />
      {search.status.length === 0 && (
        <p className="-mt-2 text-sm text-muted">Sans choix, les appels clos sont masqués.</p>
      )}
      {facets.status.some((s) => s.value === "expected") && (
        <p className="-mt-2 text-sm text-muted">
          « Réouverture attendue » : des appels clos qui reviennent chaque année. Une prévision de ce site, pas une date annoncée par le
          financeur.
        </p>
      )}
      <FacetFieldset name="finances" legend="Ce qui est financé" options={facets.finances} selected={search.finances} />
      <FacetFieldset name="beneficiary" legend="Qui peut candidater" options={facets.beneficiary} selected={search.beneficiary} />
      <FacetFieldset name="funderType" legend="Type de financeur" options={facets.funderType} selected={search.funderType} />
      <FacetFieldset name="aidKind" legend="Forme de l'aide" options={facets.aidKind} selected={search.aidKind} />
      <FacetFieldset name="funder" legend="Financeur" options={facets.funder} selected={search.funder} collapsedAfter={6} />
      <div className="border-t border-line pt-4">
        <label htmlFor="amountMin" className="block font-semibold">Montant minimal recherché (€)</label>
        <input
          id="amountMin"
          name="amountMin"
          type="number"
          min={0}
          step={1000}
          inputMode="numeric"
          defaultValue={search.amountMin ?? ""}
          className="mt-1 w-full rounded-t border-b-2 border-ink bg-surface px-3 py-2"
        />
      </div>
      <button type="submit" className="w-full rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
        Appliquer les filtres
      </button>
    </div>
  );
}
