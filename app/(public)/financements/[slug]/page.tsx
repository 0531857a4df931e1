import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { JsonLd } from "@/components/json-ld";
import { Markdown } from "@/components/markdown";
import { StatusBadge } from "@/components/status-badge";
import { ProgrammeCard } from "@/components/programme-card";
import { ReopeningNotice } from "@/components/reopening-notice";
import { predictReopening } from "@/lib/programmes/reopening";
import { findSimilarProgrammes } from "@/lib/data/programme-search";
import { getProgrammeBySlug } from "@/lib/data/programmes";
import { getSiteUrl } from "@/lib/site-url";
import { Amounts, Calendar, Coverage, Funders, WhatIsFunded, WhoCanApply } from "./_components/details-sections";
import { KeyFacts } from "./_components/key-facts";
import { ApplicationLinkWarning } from "@/components/link-warning";
import { monetaryGrant } from "./_components/monetary-grant";
import { SourcesSection } from "./_components/sources-section";
import { SLUG } from "@/lib/validation/programme-search";
import { RelatedCaseStudies } from "../../retours-d-experience/_components/related-case-studies";

type Props = { params: Promise<{ slug: string }> };

const loadProgramme = cache(async (slug: string) => (slug.length <= 120 && SLUG.test(slug) ? getProgrammeBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await loadProgramme((await params).slug);
  return programme
    ? { title: programme.title, description: programme.summary, alternates: { canonical: `/financements/${programme.slug}` } }
    : { title: "Financement introuvable" };
}

export default async function ProgrammePage({ params }: Props) {
  const programme = await loadProgramme((await params).slug);
  if (!programme) notFound();
  const similar = await findSimilarProgrammes(programme.slug, 4);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <JsonLd data={monetaryGrant(programme, getSiteUrl())} />
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li><Link href="/financements" className="underline">Financements</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">{programme.title}</li>
        </ol>
      </nav>
      <header className="mt-6 max-w-4xl">
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={programme.status} />
          <Link href={`/financeurs/${programme.funder.slug}`} className="font-medium text-brand underline">
            {programme.funder.name}
          </Link>
        </div>
        <h1 className="mt-3 text-3xl font-bold leading-tight">{programme.title}</h1>
        <p className="mt-3 text-lg">{programme.summary}</p>
      </header>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="order-2 space-y-8 lg:order-1">
          <WhoCanApply programme={programme} />
          <WhatIsFunded programme={programme} />
          <Amounts programme={programme} />
          <Calendar programme={programme} />
          <ReopeningNotice prediction={predictReopening(programme)} />
          <Coverage programme={programme} />
          <section aria-labelledby="description" className="border-t border-line pt-6">
            <h2 id="description" className="text-xl font-bold">Description</h2>
            <Markdown source={programme.description} />
          </section>
          <Funders programme={programme} />
          <SourcesSection programme={programme} />
          <p className="border-t border-line pt-6"><Link href={`/financements/${programme.slug}/signaler`} className="font-semibold text-brand underline">Signaler une erreur sur cette fiche</Link></p>
          <RelatedCaseStudies programme={programme.slug} />
          {similar.length > 0 && (
            <section aria-labelledby="similaires" className="border-t border-line pt-6">
              <h2 id="similaires" className="text-xl font-bold">Financements similaires</h2>
              <div className="mt-4 grid gap-4 md:grid-cols-2">
                {similar.map((p) => <ProgrammeCard key={p.slug} programme={p} />)}
              </div>
            </section>
          )}
        </div>
        <div className="order-1 lg:order-2">
          <div className="lg:sticky lg:top-4">
            <KeyFacts programme={programme} />
            <ApplicationLinkWarning url={programme.applicationUrl} />
          </div>
        </div>
      </div>
    </div>
  );
}
