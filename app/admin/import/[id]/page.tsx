import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { ImportCounts } from "@/components/admin/import/import-counts";
import { ImportPageAlert } from "@/components/admin/import/import-page-alert";
import { ImportReportTable } from "@/components/admin/import/import-report-table";
import { TimeStamp } from "@/components/admin/time-stamp";
import { confirmImportAction, discardImportAction } from "@/lib/actions/import";
import { requireActor } from "@/lib/auth/guard";
import { canPublishImport } from "@/lib/auth/policy";
import { getImportBatch } from "@/lib/import/batches";
import { hasRejections } from "@/lib/import/report";
import { importBatchErrors, importPageQuerySchema } from "@/lib/validation/import";

export const metadata: Metadata = { title: "Rapport d'import" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const formatLabels: Record<string, string> = { "json-api": "JSON (programmes)", "json-research": "JSON (données de recherche)", csv: "CSV" };

export default async function ImportBatchPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const batch = await getImportBatch(actor, id);
  if (!batch) notFound();
  const query = importPageQuerySchema.parse(await searchParams);
  const error = query.erreur && query.erreur in importBatchErrors ? importBatchErrors[query.erreur as keyof typeof importBatchErrors] : null;
  const success = query.fait === "applique" ? "Import appliqué : les fiches sont enregistrées, chacune avec sa révision." : query.fait === "abandonne" ? "Import abandonné : rien n'a été écrit." : null;
  const report = batch.report;
  const blocked = !report || hasRejections(report);
  const publishing = batch.publish && canPublishImport(actor);

  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/import", label: "Import et export" }]} current={batch.fileName} />
      <h1 className="mt-4 text-3xl font-bold">Rapport d&apos;import : {batch.fileName}</h1>
      <p className="mt-1 text-muted">
        {formatLabels[batch.format] ?? batch.format} · envoyé le <TimeStamp date={batch.createdAt} withTime />
        {batch.createdBy && ` par ${batch.createdBy.name}`}
        {batch.appliedAt && (
          <>
            {" "}· appliqué le <TimeStamp date={batch.appliedAt} withTime />
          </>
        )}
      </p>
      <ImportPageAlert error={error} success={success} />

      {batch.status === "pending" && (
        <section aria-labelledby="decision-titre" className="mt-6 rounded-lg border border-line bg-surface p-4">
          <h2 id="decision-titre" className="text-xl font-bold">
            Essai : rien n&apos;a encore été écrit
          </h2>
          <p className="mt-2">
            {blocked
              ? "Des lignes sont rejetées : l'import ne peut pas être confirmé (il est appliqué en entier ou pas du tout). Corrigez le fichier et envoyez-le de nouveau, ou abandonnez cet import."
              : `En confirmant, les fiches créées ou modifiées sont enregistrées en une fois, chacune avec sa révision « import » ; ${publishing ? "les fiches créées sont publiées (sauf si leur financeur ne l'est pas)." : "les fiches créées vont dans la file de relecture."}`}
          </p>
          <div className="mt-4 flex flex-wrap gap-4">
            {!blocked && (
              <form action={confirmImportAction}>
                <input type="hidden" name="id" value={batch.id} />
                <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
                  Confirmer l&apos;import
                </button>
              </form>
            )}
            <form action={discardImportAction}>
              <input type="hidden" name="id" value={batch.id} />
              <button type="submit" className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand hover:bg-brand-light">
                Abandonner
              </button>
            </form>
          </div>
        </section>
      )}
      {batch.status === "discarded" && <p className="mt-6 font-semibold">Import abandonné : rien n&apos;a été écrit.</p>}

      <section aria-labelledby="rapport-titre" className="mt-6">
        <h2 id="rapport-titre" className="text-xl font-bold">
          {batch.status === "applied" ? "Ce qui a été importé" : "Ce que l'import ferait"}
        </h2>
        {report ? (
          <>
            {report.fileErrors.length > 0 && (
              <ul className="mt-4 list-disc rounded border-l-4 border-accent bg-warning-light p-4 pl-8">
                {report.fileErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
            <ImportCounts counts={report.counts} />
            <ImportReportTable rows={report.rows} linkEntries={batch.status === "applied"} />
          </>
        ) : (
          <p className="mt-2">Aucun rapport pour cet import.</p>
        )}
      </section>
    </div>
  );
}
