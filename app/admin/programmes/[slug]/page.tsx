import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { ProgrammeForm } from "@/components/admin/form/programme/programme-form";
import { ReviewNoteNotice } from "@/components/admin/import/review-note-notice";
import { requireActor } from "@/lib/auth/guard";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { getProgrammeForEdit } from "@/lib/data/admin/programme-read";
import { getProgrammeReviewNote } from "@/lib/import/batches";
import { programmeFormValuesFromSnapshot } from "@/lib/validation/admin-programme-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Modifier un programme" };

export default async function EditProgrammePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const entry = await getProgrammeForEdit(actor, slug);
  if (!entry) notFound();
  const [choices, query, reviewNote] = await Promise.all([listFunderChoices(actor), searchParams, getProgrammeReviewNote(slug)]);
  // The funders the programme names stay choosable even when the list leaves them out (archived).
  const funders = [...choices];
  for (const [s, name] of Object.entries(entry.names.funders)) {
    if (!funders.some((f) => f.slug === s)) funders.push({ slug: s, name, acronym: null, status: "archived" });
  }
  const notice = query.cree ? "Brouillon créé." : query.enregistre ? "Modifications enregistrées." : null;

  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/programmes", label: "Programmes" }]} current={entry.snapshot.title} />
      <h1 className="mt-4 text-3xl font-bold">{entry.snapshot.title}</h1>
      <p className="mt-1 text-muted">Programme · version n° {entry.version} · financé par {entry.funder.name}</p>
      <ReviewNoteNotice note={reviewNote} />
      <div className="mt-6">
        <ProgrammeForm
          initialValues={programmeFormValuesFromSnapshot(entry.snapshot)}
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
          funders={funders}
          territoryNames={entry.names.territories}
        />
      </div>
    </div>
  );
}
