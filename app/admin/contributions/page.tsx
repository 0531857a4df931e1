import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { SelectFilter } from "@/components/admin/filter-form";
import { hrefWith, Pagination } from "@/components/admin/pagination";
import { TimeStamp } from "@/components/admin/time-stamp";
import { ContributionStatusBadge } from "@/components/contributions/status-badge";
import { requireActor } from "@/lib/auth/guard";
import { canReviewContributions } from "@/lib/auth/policy";
import { listContributions } from "@/lib/data/admin/contributions";
import { parseListParams } from "@/lib/validation/admin-list";
import { correctionTopicLabels, type CorrectionTopic } from "@/lib/validation/contribution";
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  contributionKindLabels,
  contributionListSchema,
  contributionStatusLabels,
} from "@/lib/validation/contribution-decision";

export const metadata: Metadata = { title: "Contributions du public" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ContributionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!canReviewContributions(actor)) forbidden();
  const filters = parseListParams(contributionListSchema, await searchParams);
  const list = await listContributions(actor, filters);
  const params = { status: filters.status === "pending" ? undefined : filters.status, kind: filters.kind };
  const statusLabel = filters.status === "all" ? "toutes" : contributionStatusLabels[filters.status].toLowerCase();

  return (
    <div>
      <h1 className="text-3xl font-bold">Contributions du public</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Les financements proposés sur <Link href="/proposer" className="text-brand underline">/proposer</Link> et les erreurs
        signalées sur les fiches. Accepter une proposition crée un brouillon ; accepter une correction l&apos;inscrit dans
        l&apos;historique du programme. Les adresses e-mail ne sont visibles que des curateurs.
      </p>

      <section aria-labelledby="comptes" className="mt-6">
        <h2 id="comptes" className="text-xl font-bold">Par statut</h2>
        <div role="region" aria-labelledby="comptes" tabIndex={0} className="relative mt-3 overflow-x-auto">
          <table className="w-full min-w-[28rem] border-collapse text-left">
            <caption className="sr-only">Nombre de contributions par statut et par type</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">Statut</th>
                {CONTRIBUTION_KINDS.map((k) => <th key={k} scope="col" className="px-3 py-2 text-right">{contributionKindLabels[k]}s</th>)}
              </tr>
            </thead>
            <tbody>
              {CONTRIBUTION_STATUSES.map((s) => (
                <tr key={s} className="border-b border-line">
                  <th scope="row" className="py-2 pr-4 font-semibold">{contributionStatusLabels[s]}</th>
                  {CONTRIBUTION_KINDS.map((k) => (
                    <td key={k} className="px-3 py-2 text-right tabular-nums">
                      <Link href={hrefWith("/admin/contributions", { status: s === "pending" ? undefined : s, kind: k })} className="text-brand underline">
                        {list.counts[s][k]}
                        <span className="sr-only"> {contributionKindLabels[k].toLowerCase()}s : {contributionStatusLabels[s].toLowerCase()}</span>
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <form action="/admin/contributions" aria-labelledby="filtres-titre" className="mt-6 rounded-lg border border-line bg-surface p-4">
        <h2 id="filtres-titre" className="sr-only">Filtrer</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectFilter id="statut" name="status" label="Statut" value={filters.status}
            options={{ ...contributionStatusLabels, all: "Tous les statuts" }} />
          <SelectFilter id="type" name="kind" label="Type" value={filters.kind} options={{ proposal: "Propositions", correction: "Corrections" }} all="Tous les types" />
        </div>
        <p className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">Filtrer</button>
          <Link href="/admin/contributions" className="text-brand underline">Réinitialiser les filtres</Link>
        </p>
      </form>

      {list.total === 0 ? (
        <div className="mt-6 rounded border border-line bg-surface p-6">
          <p className="font-semibold">
            {filters.status === "pending" && !filters.kind
              ? "Aucune contribution à relire : tout est traité."
              : "Aucune contribution ne correspond à ces critères."}
          </p>
          <p className="mt-2">
            Les propositions arrivent par le formulaire public{" "}
            <Link href="/proposer" className="text-brand underline">« Proposer un financement »</Link> et le lien « Signaler
            une erreur » de chaque fiche.
          </p>
        </div>
      ) : (
        <div role="region" aria-labelledby="contributions-legende" tabIndex={0} className="relative mt-6 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left">
            <caption id="contributions-legende" className="mb-2 text-left text-muted">
              Contributions ({statusLabel}{filters.kind ? `, ${contributionKindLabels[filters.kind].toLowerCase()}s` : ""}),{" "}
              {filters.status === "pending" ? "les plus anciennes d'abord" : "les plus récentes d'abord"}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">Objet</th>
                <th scope="col" className="px-3 py-2">Type</th>
                <th scope="col" className="px-3 py-2">Par</th>
                <th scope="col" className="px-3 py-2">Reçue le</th>
                <th scope="col" className="py-2 pl-3">Statut</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id} className="border-b border-line align-top hover:bg-surface">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/admin/contributions/${c.id}`} className="font-semibold text-brand underline">{c.title}</Link>
                    {c.topic && (
                      <span className="block text-sm text-muted">
                        {correctionTopicLabels[c.topic as CorrectionTopic] ?? c.topic}
                      </span>
                    )}
                  </th>
                  <td className="px-3 py-2">{contributionKindLabels[c.kind]}</td>
                  <td className="px-3 py-2">{c.proposer}</td>
                  <td className="px-3 py-2 whitespace-nowrap"><TimeStamp date={c.createdAt} withTime /></td>
                  <td className="py-2 pl-3"><ContributionStatusBadge status={c.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination path="/admin/contributions" params={params} page={list.page} perPage={list.perPage} total={list.total} noun={["contribution", "contributions"]} none="Aucune contribution" />
    </div>
  );
}
