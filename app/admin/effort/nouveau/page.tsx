import type { Metadata } from "next";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { FundingRecordForm } from "@/components/admin/form/funding-record/funding-record-form";
import { requireActor } from "@/lib/auth/guard";
import { isCurator } from "@/lib/auth/policy";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { listParentRecordChoices, listProgrammeChoices } from "@/lib/data/admin/funding-record-read";
import { emptyFundingRecordFormValues } from "@/lib/validation/admin-funding-record-form";

export const metadata: Metadata = { title: "Nouveau montant" };

export default async function NewFundingRecordPage() {
  const actor = await requireActor();
  const [programmes, funders, parents] = await Promise.all([listProgrammeChoices(actor), listFunderChoices(actor), listParentRecordChoices(actor)]);
  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/effort", label: "Montants" }]} current="Nouveau" />
      <h1 className="mt-4 text-3xl font-bold">Nouveau montant</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Un montant dépensé, engagé ou prévu, avec ses sources. Il est créé en brouillon : il n&apos;apparaît sur la page
        publique de l&apos;effort financier qu&apos;une fois publié{isCurator(actor) ? "." : " par un curateur, après relecture."}
      </p>
      <div className="mt-6">
        <FundingRecordForm
          initialValues={emptyFundingRecordFormValues()}
          initialVersion={null}
          entry={null}
          territoryName={null}
          programmes={programmes}
          funders={funders.map((f) => ({ value: f.slug, label: f.acronym && f.acronym !== f.name ? `${f.name} (${f.acronym})` : f.name }))}
          parents={parents}
        />
      </div>
    </div>
  );
}
