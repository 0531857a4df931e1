import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { CaseStudyForm } from "@/components/admin/form/case-study/case-study-form";
import { requireActor } from "@/lib/auth/guard";
import { getCaseStudyForEdit } from "@/lib/data/admin/case-study-read";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { listProgrammeChoices } from "@/lib/data/admin/funding-record-read";
import { caseStudyFormValuesFromSnapshot } from "@/lib/validation/admin-case-study-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Modifier un retour d'expérience" };

export default async function EditCaseStudyPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const entry = await getCaseStudyForEdit(actor, slug);
  if (!entry) notFound();
  const [programmes, funders, query] = await Promise.all([listProgrammeChoices(actor), listFunderChoices(actor), searchParams]);
  const notice = query.cree ? "Brouillon créé." : query.enregistre ? "Modifications enregistrées." : null;
  const s = entry.snapshot;
  // Linked entries stay listed even when they are no longer choosable (archived…), so that a save keeps them.
  const withCurrent = (options: { value: string; label: string }[], current: string[]) => [
    ...current.filter((c) => !options.some((o) => o.value === c)).map((c) => ({ value: c, label: c })),
    ...options,
  ];

  return (
    <div>
      <AdminBreadcrumb
        trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/retours-d-experience", label: "Retours d'expérience" }]}
        current={s.title}
      />
      <h1 className="mt-4 text-3xl font-bold">{s.title}</h1>
      <p className="mt-1 text-muted">
        Retour d&apos;expérience · version n° {entry.version} · {s.programmes.length} programme{s.programmes.length > 1 ? "s" : ""} et{" "}
        {s.funders.length} financeur{s.funders.length > 1 ? "s" : ""} liés
      </p>
      <div className="mt-6">
        <CaseStudyForm
          initialValues={caseStudyFormValuesFromSnapshot(s)}
          initialVersion={entry.version}
          initialNotice={notice}
          entry={{
            slug: s.slug,
            status: entry.status,
            allowedTransitions: entry.allowedTransitions,
            canEdit: entry.canEdit,
            canVerify: false,
            updatedAt: entry.updatedAt.toISOString(),
            updatedBy: entry.updatedBy?.name ?? null,
            publishedAt: entry.publishedAt?.toISOString() ?? null,
          }}
          territoryName={entry.territoryName}
          programmes={withCurrent(programmes, s.programmes)}
          funders={withCurrent(
            funders.map((f) => ({ value: f.slug, label: f.acronym && f.acronym !== f.name ? `${f.name} (${f.acronym})` : f.name })),
            s.funders,
          )}
        />
      </div>
    </div>
  );
}
