import Link from "next/link";
import { EditorialStatusBadge } from "@/components/admin/editorial-status-badge";
import { adminEntityHref } from "@/components/admin/entity-links";
import { FocusOnMount } from "@/components/admin/focus-on-mount";
import { TimeStamp } from "@/components/admin/time-stamp";
import { archiveFromQueue, verifyFromQueue } from "@/lib/actions/quality";
import type { QualityContributionItem, QualityItem, QualityProgrammeItem } from "@/lib/data/admin/quality";
import { type QualityKind, qualityKindLabels } from "@/lib/validation/quality-queue";

const buttonClass = "rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark";
const secondaryClass = "inline-block rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-light";

/** One entry of the quality queue: what is wrong with it, and what a person can do from here. */
export function QualityItemCard(props: {
  item: QualityItem;
  /** The queue's query string (filters, page), sent back by the forms. */
  back: string;
  /** Where « Archiver » asks for confirmation (this page with `archiver=<slug>`). */
  archiveHref: (slug: string) => string;
  cancelHref: string;
  confirmingArchive: boolean;
  canAct: boolean;
}) {
  const { item } = props;
  return (
    <li>
      <article aria-labelledby={`fiche-${item.id}`} className="rounded-lg border border-line p-4">
        {item.type === "programme" ? <ProgrammeItem {...props} item={item} /> : <ContributionItem item={item} />}
      </article>
    </li>
  );
}

function KindBadges({ kinds }: { kinds: QualityKind[] }) {
  return (
    <p className="mt-2 flex flex-wrap gap-2">
      <span className="sr-only">Problèmes : </span>
      {kinds.map((kind, index) => (
        <span key={kind} className="rounded bg-warning-light px-2 py-0.5 text-sm font-semibold text-[#8a2c00]">
          {qualityKindLabels[kind]}
          {index < kinds.length - 1 && <span className="sr-only">, </span>}
        </span>
      ))}
    </p>
  );
}

function ProgrammeItem({
  item, back, archiveHref, cancelHref, confirmingArchive, canAct,
}: Parameters<typeof QualityItemCard>[0] & { item: QualityProgrammeItem }) {
  const editHref = adminEntityHref("programme", item.slug);
  const hidden = (
    <>
      <input type="hidden" name="slug" value={item.slug} />
      <input type="hidden" name="version" value={item.version} />
      <input type="hidden" name="back" value={back} />
    </>
  );
  const confirmId = `archiver-${item.slug}`;
  return (
    <>
      <h3 id={`fiche-${item.id}`} className="text-lg font-bold">
        <Link href={editHref} className="text-brand underline">{item.title}</Link>
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
        <span>{item.funder.name}</span>
        <EditorialStatusBadge status={item.status} />
      </p>
      <KindBadges kinds={item.kinds} />
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {item.kinds.map((kind) => (
          <li key={kind}><KindDetail kind={kind} item={item} /></li>
        ))}
      </ul>

      <div className="mt-3 flex flex-wrap items-start gap-3">
        {canAct && (
          <details className="rounded border border-line">
            <summary className="cursor-pointer px-4 py-2 font-semibold text-brand">Vérifié aujourd&apos;hui…</summary>
            <form action={verifyFromQueue} className="border-t border-line p-3">
              {hidden}
              <label htmlFor={`note-${item.slug}`} className="block font-semibold">
                Ce que vous avez vérifié <span className="font-normal text-muted">(facultatif)</span>
              </label>
              <input
                id={`note-${item.slug}`}
                name="note"
                type="text"
                maxLength={1000}
                className="mt-1 block w-full min-w-64 rounded border border-muted bg-white px-3 py-2"
              />
              <button type="submit" className={`mt-2 ${buttonClass}`}>
                Vérifié aujourd&apos;hui<span className="sr-only"> : {item.title}</span>
              </button>
            </form>
          </details>
        )}
        <Link href={editHref} className={secondaryClass}>
          {canAct ? "Modifier" : "Ouvrir la fiche"}<span className="sr-only"> : {item.title}</span>
        </Link>
        {canAct && !confirmingArchive && (
          <Link href={archiveHref(item.slug)} className={secondaryClass}>
            Archiver<span className="sr-only"> : {item.title}</span>
          </Link>
        )}
      </div>

      {canAct && confirmingArchive && (
        <div id={confirmId} tabIndex={-1} role="group" aria-labelledby={`${confirmId}-titre`} className="mt-3 rounded border-l-4 border-accent bg-warning-light p-4 focus:outline-3 focus:outline-[#0a76f6]">
          <FocusOnMount id={confirmId} />
          <p id={`${confirmId}-titre`} className="font-semibold">Archiver « {item.title} » ?</p>
          <p className="mt-1">Elle n&apos;apparaîtra plus sur le site public ; elle reste dans l&apos;historique et peut être republiée.</p>
          <form action={archiveFromQueue} className="mt-3 flex flex-wrap items-center gap-3">
            {hidden}
            <button type="submit" className={buttonClass}>Confirmer l&apos;archivage</button>
            <Link href={cancelHref} className="text-brand underline">Annuler</Link>
          </form>
        </div>
      )}
    </>
  );
}

function KindDetail({ kind, item }: { kind: QualityKind; item: QualityProgrammeItem }) {
  switch (kind) {
    case "broken-link":
      return (
        <>
          Le lien de candidature (<span className="break-all">{item.applicationUrl}</span>) a échoué{" "}
          {item.link ? `${item.link.failures} fois de suite` : "plusieurs fois de suite"}
          {item.link?.failingSince && <>, depuis le <TimeStamp date={item.link.failingSince} /></>}
          {item.link && <> (dernier essai le <TimeStamp date={item.link.checkedAt} />)</>}.
        </>
      );
    case "past-closing":
      return item.closesAt ? (
        <>
          La clôture du <TimeStamp date={item.closesAt} /> est passée, mais la fiche n&apos;est pas déclarée close : déclarez-la close ou
          indiquez la prochaine session.
        </>
      ) : (
        <>
          Toutes ses sessions sont passées
          {item.lastRoundClosesAt && <> (dernière clôture le <TimeStamp date={item.lastRoundClosesAt} />)</>}, et la fiche s&apos;affiche
          « Ouvert » faute de date de clôture.
        </>
      );
    case "review-note":
      return <>Note de relecture : « {item.reviewNote} »</>;
    case "no-application-url":
      return <>Aucun lien de candidature, alors que l&apos;appel n&apos;est pas clos.</>;
    case "no-amount":
      return <>Aucun montant (total, minimum, maximum) ni note sur les montants.</>;
    case "unverified":
      return item.lastVerifiedAt ? (
        <>Vérifiée auprès de la source le <TimeStamp date={item.lastVerifiedAt} />, il y a plus de 6 mois.</>
      ) : (
        <>Jamais vérifiée auprès de la source.</>
      );
    default:
      return null;
  }
}

function ContributionItem({ item }: { item: QualityContributionItem }) {
  return (
    <>
      <h3 id={`fiche-${item.id}`} className="text-lg font-bold">
        <Link href={`/admin/contributions/${item.id}`} className="text-brand underline">
          {item.contributionKind === "proposal" ? `Proposition : ${item.title}` : `Correction : ${item.title}`}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-muted">
        {item.contributionKind === "proposal" ? "Nouveau programme proposé par le public" : "Erreur signalée par le public"}
        {item.funderName && <> · {item.funderName}</>} · reçue le <TimeStamp date={item.createdAt} />
      </p>
      <KindBadges kinds={item.kinds} />
      <p className="mt-3">
        <Link href={`/admin/contributions/${item.id}`} className={secondaryClass}>
          Examiner la contribution<span className="sr-only"> : {item.title}</span>
        </Link>
      </p>
    </>
  );
}
