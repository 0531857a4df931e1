import Link from "next/link";
import { TimeStamp } from "@/components/admin/time-stamp";
import type { LinkCheckRunView } from "@/lib/links/queries";
import { formatDuration, summarizeCounts } from "@/lib/links/summary";
import { AutoRefresh } from "./auto-refresh";

const triggerLabels: Record<string, string> = {
  schedule: "vérification quotidienne",
  cli: "lancée en ligne de commande",
  admin: "lancée depuis cette page",
};

/** The latest run: its progress while it goes on (refreshed), its summary after, or why it stopped. */
export function RunStatus({ run, refreshHref }: { run: LinkCheckRunView | null; refreshHref: string }) {
  if (!run) {
    return <p className="mt-2">Aucune vérification n&apos;a encore été faite : la première passera cette nuit, ou lancez-la ci-dessous.</p>;
  }
  const trigger = triggerLabels[run.trigger] ?? run.trigger;
  if (run.status === "running" && !run.stalled) {
    const total = run.total ?? 0;
    const percent = total ? Math.round((run.done / total) * 100) : 0;
    return (
      <div className="mt-2">
        <AutoRefresh />
        <p>
          <span className="font-semibold">Vérification en cours</span> ({trigger}, commencée le <TimeStamp date={run.startedAt} withTime />) :{" "}
          {run.done.toLocaleString("fr-FR")} adresses vérifiées sur {total.toLocaleString("fr-FR")} ({percent} %).
        </p>
        <progress className="mt-2 h-3 w-full max-w-md accent-brand" max={Math.max(total, 1)} value={run.done} aria-label="Progression de la vérification">
          {percent} %
        </progress>
        <p className="mt-2 text-sm">
          <Link href={refreshHref} className="text-brand underline">
            Actualiser la progression
          </Link>{" "}
          <span className="text-muted">(la page se met aussi à jour seule toutes les 3 secondes quand JavaScript est actif)</span>
        </p>
      </div>
    );
  }
  if (run.status === "running" || run.status === "failed") {
    return (
      <p className="mt-2 rounded border-l-4 border-warning bg-warning-light p-3 text-[#8a2c00]">
        <span className="font-semibold">La dernière vérification ne s&apos;est pas terminée</span> ({trigger}, commencée le{" "}
        <TimeStamp date={run.startedAt} withTime />, {run.done.toLocaleString("fr-FR")} adresses sur {(run.total ?? 0).toLocaleString("fr-FR")}) :{" "}
        {run.stalled ? "le processus qui la menait s'est arrêté" : (run.detail?.error ?? "erreur inconnue")}. Les résultats déjà obtenus sont gardés.
      </p>
    );
  }
  const detail = run.detail ?? {};
  return (
    <p className="mt-2">
      Dernière vérification ({trigger}) terminée le <TimeStamp date={run.finishedAt ?? run.startedAt} withTime />
      {detail.durationMs !== undefined && ` en ${formatDuration(detail.durationMs)}`}
      {detail.onlyFailing && ", limitée aux adresses en échec"} : {summarizeCounts(detail, run.total ?? run.done)}
    </p>
  );
}
