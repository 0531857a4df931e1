import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProgrammeCard } from "@/components/programme-card";
import { funderTypes } from "@/lib/codes";
import { getFunderBySlug } from "@/lib/data/funders";
import { formatEuros, plural } from "@/lib/format";
import { SLUG } from "@/lib/validation/programme-search";
import { RelatedCaseStudies } from "../../retours-d-experience/_components/related-case-studies";

type Props = { params: Promise<{ slug: string }> };

const loadFunder = cache(async (slug: string) => (slug.length <= 120 && SLUG.test(slug) ? getFunderBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const funder = await loadFunder((await params).slug);
  return funder ? { title: funder.name, description: funder.description ?? undefined } : { title: "Financeur introuvable" };
}

export default async function FunderPage({ params }: Props) {
  const funder = await loadFunder((await params).slug);
  if (!funder) notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li><Link href="/financeurs" className="underline">Financeurs</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">{funder.name}</li>
        </ol>
      </nav>
      <header className="mt-6 max-w-4xl">
        <p className="font-medium text-muted">
          {funderTypes.labels[funder.type]}
          {funder.territory && ` · ${funder.territory.name}`}
        </p>
        <h1 className="mt-2 text-3xl font-bold">
          {funder.name}
          {funder.acronym && <span className="text-muted"> ({funder.acronym})</span>}
        </h1>
        {funder.description && <p className="mt-3 text-lg">{funder.description}</p>}
        {funder.website && (
          <p className="mt-3">
            <a href={funder.website} rel="noopener noreferrer" className="text-brand underline">
              Site du financeur<span className="sr-only"> {funder.name}</span>
            </a>
          </p>
        )}
      </header>

      <section aria-labelledby="programmes" className="mt-10">
        <h2 id="programmes" className="text-2xl font-bold">
          {plural(funder.programmes.length, "programme financé", "programmes financés")}
        </h2>
        {funder.programmes.length === 0 ? (
          <p className="mt-4 text-muted">Aucun programme publié pour ce financeur.</p>
        ) : (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {funder.programmes.map((p) => <ProgrammeCard key={p.slug} programme={p} />)}
          </div>
        )}
      </section>

      {funder.coFundedProgrammes.length > 0 && (
        <section aria-labelledby="cofinances" className="mt-10">
          <h2 id="cofinances" className="text-2xl font-bold">Programmes cofinancés</h2>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {funder.coFundedProgrammes.map((p) => <ProgrammeCard key={p.slug} programme={p} />)}
          </div>
        </section>
      )}

      {funder.records.length > 0 && (
        <section aria-labelledby="montants" className="mt-10">
          <h2 id="montants" className="text-2xl font-bold">Montants engagés documentés</h2>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Montants engagés ou dépensés par {funder.name}, avec leurs sources</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">Objet</th>
                  <th scope="col" className="py-2 pr-4">Années</th>
                  <th scope="col" className="py-2 pr-4 text-right">Montant</th>
                  <th scope="col" className="py-2">Sources</th>
                </tr>
              </thead>
              <tbody>
                {funder.records.map((r) => (
                  <tr key={r.slug} className="border-b border-line align-top">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {r.label}
                      {r.note && <span className="block text-sm text-muted">{r.note}</span>}
                    </th>
                    <td className="py-2 pr-4">{r.yearStart === r.yearEnd ? r.yearStart : `${r.yearStart}–${r.yearEnd}`}</td>
                    <td className="py-2 pr-4 text-right">{r.amount !== null ? formatEuros(r.amount) : "Sources divergentes"}</td>
                    <td className="py-2">
                      <ul>
                        {r.sourceUrls.map((url, i) => (
                          <li key={url}>
                            <a href={url} rel="noopener noreferrer" className="text-brand underline">
                              Source {i + 1}<span className="sr-only"> : {r.label}</span>
                            </a>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <RelatedCaseStudies funder={funder.slug} />
    </div>
  );
}
