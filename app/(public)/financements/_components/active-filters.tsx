import Link from "next/link";

export interface ActiveFilter {
  label: string;
  /** The address of the same search without this filter. */
  removeHref: string;
}

export function ActiveFilters({ filters, clearHref }: { filters: ActiveFilter[]; clearHref: string }) {
  if (filters.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Filtres actifs" role="group">
      {filters.map((f) => (
        <Link key={f.removeHref + f.label} href={f.removeHref} className="rounded-full border border-brand bg-brand-light px-3 py-1 text-sm text-brand-dark hover:bg-white">
          {f.label} <span aria-hidden="true">✕</span>
          <span className="sr-only"> (retirer ce filtre)</span>
        </Link>
      ))}
      <Link href={clearHref} className="text-sm text-brand underline">Tout effacer</Link>
    </div>
  );
}
