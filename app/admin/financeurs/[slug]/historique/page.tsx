import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryView } from "@/components/admin/entity-history";
import { requireActor } from "@/lib/auth/guard";
import { getFunderForEdit } from "@/lib/data/admin/funder-read";
import { listRevisions } from "@/lib/data/admin/revisions";
import { parseHistoryParams } from "@/lib/validation/history-page";

export const metadata: Metadata = { title: "Historique du financeur" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function FunderHistoryPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const [history, funder] = await Promise.all([listRevisions(actor, { entityType: "funder", slug }), getFunderForEdit(actor, slug)]);
  if (!history || !funder) notFound();
  const territory = funder.snapshot.territory;
  const names = { territories: territory && funder.territoryName ? { [territory]: funder.territoryName } : {} };
  return (
    <EntityHistoryView
      entityType="funder"
      history={history}
      current={{ snapshot: funder.snapshot, version: funder.version, canRestore: funder.canRestore, names }}
      params={parseHistoryParams(await searchParams)}
    />
  );
}
