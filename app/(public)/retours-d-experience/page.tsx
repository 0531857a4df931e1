import type { Metadata } from "next";
import Link from "next/link";
import { listCaseStudies } from "@/lib/data/case-studies";
import { plural } from "@/lib/format";

export const metadata: Metadata = {
  title: "Retours d'expérience",
  description: "Comment des structures de l'inclusion numérique ont assemblé leurs financements : hubs, PIMMS, pass numériques, conseillers mutualisés, fonds européens…",
};

export default async function CaseStudiesPage() {
  const studies = await listCaseStudies();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">Retours d&apos;expérience</li>
        </ol>
      </nav>
      <h1 className="mt-6 text-3xl font-bold">Retours d&apos;expérience</h1>
      <p className="mt-3 max-w-3xl text-lg">
        Comment des structures ont assemblé leurs financements, ce qui a marché et ce qui a manqué. Chaque récit
        s&apos;appuie sur des sources publiques, citées en bas de page.
      </p>
      <p className="mt-2 text-muted">{plural(studies.length, "retour d'expérience", "retours d'expérience")}</p>
      {studies.length === 0 ? (
        <p className="mt-6 text-muted">Aucun retour d&apos;expérience publié pour l&apos;instant.</p>
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {studies.map((s) => (
            <li key={s.slug} className="flex flex-col rounded-lg border border-line bg-white p-5">
              <h2 className="text-lg font-bold leading-snug">
                <Link href={`/retours-d-experience/${s.slug}`} className="text-brand underline">{s.title}</Link>
              </h2>
              <p className="mt-2">{s.summary}</p>
              <dl className="mt-3 space-y-1 text-sm">
                <div>
                  <dt className="inline font-semibold">Territoire : </dt>
                  <dd className="inline">{s.territory ? s.territory.name : "plusieurs territoires"}</dd>
                </div>
                {s.funders.length > 0 && (
                  <div>
                    <dt className="inline font-semibold">Financeurs : </dt>
                    <dd className="inline">{s.funders.map((f) => f.name).join(", ")}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
