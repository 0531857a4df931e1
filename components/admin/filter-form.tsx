import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";

const fieldClass = "mt-1 block w-full rounded border border-muted bg-white px-3 py-2";

/**
 * The filters of a workspace table: a GET form (the state lives in the URL, and it works without
 * JavaScript), a search box, the table's own filters as children, the sort, and a reset link.
 */
export function FilterForm({
  path, id, searchLabel, q, sort, sorts, hidden = {}, children,
}: {
  path: string;
  id: string;
  searchLabel: string;
  q: string | undefined;
  sort: string;
  sorts: Record<string, string>;
  /** Parameters the form has no field for but keeps (e.g. `createdBy` from the dashboard's links). */
  hidden?: Record<string, string | undefined>;
  children: ReactNode;
}) {
  return (
    <Form action={path} aria-labelledby={`${id}-titre`} className="mt-6 rounded-lg border border-line bg-surface p-4">
      <h2 id={`${id}-titre`} className="sr-only">Rechercher et filtrer</h2>
      {Object.entries(hidden).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <label htmlFor={`${id}-q`} className="font-semibold">{searchLabel}</label>
          <input id={`${id}-q`} name="q" type="search" defaultValue={q ?? ""} maxLength={200} className={fieldClass} />
        </div>
        <SelectFilter id={`${id}-sort`} name="sort" label="Trier par" value={sort} options={sorts} />
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
      <p className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Filtrer
        </button>
        <Link href={path} className="text-brand underline">
          Réinitialiser les filtres
        </Link>
      </p>
    </Form>
  );
}

/** A single-choice filter; the empty option means « all ». */
export function SelectFilter({
  id, name, label, value, options, all,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: Record<string, string>;
  /** The label of the empty choice; none when the filter always has a value. */
  all?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="font-semibold">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={fieldClass}>
        {all && <option value="">{all}</option>}
        {Object.entries(options).map(([code, text]) => (
          <option key={code} value={code}>{text}</option>
        ))}
      </select>
    </div>
  );
}

/** A several-choice filter (repeated parameter: `?status=draft&status=in_review`). */
export function CheckboxFilter({
  id, name, legend, values, options,
}: {
  id: string;
  name: string;
  legend: string;
  values: readonly string[];
  options: Record<string, string>;
}) {
  return (
    <fieldset>
      <legend className="font-semibold">{legend}</legend>
      <ul className="mt-1 space-y-1">
        {Object.entries(options).map(([code, text]) => (
          <li key={code} className="flex items-center gap-2">
            <input
              id={`${id}-${code}`}
              type="checkbox"
              name={name}
              value={code}
              defaultChecked={values.includes(code)}
              className="h-4 w-4 accent-brand"
            />
            <label htmlFor={`${id}-${code}`}>{text}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A day filter (`YYYY-MM-DD`), with a hint under its label. */
export function DateFilter({ id, name, label, hint, value }: { id: string; name: string; label: string; hint?: string; value: string | undefined }) {
  return (
    <div>
      <label htmlFor={id} className="font-semibold">{label}</label>
      {hint && <p id={`${id}-aide`} className="text-sm text-muted">{hint}</p>}
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={value ?? ""}
        aria-describedby={hint ? `${id}-aide` : undefined}
        className={fieldClass}
      />
    </div>
  );
}
