import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t-4 border-brand bg-surface">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-muted md:grid-cols-2">
        <p>
          Un annuaire public des financements de l&apos;inclusion numérique, pour les structures de médiation numérique,
          les collectivités et leurs partenaires. Chaque fiche cite ses sources publiques.
        </p>
        <nav aria-label="Pied de page">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li><Link href="/financements" className="underline">Tous les financements</Link></li>
            <li><Link href="/financeurs" className="underline">Les financeurs</Link></li>
            <li><Link href="/quel-financement" className="underline">Quels financements pour ma structure ?</Link></li>
            <li><Link href="/retours-d-experience" className="underline">Retours d&apos;expérience</Link></li>
            <li><Link href="/territoires" className="underline">Par territoire</Link></li>
            <li><Link href="/effort-financier" className="underline">L&apos;effort financier</Link></li>
            <li><Link href="/proposer" className="underline">Proposer un financement</Link></li>
            <li><Link href="/cartographie" className="underline">La cartographie des financements</Link></li>
            <li><Link href="/api/v1/programmes" prefetch={false} className="underline">API ouverte (JSON)</Link></li>
            <li><Link href="/admin" prefetch={false} className="underline">Espace de curation</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
