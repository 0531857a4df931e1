import type { Metadata } from "next";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { FunderForm } from "@/components/admin/form/funder/funder-form";
import { requireActor } from "@/lib/auth/guard";
import { isCurator } from "@/lib/auth/policy";
import { emptyFunderFormValues } from "@/lib/validation/admin-funder-form";

export const metadata: Metadata = { title: "Nouveau financeur" };

export default async function NewFunderPage() {
  const actor = await requireActor();
  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/financeurs", label: "Financeurs" }]} current="Nouveau" />
      <h1 className="mt-4 text-3xl font-bold">Nouveau financeur</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Le financeur est créé en brouillon : il n&apos;apparaît sur le site public qu&apos;une fois publié
        {isCurator(actor) ? "." : " par un curateur, après relecture."}
      </p>
      <div className="mt-6">
        <FunderForm initialValues={emptyFunderFormValues()} initialVersion={null} entry={null} territoryName={null} />
      </div>
    </div>
  );
}
