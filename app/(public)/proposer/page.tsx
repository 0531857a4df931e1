import type { Metadata } from "next";
import Link from "next/link";
import { ProposalForm } from "@/components/contributions/proposal-form";
import { proposeProgrammeAction } from "@/lib/actions/contributions-public";
import { listPublishedFunderNames } from "@/lib/data/contributions";

export const metadata: Metadata = {
  title: "Proposer un financement",
  description: "Signalez à l'équipe un appel à projets, une subvention ou une aide de l'inclusion numérique qui manque à l'annuaire.",
  alternates: { canonical: "/proposer" },
};

export const dynamic = "force-dynamic";

export default async function ProposePage() {
  const funderNames = await listPublishedFunderNames();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">Proposer un financement</li>
        </ol>
      </nav>
      <h1 className="mt-6 text-3xl font-bold">Proposer un financement</h1>
      <p className="mt-3 text-lg">
        Un appel à projets, une subvention, un fonds d&apos;une collectivité ou d&apos;une fondation manque à
        l&apos;annuaire ? Décrivez-le : l&apos;équipe le vérifie auprès de sa source avant de le publier.
      </p>
      <p className="mt-2 text-muted">
        Une information fausse sur une fiche existante ? Utilisez plutôt le lien « Signaler une erreur » en bas de
        la fiche.
      </p>
      <ProposalForm action={proposeProgrammeAction} funderNames={funderNames} />
    </div>
  );
}
