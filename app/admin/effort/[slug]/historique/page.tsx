import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryView } from "@/components/admin/entity-history";
import { requireActor } from "@/lib/auth/guard";
import { getFundingRecordForEdit } from "@/lib/data/admin/funding-record-read";
import { listRevisions } from "@/lib/data/admin/revisions";
import { parseHistoryParams } from "@/lib/validation/history-page";

export const metadata: Metadata = { title: "Historique du montant" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function FundingRecordHistoryPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const [history, record] = await Promise.all([listRevisions(actor, { entityType: "funding-record", slug }), getFundingRecordForEdit(actor, slug)]);
  if (!history || !record) notFound();
  const territory = record.snapshot.territory;
  const names = { territories: territory && record.territoryName ? { [territory]: record.territoryName } : {} };
  return (
    <EntityHistoryView
      entityType="funding-record"
      history={history}
      current={{ snapshot: record.snapshot, version: record.version, canRestore: record.canRestore, names }}
      params={parseHistoryParams(await searchParams)}
    />
  );
}
