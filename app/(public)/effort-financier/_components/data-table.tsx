import Link from "next/link";
import type { EffortGroup } from "@/lib/data/effort";
import { perInhabitantText, RangeAmount } from "./amounts";

/** The figures of a chart as a table: caption, column and row headers, each group linked to its records and sources. */
export function EffortTable({
  id, caption, groups, keyHeader, hrefOf, csvHref, perInhabitant = false,
}: {
  id: string;
  caption: string;
  groups: EffortGroup[];
  keyHeader: string;
  hrefOf: (g: EffortGroup) => string | null;
  csvHref: string;
  perInhabitant?: boolean;
}) {
  return (
    <div>
      <div id={id} tabIndex={0} role="region" aria-label={`Tableau : ${caption}`} className="relative overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-semibold">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">{keyHeader}</th>
              <th scope="col" className="py-2 pr-4">Engagé ou dépensé</th>
              <th scope="col" className="py-2 pr-4">Prévu (loi de finances), non additionné</th>
              {perInhabitant && <th scope="col" className="py-2 pr-4">Par habitant (engagé ou dépensé)</th>}
              <th scope="col" className="py-2">Montants</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const href = hrefOf(g);
              return (
                <tr key={g.key ?? "aucun"} className="border-b border-line">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {href ? <Link href={href} className="underline">{g.label}</Link> : g.label}
                  </th>
                  <td className="py-2 pr-4 tabular-nums"><RangeAmount range={g.actual} /></td>
                  <td className="py-2 pr-4 tabular-nums">{g.planned.high > 0 ? <RangeAmount range={g.planned} /> : "—"}</td>
                  {perInhabitant && (
                    <td className="py-2 pr-4 tabular-nums">{g.actualPerInhabitant ? perInhabitantText(g.actualPerInhabitant) : "—"}</td>
                  )}
                  <td className="py-2 tabular-nums">{g.records}{g.disputed > 0 ? ` (dont ${g.disputed} où les sources divergent)` : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-sm">
        <a href={csvHref} className="underline" download>Télécharger ce tableau (CSV)</a>
      </p>
    </div>
  );
}
