import type { Metadata } from "next";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { ProgrammeForm } from "@/components/admin/form/programme/programme-form";
import { requireActor } from "@/lib/auth/guard";
import { isCurator } from "@/lib/auth/policy";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { emptyProgrammeFormValues } from "@/lib/validation/admin-programme-form";

export const metadata: Metadata = { title: "Nouveau programme" };

export default async function NewProgrammePage() {
  const actor = await requireActor();
  const funders = await listFunderChoices(actor);
  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/programmes", label: "Programmes" }]} current="Nouveau" />
      <h1 className="mt-4 text-3xl font-bold">Nouveau programme</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Le programme est créé en brouillon : il n&apos;apparaît sur le site public qu&apos;une fois publié
        {isCurator(actor) ? "." : " par un curateur, après relecture."}
      </p>
      <div className="mt-6">
        <ProgrammeForm initialValues={emptyProgrammeFormValues()} initialVersion={null} entry={null} funders={funders} territoryNames={{}} />
      </div>
    </div>
  );
}
