import Link from "next/link";
import { EDITORIAL_STATUSES, editorialStatusLabels } from "@/lib/auth/policy";
import type { StatusCounts } from "@/lib/data/admin/dashboard";
import { hrefWith, type QueryValues } from "./pagination";

const rows = [
  { key: "programmes", label: "Programmes", path: "/admin/programmes" },
  { key: "funders", label: "Financeurs", path: "/admin/financeurs" },
] as const;

const sum = (counts: StatusCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** How many programmes and funders are in each editorial status; each number opens the filtered table. */
export function StatusCountsTable({
  counts, scope, own,
}: {
  counts: { programmes: StatusCounts; funders: StatusCounts };
  /** Extra parameters of the links (a contributor's own entries). */
  scope: QueryValues;
  own: boolean;
}) {
  return (
    <section aria-labelledby="par-statut" className="mt-8">
      <h2 id="par-statut" className="text-xl font-bold">
        {own ? "Mes fiches par statut" : "Fiches par statut"}
      </h2>
      <div role="region" aria-labelledby="par-statut" tabIndex={0} className="relative mt-3 overflow-x-auto">
        <table className="w-full min-w-[32rem] border-collapse text-left">
          <caption className="sr-only">Nombre de fiches par type et par statut éditorial</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Type</th>
              {EDITORIAL_STATUSES.map((s) => (
                <th key={s} scope="col" className="px-3 py-2 text-right">{editorialStatusLabels[s]}</th>
              ))}
              <th scope="col" className="py-2 pl-3 text-right">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-line">
                <th scope="row" className="py-2 pr-4 font-semibold">{row.label}</th>
                {EDITORIAL_STATUSES.map((s) => (
                  <td key={s} className="px-3 py-2 text-right tabular-nums">
                    <Link href={hrefWith(row.path, { ...scope, status: s })} className="text-brand underline">
                      {counts[row.key][s]}
                      <span className="sr-only"> {row.label.toLowerCase()} : {editorialStatusLabels[s].toLowerCase()}</span>
                    </Link>
                  </td>
                ))}
                <td className="py-2 pl-3 text-right font-semibold tabular-nums">{sum(counts[row.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
