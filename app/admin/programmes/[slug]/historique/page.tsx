import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntityHistoryView } from "@/components/admin/entity-history";
import { requireActor } from "@/lib/auth/guard";
import { getProgrammeForEdit } from "@/lib/data/admin/programme-read";
import { listRevisions } from "@/lib/data/admin/revisions";
import { parseHistoryParams } from "@/lib/validation/history-page";

export const metadata: Metadata = { title: "Historique du programme" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProgrammeHistoryPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const [history, programme] = await Promise.all([
    listRevisions(actor, { entityType: "programme", slug }),
    getProgrammeForEdit(actor, slug),
  ]);
  if (!history || !programme) notFound();
  return (
    <EntityHistoryView
      entityType="programme"
      history={history}
      current={{ snapshot: programme.snapshot, version: programme.version, canRestore: programme.canRestore, names: programme.names }}
      params={parseHistoryParams(await searchParams)}
    />
  );
}
