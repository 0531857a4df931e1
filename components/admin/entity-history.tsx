import Link from "next/link";
import type { EntityHistory, RevisionView } from "@/lib/data/admin/revisions";
import { restoreRevisionAction } from "@/lib/actions/revisions";
import { type DiffNames, diffSnapshots } from "@/lib/revisions/diff";
import type { HistoryPageParams, RestoreError } from "@/lib/validation/history-page";
import { EditorialStatusBadge } from "./editorial-status-badge";
import { FocusOnMount } from "./focus-on-mount";
import { adminEntityHref, adminHistoryHref, type AdminEntityType } from "./entity-links";
import { RevisionDiff } from "./revision-diff";
import { TimeStamp } from "./time-stamp";

export interface CurrentState {
  snapshot: Record<string, unknown>;
  version: number;
  canRestore: boolean;
  names: DiffNames;
}

const sections: Record<AdminEntityType, { path: string; label: string }> = {
  programme: { path: "/admin/programmes", label: "Tous les programmes" },
  funder: { path: "/admin/financeurs", label: "Tous les financeurs" },
  "funding-record": { path: "/admin/effort", label: "Tous les montants" },
  "case-study": { path: "/admin/retours-d-experience", label: "Tous les retours d'expérience" },
};

const errorMessages: Record<RestoreError, (version: number) => string> = {
  conflit: (v) =>
    `Cette fiche a été enregistrée par quelqu'un d'autre pendant que vous consultiez l'historique (elle est maintenant à la version ${v}) : rien n'a été restauré. Relisez ci-dessous ce que la restauration changerait par rapport à son état actuel, puis confirmez à nouveau si vous le souhaitez.`,
  invalide: () =>
    "Cette version ne peut pas être restaurée telle quelle : elle ne respecte plus les règles de saisie actuelles (par exemple un financeur qui n'est plus publié, ou une valeur devenue invalide). Rien n'a été modifié ; reportez à la main, depuis la fiche, les valeurs que vous voulez reprendre.",
  interdit: () => "Votre rôle ne permet pas de restaurer une version de cette fiche. Rien n'a été modifié.",
  introuvable: () => "Cette version est introuvable pour cette fiche. Rien n'a été modifié.",
};

/**
 * An entry's history: each revision, newest first, with what it changed field by field, and
 * « Restaurer cette version » (a confirmation step showing what the restore would change, then a
 * plain form posting to a server action; the restore is itself a new revision).
 */
export function EntityHistoryView({
  entityType, history, current, params,
}: {
  entityType: AdminEntityType;
  history: EntityHistory;
  current: CurrentState;
  params: HistoryPageParams;
}) {
  const { entity, revisions } = history;
  const here = adminHistoryHref(entityType, entity.slug);
  const toConfirm = current.canRestore && params.restaurer ? revisions.find((r) => r.id === params.restaurer && r.after) : undefined;
  const restorable = (r: RevisionView, index: number) => current.canRestore && index > 0 && r.after !== null;

  return (
    <div>
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-x-2">
          <li>
            <Link href={sections[entityType].path} className="text-brand underline">{sections[entityType].label}</Link>
            <span aria-hidden="true"> ›</span>
          </li>
          <li>
            <Link href={adminEntityHref(entityType, entity.slug)} className="text-brand underline">{entity.label}</Link>
            <span aria-hidden="true"> ›</span>
          </li>
          <li aria-current="page">Historique</li>
        </ol>
      </nav>
      <h1 className="mt-2 text-3xl font-bold">Historique : {entity.label}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3 text-muted">
        <EditorialStatusBadge status={entity.status} />
        <span>Version actuelle : {entity.version}</span>
        <Link href={adminEntityHref(entityType, entity.slug)} className="text-brand underline">Modifier la fiche</Link>
      </p>

      <Outcome params={params} version={entity.version} />

      {toConfirm && (
        <RestoreConfirmation
          entityType={entityType}
          slug={entity.slug}
          revision={toConfirm}
          current={current}
          error={params.erreur === "conflit" || params.erreur === "invalide" ? params.erreur : undefined}
          cancelHref={here}
        />
      )}

      <h2 className="mt-8 text-2xl font-bold">
        {revisions.length === 0 ? "Aucune version enregistrée" : revisions.length === 1 ? "1 version enregistrée" : `${revisions.length} versions enregistrées`}
      </h2>
      {revisions.length === 0 ? (
        <p className="mt-3 rounded bg-surface p-4">
          Aucune modification n&apos;a encore été enregistrée pour cette fiche depuis l&apos;espace de curation (elle vient du catalogue
          initial). Chaque enregistrement, changement de statut, vérification ou restauration apparaîtra ici.
        </p>
      ) : (
        <ol className="mt-4 space-y-4">
          {revisions.map((revision, index) => (
            <li key={revision.id}>
              <RevisionArticle revision={revision} restoreHref={restorable(revision, index) ? `${here}?restaurer=${revision.id}#confirmation` : null} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Outcome({ params, version }: { params: HistoryPageParams; version: number }) {
  if (params.restauree) {
    return (
      <div id="resultat" role="status" tabIndex={-1} className="mt-6 border-l-4 border-success bg-success-light p-4 text-[#0b4e24]">
        <FocusOnMount id="resultat" />
        {params.depuis ? `La version ${params.depuis} a été restaurée.` : "La version a été restaurée."} La fiche est maintenant à la version{" "}
        {params.restauree} ; la restauration figure en tête de l&apos;historique.
      </div>
    );
  }
  if (params.erreur === "interdit" || params.erreur === "introuvable") {
    return (
      <div id="resultat" role="alert" tabIndex={-1} className="mt-6 border-l-4 border-accent bg-warning-light p-4">
        <FocusOnMount id="resultat" />
        {errorMessages[params.erreur](version)}
      </div>
    );
  }
  return null;
}

function RestoreConfirmation({
  entityType, slug, revision, current, error, cancelHref,
}: {
  entityType: AdminEntityType;
  slug: string;
  revision: RevisionView;
  current: CurrentState;
  error: "conflit" | "invalide" | undefined;
  cancelHref: string;
}) {
  // The restore brings back the fields, never the editorial status (that goes through the workflow).
  const target = { ...revision.after, status: current.snapshot.status };
  const changes = diffSnapshots(current.snapshot, target, { entityType, names: current.names });
  const name = revision.version ? `la version ${revision.version}` : "cette version";
  return (
    <section id="confirmation" tabIndex={-1} aria-labelledby="confirmation-titre" className="mt-6 rounded-lg border-2 border-brand p-4">
      {!error && <FocusOnMount id="confirmation" />}
      <h2 id="confirmation-titre" className="text-2xl font-bold">
        Restaurer {name} du <TimeStamp date={revision.createdAt} withTime /> ?
      </h2>
      {error && (
        <p id="erreur-restauration" role="alert" tabIndex={-1} className="mt-3 border-l-4 border-accent bg-warning-light p-3">
          <FocusOnMount id="erreur-restauration" />
          {errorMessages[error](current.version)}
        </p>
      )}
      {changes.length === 0 ? (
        <>
          <p className="mt-3">Cette version est identique à l&apos;état actuel de la fiche : la restaurer ne changerait rien.</p>
          <p className="mt-3">
            <Link href={cancelHref} className="text-brand underline">Revenir à l&apos;historique</Link>
          </p>
        </>
      ) : (
        <>
          <p className="mt-3">
            Les champs ci-dessous reprendront les valeurs de cette version (« Avant » : la fiche aujourd&apos;hui, « Après » : une fois
            restaurée). Le statut éditorial ne change pas. La restauration est enregistrée comme une nouvelle version : rien n&apos;est perdu.
          </p>
          <RevisionDiff changes={changes} />
          <form action={restoreRevisionAction} className="mt-4">
            <input type="hidden" name="entityType" value={entityType} />
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="revisionId" value={revision.id} />
            <input type="hidden" name="version" value={current.version} />
            {revision.version && <input type="hidden" name="from" value={revision.version} />}
            <label htmlFor="note-restauration" className="font-semibold">Note (facultatif)</label>
            <p id="note-restauration-aide" className="text-sm text-muted">Pourquoi revenir à cette version ? La note figure dans l&apos;historique.</p>
            <textarea
              id="note-restauration"
              name="note"
              rows={2}
              maxLength={2000}
              aria-describedby="note-restauration-aide"
              className="mt-1 block w-full rounded border border-muted px-3 py-2"
            />
            <p className="mt-3 flex flex-wrap items-center gap-4">
              <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
                Confirmer la restauration
              </button>
              <Link href={cancelHref} className="text-brand underline">Annuler</Link>
            </p>
          </form>
        </>
      )}
    </section>
  );
}

function RevisionArticle({ revision, restoreHref }: { revision: RevisionView; restoreHref: string | null }) {
  const titleId = `version-${revision.id}`;
  const initial = revision.action === "create" && revision.before === null;
  return (
    <article aria-labelledby={titleId} className="rounded-lg border border-line p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="text-xl font-bold">
          {revision.actionLabel}
          {revision.version !== null && <span className="font-normal text-muted"> — version {revision.version}</span>}
        </h3>
        <p className="text-sm text-muted">
          <TimeStamp date={revision.createdAt} withTime /> · {revision.author ? `par ${revision.author.name}` : "auteur inconnu"}
        </p>
      </div>
      {revision.note && (
        <p className="mt-2">
          <span className="font-medium">Note : </span>
          {revision.note}
        </p>
      )}
      {initial ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-brand underline">
            Voir les {revision.changes.length} champs renseignés à la création
          </summary>
          <RevisionDiff changes={revision.changes} initial />
        </details>
      ) : (
        <RevisionDiff changes={revision.changes} />
      )}
      {restoreHref && (
        <p className="mt-3">
          <Link href={restoreHref} className="inline-block rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-light">
            Restaurer cette version
            {revision.version !== null && <span className="sr-only"> (version {revision.version})</span>}
          </Link>
        </p>
      )}
    </article>
  );
}
