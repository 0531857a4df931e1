export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** One filter: a group of checkboxes, each with the number of results choosing it would give. */
export function FacetFieldset({
  name, legend, options, selected, collapsedAfter = 8,
}: { name: string; legend: string; options: FacetOption[]; selected: string[]; collapsedAfter?: number }) {
  if (options.length === 0) return null;
  const shown = options.filter((o, i) => i < collapsedAfter || selected.includes(o.value));
  const more = options.filter((o) => !shown.includes(o));
  const box = (o: FacetOption) => (
    <li key={o.value}>
      <label className="flex items-start gap-2 py-0.5">
        <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="mt-1 h-4 w-4 accent-brand" />
        <span>
          {o.label} <span className="text-sm text-muted">({o.count})</span>
        </span>
      </label>
    </li>
  );
  return (
    <fieldset className="border-t border-line pt-4">
      <legend className="float-left mb-2 w-full font-semibold">{legend}</legend>
      <ul className="clear-both">{shown.map(box)}</ul>
      {more.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-brand underline">Voir {more.length} de plus</summary>
          <ul>{more.map(box)}</ul>
        </details>
      )}
    </fieldset>
  );
}
