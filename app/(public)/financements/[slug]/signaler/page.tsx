import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CorrectionForm } from "@/components/contributions/correction-form";
import { reportErrorAction } from "@/lib/actions/contributions-public";
import { getProgrammeForCorrection } from "@/lib/data/contributions";
import { SLUG } from "@/lib/validation/programme-search";

type Props = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => (slug.length <= 120 && SLUG.test(slug) ? getProgrammeForCorrection(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await load((await params).slug);
  return programme
    ? { title: `Signaler une erreur — ${programme.title}`, robots: { index: false } }
    : { title: "Financement introuvable" };
}

export const dynamic = "force-dynamic";

export default async function ReportErrorPage({ params }: Props) {
  const programme = await load((await params).slug);
  if (!programme) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li><Link href="/financements" className="underline">Financements</Link> <span aria-hidden="true">›</span></li>
          <li><Link href={`/financements/${programme.slug}`} className="underline">{programme.title}</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">Signaler une erreur</li>
        </ol>
      </nav>
      <h1 className="mt-6 text-3xl font-bold">Signaler une erreur</h1>
      <p className="mt-3 text-lg">
        Sur la fiche « <Link href={`/financements/${programme.slug}`} className="text-brand underline">{programme.title}</Link> »
        ({programme.funder.name}). L&apos;équipe vérifie chaque signalement auprès de la source avant de corriger la fiche.
      </p>
      <CorrectionForm action={reportErrorAction} programme={{ slug: programme.slug, title: programme.title }} />
    </div>
  );
}
