import type { Sort } from "@/lib/validation/programme-search";

const labels: Record<Sort, string> = {
  relevance: "Pertinence",
  closing: "Clôture la plus proche",
  recent: "Mises à jour récentes",
  amount: "Montant le plus élevé",
};

export function SortSelect({ value, hasQuery }: { value: Sort; hasQuery: boolean }) {
  const options = (Object.keys(labels) as Sort[]).filter((s) => s !== "relevance" || hasQuery);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="sort" className="font-semibold">Trier par</label>
      <select id="sort" name="sort" defaultValue={value} className="rounded-t border-b-2 border-ink bg-surface px-2 py-1.5">
        {options.map((s) => <option key={s} value={s}>{labels[s]}</option>)}
      </select>
    </div>
  );
}
