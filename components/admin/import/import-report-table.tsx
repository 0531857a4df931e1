import Link from "next/link";
import { programmeFieldLabels } from "@/lib/validation/admin-programme";
import { type RowReport, rowOutcomeLabels, statusWord } from "@/lib/import/report";

const outcomeStyles: Record<RowReport["outcome"], string> = {
  created: "bg-success-light text-[#0b4e24]",
  updated: "bg-brand-light text-ink",
  unchanged: "border border-line bg-white text-muted",
  rejected: "bg-warning-light text-[#8a2c00]",
};

const labels: Record<string, string> = { ...programmeFieldLabels, reviewNote: "Note de la recherche", _: "Ligne" };

/** `sources.1.url` → « Sources (n° 2) ». */
export function fieldLabel(path: string): string {
  const [head, index] = path.split(".");
  const label = labels[head ?? ""] ?? head ?? path;
  return index !== undefined && /^\d+$/.test(index) ? `${label} (n° ${Number(index) + 1})` : label;
}

/**
 * The report of an import, one row of the file per table row: its outcome, the entry it gives, the
 * fields it sets, the reasons of a rejection (field by field) and the warnings (possible duplicates,
 * values to check), and the research's note for the reviewer.
 */
export function ImportReportTable({ rows, linkEntries }: { rows: RowReport[]; linkEntries: boolean }) {
  if (rows.length === 0) {
    return <p className="mt-4 rounded border border-line bg-surface p-6">Le fichier ne contient aucune ligne à importer.</p>;
  }
  return (
    <div role="region" aria-labelledby="rapport-legende" tabIndex={0} className="relative mt-4 overflow-x-auto">
      <table className="w-full min-w-[56rem] border-collapse text-left">
        <caption id="rapport-legende" className="mb-2 text-left text-muted">
          Rapport ligne par ligne ({rows.length} ligne{rows.length > 1 ? "s" : ""})
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">Ligne</th>
            <th scope="col" className="px-3 py-2">Programme</th>
            <th scope="col" className="px-3 py-2">Résultat</th>
            <th scope="col" className="px-3 py-2">Champs</th>
            <th scope="col" className="py-2 pl-3">Motifs et avertissements</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className="border-b border-line align-top">
              <td className="py-2 pr-3">{r.row}</td>
              <th scope="row" className="px-3 py-2 font-normal">
                {linkEntries && r.slug && r.outcome !== "rejected" ? (
                  <Link href={`/admin/programmes/${r.slug}`} className="font-semibold text-brand underline">
                    {r.title ?? r.slug}
                  </Link>
                ) : (
                  <span className="font-semibold">{r.title ?? "(sans titre)"}</span>
                )}
                {r.slug && <span className="block text-sm text-muted">{r.slug}</span>}
              </th>
              <td className="px-3 py-2">
                <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${outcomeStyles[r.outcome]}`}>
                  {rowOutcomeLabels[r.outcome]}
                </span>
                {r.status && r.outcome !== "rejected" && <span className="mt-1 block text-sm">fiche {statusWord(r.status)}</span>}
              </td>
              <td className="px-3 py-2 text-sm">
                {r.fields.length ? r.fields.map(fieldLabel).join(", ") : <span className="text-muted">—</span>}
              </td>
              <td className="py-2 pl-3 text-sm">
                {r.errors.length > 0 && (
                  <ul className="list-disc space-y-1 pl-4">
                    {r.errors.map((e, i) => (
                      <li key={i}>
                        <span className="font-semibold">{fieldLabel(e.field)} :</span> {e.message}
                      </li>
                    ))}
                  </ul>
                )}
                {r.warnings.length > 0 && (
                  <ul className="mt-1 list-disc space-y-1 pl-4">
                    {r.warnings.map((w, i) => (
                      <li key={i}>
                        <span className="font-semibold">Attention :</span> {w}
                      </li>
                    ))}
                  </ul>
                )}
                {r.reviewNote && (
                  <p className="mt-1">
                    <span className="font-semibold">Note de la recherche à vérifier :</span> {r.reviewNote}
                  </p>
                )}
                {!r.errors.length && !r.warnings.length && !r.reviewNote && <span className="text-muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
