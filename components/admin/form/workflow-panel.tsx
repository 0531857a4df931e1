import Link from "next/link";
import { type EditorialStatus, transitionLabels } from "@/lib/auth/policy";
import { EditorialStatusBadge } from "@/components/admin/editorial-status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import { SubmitButton } from "./submit-button";

/**
 * The entry's editorial status and one button per step this person may take (lib/auth/policy.ts),
 * with an optional note kept in the history. The buttons belong to the edit form: a step first saves
 * what the form changed, with the same version check.
 */
export function WorkflowPanel({
  status, allowed, historyHref, publicHref, updatedAt, updatedBy, publishedAt,
}: {
  status: EditorialStatus;
  allowed: EditorialStatus[];
  historyHref: string;
  publicHref: string | null;
  updatedAt: string;
  updatedBy: string | null;
  publishedAt: string | null;
}) {
  return (
    <section aria-labelledby="statut-titre" className="rounded border border-line bg-surface p-4">
      <h2 id="statut-titre" className="text-lg font-bold">Statut et publication</h2>
      <p className="mt-2 flex items-center gap-2">
        <span>Statut :</span> <EditorialStatusBadge status={status} />
      </p>
      <p className="mt-2 text-sm text-muted">
        Modifié le <TimeStamp date={new Date(updatedAt)} withTime />
        {updatedBy && <> par {updatedBy}</>}
        {publishedAt && (
          <>
            <br />
            Publié le <TimeStamp date={new Date(publishedAt)} />
          </>
        )}
      </p>
      {allowed.length > 0 && (
        <div className="mt-4">
          <label htmlFor="champ-transitionNote" className="block font-semibold">Note pour l&apos;historique</label>
          <p id="champ-transitionNote-aide" className="text-sm text-muted">Facultatif : la raison du changement de statut.</p>
          <textarea
            id="champ-transitionNote"
            name="transitionNote"
            rows={2}
            aria-describedby="champ-transitionNote-aide"
            className="mt-1 w-full rounded-t border-b-2 border-ink bg-white px-3 py-2"
          />
          <div className="mt-3 flex flex-col gap-2">
            {allowed.map((to) => (
              <SubmitButton key={to} name="intent" value={`status:${to}`} variant={to === "published" || to === "in_review" ? "primary" : "secondary"} pendingLabel="Envoi…">
                {transitionLabels[to]}
              </SubmitButton>
            ))}
          </div>
          <p className="mt-2 text-sm text-muted">Les modifications du formulaire sont enregistrées avant le changement de statut.</p>
        </div>
      )}
      <ul className="mt-4 space-y-1 text-sm">
        <li><Link href={historyHref} className="text-brand underline">Historique des modifications</Link></li>
        {publicHref && <li><Link href={publicHref} className="text-brand underline">Voir la page publique</Link></li>}
      </ul>
    </section>
  );
}
