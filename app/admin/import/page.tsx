import type { Metadata } from "next";
import Link from "next/link";
import { ImportPageAlert } from "@/components/admin/import/import-page-alert";
import { TimeStamp } from "@/components/admin/time-stamp";
import { requireActor } from "@/lib/auth/guard";
import { canPublishImport, isCurator } from "@/lib/auth/policy";
import { listImportBatches } from "@/lib/import/batches";
import { CSV_COLUMNS } from "@/lib/import/csv-format";
import { importPageQuerySchema, importUploadErrors, MAX_IMPORT_MEGABYTES } from "@/lib/validation/import";

export const metadata: Metadata = { title: "Import et export" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const batchStatusLabels = { pending: "En attente de confirmation", applied: "Appliqué", discarded: "Abandonné" } as const;

export default async function ImportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const query = importPageQuerySchema.parse(await searchParams);
  const error = query.erreur && query.erreur in importUploadErrors ? importUploadErrors[query.erreur as keyof typeof importUploadErrors] : null;
  const batches = await listImportBatches(actor);
  const curator = canPublishImport(actor);

  return (
    <div>
      <h1 className="text-3xl font-bold">Import et export</h1>
      <p className="mt-2 text-lg text-muted">
        Ajoutez ou mettez à jour des programmes en nombre à partir d&apos;un fichier, puis vérifiez le rapport avant de confirmer.
      </p>
      <ImportPageAlert error={error} fieldId="fichier" />

      <section aria-labelledby="importer-titre" className="mt-6 rounded-lg border border-line bg-surface p-4">
        <h2 id="importer-titre" className="text-xl font-bold">Importer un fichier</h2>
        <form action="/admin/import/envoi" method="post" encType="multipart/form-data" className="mt-4 space-y-4">
          <div>
            <label htmlFor="fichier" className="block font-semibold">
              Fichier CSV ou JSON
            </label>
            <p id="fichier-aide" className="text-sm text-muted">
              {MAX_IMPORT_MEGABYTES} Mo au plus. CSV en UTF-8 (avec ou sans BOM), séparé par des points-virgules ou des virgules ; JSON au
              format de l&apos;API ou des données de recherche.
            </p>
            <input
              id="fichier"
              name="file"
              type="file"
              required
              accept=".csv,.json,text/csv,application/json"
              aria-describedby="fichier-aide"
              aria-invalid={error ? true : undefined}
              className="mt-2 block w-full rounded border border-ink bg-white p-2"
            />
          </div>
          {curator ? (
            <div className="flex items-start gap-2">
              <input id="publier" name="publish" type="checkbox" className="mt-1 h-5 w-5" aria-describedby="publier-aide" />
              <div>
                <label htmlFor="publier" className="font-semibold">
                  Publier directement les fiches importées
                </label>
                <p id="publier-aide" className="text-sm text-muted">
                  Sinon, elles vont dans la file de relecture. Une fiche dont le financeur n&apos;est pas publié reste en relecture.
                </p>
              </div>
            </div>
          ) : (
            <p className="text-sm">Les fiches que vous importez iront dans la file de relecture des curateurs.</p>
          )}
          <p>
            <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
              Analyser le fichier (essai, rien n&apos;est écrit)
            </button>
          </p>
        </form>
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold text-brand underline">Colonnes du CSV</summary>
          <p className="mt-2 text-sm">
            Une colonne par champ (son nom ci-dessous ou son libellé du formulaire) ; seules les colonnes présentes sont modifiées sur
            une fiche existante. Listes séparées par « | », oui / non, dates AAAA-MM-JJ ou JJ/MM/AAAA, territoires en identifiants
            (region:53, departement:29…) ou en noms. Une fiche est retrouvée par son identifiant (slug), sinon par son lien de
            candidature ou l&apos;une de ses sources.
          </p>
          <p className="mt-2 break-words font-mono text-sm">{CSV_COLUMNS.join(" ; ")}</p>
        </details>
      </section>

      <section aria-labelledby="exporter-titre" className="mt-6">
        <h2 id="exporter-titre" className="text-xl font-bold">Exporter le catalogue publié</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            <a href="/api/v1/programmes.csv" className="text-brand underline">
              Programmes publiés en CSV
            </a>{" "}
            (mêmes filtres que la recherche, par exemple <code>/api/v1/programmes.csv?status=open</code> ; réimportable tel quel)
          </li>
          <li>
            <a href="/api/v1/export.json" className="text-brand underline">
              Tout le catalogue publié en JSON
            </a>{" "}
            (programmes et financeurs, avec leurs sources)
          </li>
        </ul>
      </section>

      <section aria-labelledby="imports-titre" className="mt-6">
        <h2 id="imports-titre" className="text-xl font-bold">{isCurator(actor) ? "Derniers imports" : "Vos derniers imports"}</h2>
        {batches.length === 0 ? (
          <p className="mt-2 rounded border border-line bg-surface p-6">Aucun import pour l&apos;instant.</p>
        ) : (
          <div role="region" aria-labelledby="imports-legende" tabIndex={0} className="relative mt-2 overflow-x-auto">
            <table className="w-full min-w-[40rem] border-collapse text-left">
              <caption id="imports-legende" className="mb-2 text-left text-muted">
                Les {batches.length} derniers imports, du plus récent au plus ancien
              </caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-3">Fichier</th>
                  <th scope="col" className="px-3 py-2">Envoyé</th>
                  <th scope="col" className="px-3 py-2">État</th>
                  <th scope="col" className="py-2 pl-3">Lignes</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id} className="border-b border-line align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link href={`/admin/import/${b.id}`} className="font-semibold text-brand underline">
                        {b.fileName}
                      </Link>
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <TimeStamp date={b.createdAt} withTime />
                      {b.createdBy && <span className="block text-sm text-muted">par {b.createdBy.name}</span>}
                    </td>
                    <td className="px-3 py-2">{batchStatusLabels[b.status]}</td>
                    <td className="py-2 pl-3 text-sm">
                      {b.report
                        ? `${b.report.counts.created} à créer ou créées, ${b.report.counts.updated} mises à jour, ${b.report.counts.unchanged} inchangées, ${b.report.counts.rejected} rejetées`
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
