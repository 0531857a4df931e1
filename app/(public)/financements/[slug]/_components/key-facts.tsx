import { beneficiaries } from "@/lib/codes";
import { formatEuros } from "@/lib/format";
import { formatParisDate } from "@/lib/paris-time";
import type { ProgrammeDetail } from "@/lib/data/programmes";
import { StatusBadge } from "@/components/status-badge";
import { isAcceptingApplications } from "@/lib/programmes/calendar-status";

/** The box someone deciding whether to apply reads first: until when, how much, who, how to apply. */
export function KeyFacts({ programme: p }: { programme: ProgrammeDetail }) {
  const amount =
    p.amountMax !== null
      ? `Jusqu'à ${formatEuros(p.amountMax)} par projet`
      : p.amountTotal !== null
        ? `Enveloppe totale : ${formatEuros(p.amountTotal)}`
        : "Non précisé par les sources";
  return (
    <aside aria-labelledby="essentiel" className="rounded-lg border-2 border-brand bg-white p-5">
      <h2 id="essentiel" className="text-xl font-bold">L&apos;essentiel</h2>
      <dl className="mt-4 space-y-3">
        <div>
          <dt className="font-semibold">État</dt>
          <dd className="mt-1"><StatusBadge status={p.status} /></dd>
        </div>
        <div>
          <dt className="font-semibold">Date limite</dt>
          <dd>
            {p.closesAt
              ? formatParisDate(p.closesAt)
              : p.recurrence === "permanent"
                ? "Dépôt possible toute l'année"
                : "Non précisée"}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Montant</dt>
          <dd>{amount}</dd>
        </div>
        <div>
          <dt className="font-semibold">Pour qui</dt>
          <dd>{p.beneficiaries.length ? p.beneficiaries.map((b) => beneficiaries.labels[b]).join(", ") : "Non précisé"}</dd>
        </div>
        <div>
          <dt className="font-semibold">Territoire</dt>
          <dd>{p.isNational ? "France entière" : p.territories.map((t) => t.name).join(", ")}</dd>
        </div>
      </dl>
      {p.applicationUrl ? (
        <a
          href={p.applicationUrl}
          rel="noopener noreferrer"
          className="mt-5 block rounded bg-brand px-4 py-3 text-center font-semibold text-white hover:bg-brand-dark"
        >
          {isAcceptingApplications(p.status) ? "Candidater" : "Voir la page de candidature"}
          <span className="sr-only"> (site du financeur)</span>
        </a>
      ) : (
        <p className="mt-5 rounded bg-surface p-3 text-sm">
          Aucun lien de candidature n&apos;est connu : consultez les sources ci-dessous ou contactez le financeur.
        </p>
      )}
    </aside>
  );
}
