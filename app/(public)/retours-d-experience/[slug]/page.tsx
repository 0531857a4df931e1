import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Markdown } from "@/components/markdown";
import { getCaseStudyBySlug } from "@/lib/data/case-studies";
import { SLUG } from "@/lib/validation/programme-search";

type Props = { params: Promise<{ slug: string }> };

const loadCaseStudy = cache(async (slug: string) => (slug.length <= 120 && SLUG.test(slug) ? getCaseStudyBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const study = await loadCaseStudy((await params).slug);
  return study
    ? { title: study.title, description: study.summary, alternates: { canonical: `/retours-d-experience/${study.slug}` } }
    : { title: "Retour d'expérience introuvable" };
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
};

export default async function CaseStudyPage({ params }: Props) {
  const study = await loadCaseStudy((await params).slug);
  if (!study) notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li><Link href="/retours-d-experience" className="underline">Retours d&apos;expérience</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">{study.title}</li>
        </ol>
      </nav>
      <header className="mt-6 max-w-4xl">
        {study.territory && (
          <p className="font-medium text-muted">
            <Link href={`/territoires/${study.territory.id.replace(":", "/")}`} className="underline">{study.territory.name}</Link>
          </p>
        )}
        <h1 className="mt-2 text-3xl font-bold leading-tight">{study.title}</h1>
        <p className="mt-3 text-lg">{study.summary}</p>
      </header>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <article className="min-w-0 max-w-3xl">
          <Markdown source={study.body} />
          <section aria-labelledby="sources" className="mt-8 border-t border-line pt-6">
            <h2 id="sources" className="text-xl font-bold">Sources</h2>
            <ol className="mt-3 list-decimal space-y-1 pl-6">
              {study.sourceUrls.map((url) => (
                <li key={url}>
                  <a href={url} rel="noopener noreferrer" className="break-words text-brand underline">{hostOf(url)}</a>
                  <span className="block break-all text-sm text-muted">{url}</span>
                </li>
              ))}
            </ol>
          </section>
        </article>
        <aside aria-label="Dans le catalogue" className="space-y-6">
          <section aria-labelledby="financeurs-lies" className="rounded-lg bg-brand-light p-4">
            <h2 id="financeurs-lies" className="font-bold">Financeurs dans l&apos;annuaire</h2>
            {study.funders.length === 0 ? (
              <p className="mt-2 text-sm">Aucun des financeurs cités n&apos;a encore de fiche : voir les « Repères ».</p>
            ) : (
              <ul className="mt-2 space-y-1">
                {study.funders.map((f) => (
                  <li key={f.slug}><Link href={`/financeurs/${f.slug}`} className="text-brand underline">{f.name}</Link></li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="programmes-lies" className="rounded-lg bg-brand-light p-4">
            <h2 id="programmes-lies" className="font-bold">Programmes dans l&apos;annuaire</h2>
            {study.programmes.length === 0 ? (
              <p className="mt-2 text-sm">Aucun des programmes cités n&apos;a encore de fiche : voir les « Repères ».</p>
            ) : (
              <ul className="mt-2 space-y-1">
                {study.programmes.map((p) => (
                  <li key={p.slug}><Link href={`/financements/${p.slug}`} className="text-brand underline">{p.title}</Link></li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
