import Link from "next/link";
import { ProgrammeCard } from "@/components/programme-card";
import { findProgrammes } from "@/lib/data/programmes";
import { getEffortHeadline } from "@/lib/data/effort";
import { getHomeStats } from "@/lib/data/stats";
import { EffortHeadline } from "@/components/effort-headline";
import { FurtherReading } from "@/components/further-reading";
import { plural } from "@/lib/format";
import { type FinancedCode, financedItems } from "@/lib/codes";

const needs: { code: FinancedCode; hint: string }[] = [
  { code: "postes-mediateurs", hint: "Recruter ou pérenniser un conseiller ou un médiateur numérique" },
  { code: "equipement", hint: "Ordinateurs, tablettes, mobilier, espaces numériques" },
  { code: "formation-aidants", hint: "Former les aidants, travailleurs sociaux et bénévoles" },
  { code: "fonctionnement", hint: "Faire vivre un lieu ou une action dans la durée" },
];

export default async function HomePage() {
  const [stats, { items }, effort] = await Promise.all([getHomeStats(), findProgrammes({ perPage: 4 }), getEffortHeadline()]);
  const figures = [
    { value: stats.programmes, label: "programmes de financement recensés" },
    { value: stats.funders, label: `financeurs, de ${stats.funderTypes} types différents` },
    { value: stats.acceptingApplications, label: "dispositifs ouverts aux candidatures aujourd'hui" },
    { value: stats.closingSoon, label: "appels qui se clôturent dans les 30 jours" },
  ];
  return (
    <>
      <section className="bg-brand text-white">
        <div className="mx-auto max-w-6xl px-4 py-12 md:py-16">
          <h1 className="max-w-3xl text-3xl font-bold leading-tight md:text-4xl">
            Trouver un financement pour accompagner chacun au numérique
          </h1>
          <p className="mt-4 max-w-3xl text-lg">
            Appels à projets, subventions, fonds européens, aides des collectivités et des fondations : l&apos;annuaire
            des financements de la médiation et de l&apos;inclusion numériques, avec les liens pour candidater et les
            sources de chaque information.
          </p>
          <form action="/financements" role="search" aria-label="Chercher un financement" className="mt-8 grid max-w-4xl gap-3 rounded-lg bg-white p-4 text-ink md:grid-cols-[1fr_1fr_auto] md:items-end">
            <div>
              <label htmlFor="accueil-q" className="block font-semibold">Ce que vous cherchez</label>
              <input id="accueil-q" name="q" type="search" maxLength={200} placeholder="ex. poste de conseiller numérique"
                className="mt-1 w-full rounded-t border-b-2 border-ink bg-surface px-3 py-2" />
            </div>
            <div>
              <label htmlFor="accueil-lieu" className="block font-semibold">Votre commune ou code postal</label>
              <input id="accueil-lieu" name="lieu" type="text" maxLength={100} placeholder="ex. Brest ou 29200"
                className="mt-1 w-full rounded-t border-b-2 border-ink bg-surface px-3 py-2" />
            </div>
            <button type="submit" className="rounded bg-brand px-6 py-2.5 font-semibold text-white hover:bg-brand-dark">Rechercher</button>
          </form>
        </div>
      </section>

      <section aria-labelledby="chiffres" className="mx-auto max-w-6xl px-4 py-10">
        <h2 id="chiffres" className="text-2xl font-bold">L&apos;annuaire en chiffres</h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {figures.map((f) => (
            <li key={f.label} className="rounded-lg border border-line bg-surface p-5">
              <span className="block text-4xl font-bold text-brand">{f.value}</span>
              <span className="mt-1 block">{f.label}</span>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-sm text-muted">
          La plupart des fiches décrivent des appels passés : ils forment l&apos;histoire du financement de
          l&apos;inclusion numérique depuis 2008 et la base de la mesure de l&apos;effort financier
          ({plural(stats.fundingRecords, "montant documenté", "montants documentés")}).
        </p>
      </section>

      <EffortHeadline {...effort} />

      <p className="mx-auto -mt-6 max-w-6xl px-4 pb-10">
        <Link href="/cartographie" className="font-semibold text-brand underline">La cartographie des financements</Link> :
        qui finance quoi, pour qui, des types de financeurs à leurs programmes, à ce qu&apos;ils financent et à qui peut candidater.
      </p>

      <section aria-labelledby="par-besoin" className="mx-auto max-w-6xl px-4 pb-10">
        <h2 id="par-besoin" className="text-2xl font-bold">Chercher selon votre besoin</h2>
        <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {needs.map((n) => (
            <li key={n.code}>
              <Link href={`/financements?finances=${n.code}`} className="block h-full rounded-lg border border-line p-4 hover:border-brand">
                <span className="block font-semibold text-brand underline">{financedItems.labels[n.code]}</span>
                <span className="mt-1 block text-sm text-muted">{n.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <FurtherReading />

      <section aria-labelledby="a-la-une" className="mx-auto max-w-6xl px-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="a-la-une" className="text-2xl font-bold">Ouverts ou récents</h2>
          <Link href="/financements" className="font-medium text-brand underline">
            Tous les financements
          </Link>
        </div>
        <div className="mt-6 grid gap-4 md:grid-cols-2">
          {items.map((p) => (
            <ProgrammeCard key={p.slug} programme={p} />
          ))}
        </div>
      </section>
    </>
  );
}
