import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { FunderForm } from "@/components/admin/form/funder/funder-form";
import { requireActor } from "@/lib/auth/guard";
import { getFunderForEdit } from "@/lib/data/admin/funder-read";
import { plural } from "@/lib/format";
import { funderFormValuesFromSnapshot } from "@/lib/validation/admin-funder-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Modifier un financeur" };

export default async function EditFunderPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const entry = await getFunderForEdit(actor, slug);
  if (!entry) notFound();
  const query = await searchParams;
  const notice = query.cree ? "Brouillon créé." : query.enregistre ? "Modifications enregistrées." : null;
  const programmes = entry.programmeCounts;
  const total = programmes.draft + programmes.in_review + programmes.published + programmes.archived;

  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/financeurs", label: "Financeurs" }]} current={entry.snapshot.name} />
      <h1 className="mt-4 text-3xl font-bold">{entry.snapshot.name}</h1>
      <p className="mt-1 text-muted">
        Financeur · version n° {entry.version} · {plural(total, "programme")} dont {plural(programmes.published, "publié")}
      </p>
      <div className="mt-6">
        <FunderForm
          initialValues={funderFormValuesFromSnapshot(entry.snapshot)}
          initialVersion={entry.version}
          initialNotice={notice}
          entry={{
            slug: entry.snapshot.slug,
            status: entry.status,
            allowedTransitions: entry.allowedTransitions,
            canEdit: entry.canEdit,
            canVerify: entry.canVerify,
            updatedAt: entry.updatedAt.toISOString(),
            updatedBy: entry.updatedBy?.name ?? null,
            publishedAt: entry.publishedAt?.toISOString() ?? null,
          }}
          territoryName={entry.territoryName}
        />
      </div>
    </div>
  );
}
