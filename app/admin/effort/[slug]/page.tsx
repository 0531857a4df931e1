import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminEntityHref } from "@/components/admin/entity-links";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { FundingRecordForm } from "@/components/admin/form/funding-record/funding-record-form";
import { requireActor } from "@/lib/auth/guard";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { getFundingRecordForEdit, listParentRecordChoices, listProgrammeChoices } from "@/lib/data/admin/funding-record-read";
import { fundingKindLabels } from "@/lib/validation/admin-funding-record";
import { fundingRecordFormValuesFromSnapshot } from "@/lib/validation/admin-funding-record-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Modifier un montant" };

export default async function EditFundingRecordPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const entry = await getFundingRecordForEdit(actor, slug);
  if (!entry) notFound();
  const [programmes, funders, parents, query] = await Promise.all([
    listProgrammeChoices(actor),
    listFunderChoices(actor),
    listParentRecordChoices(actor, slug),
    searchParams,
  ]);
  const notice = query.cree ? "Brouillon créé." : query.enregistre ? "Modifications enregistrées." : null;
  const s = entry.snapshot;
  // The stored references stay choosable even when they are no longer in the lists (archived…).
  const withCurrent = (options: { value: string; label: string }[], current: string | null) =>
    current && !options.some((o) => o.value === current) ? [{ value: current, label: current }, ...options] : options;

  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/effort", label: "Montants" }]} current={s.label} />
      <h1 className="mt-4 text-3xl font-bold">{s.label}</h1>
      <p className="mt-1 text-muted">
        Montant {fundingKindLabels[s.kind].toLowerCase()} · {s.yearStart === s.yearEnd ? s.yearStart : `${s.yearStart}–${s.yearEnd}`} · version n° {entry.version}
      </p>
      {entry.parts.length > 0 && (
        <div className="mt-3">
          <p>Ses parts (« dont »), jamais additionnées une seconde fois :</p>
          <ul className="mt-1 list-disc pl-6">
            {entry.parts.map((p) => (
              <li key={p.slug}><Link href={adminEntityHref("funding-record", p.slug)} className="text-brand underline">{p.label}</Link></li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-6">
        <FundingRecordForm
          initialValues={fundingRecordFormValuesFromSnapshot(s)}
          initialVersion={entry.version}
          initialNotice={notice}
          entry={{
            slug: s.slug,
            status: entry.status,
            allowedTransitions: entry.allowedTransitions,
            canEdit: entry.canEdit,
            canVerify: entry.canVerify,
            updatedAt: entry.updatedAt.toISOString(),
            updatedBy: entry.updatedBy?.name ?? null,
            publishedAt: null,
          }}
          territoryName={entry.territoryName}
          programmes={withCurrent(programmes, s.programme)}
          funders={withCurrent(
            funders.map((f) => ({ value: f.slug, label: f.acronym && f.acronym !== f.name ? `${f.name} (${f.acronym})` : f.name })),
            s.funder,
          )}
          parents={withCurrent(parents, s.partOf)}
        />
      </div>
    </div>
  );
}
