import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryView } from "@/components/admin/entity-history";
import { requireActor } from "@/lib/auth/guard";
import { getCaseStudyForEdit } from "@/lib/data/admin/case-study-read";
import { listRevisions } from "@/lib/data/admin/revisions";
import { parseHistoryParams } from "@/lib/validation/history-page";

export const metadata: Metadata = { title: "Historique du retour d'expérience" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CaseStudyHistoryPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const [history, study] = await Promise.all([listRevisions(actor, { entityType: "case-study", slug }), getCaseStudyForEdit(actor, slug)]);
  if (!history || !study) notFound();
  const territory = study.snapshot.territory;
  const names = { territories: territory && study.territoryName ? { [territory]: study.territoryName } : {} };
  return (
    <EntityHistoryView
      entityType="case-study"
      history={history}
      current={{ snapshot: study.snapshot, version: study.version, canRestore: study.canRestore, names }}
      params={parseHistoryParams(await searchParams)}
    />
  );
}
