import type { Metadata } from "next";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { CaseStudyForm } from "@/components/admin/form/case-study/case-study-form";
import { requireActor } from "@/lib/auth/guard";
import { isCurator } from "@/lib/auth/policy";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { listProgrammeChoices } from "@/lib/data/admin/funding-record-read";
import { emptyCaseStudyFormValues } from "@/lib/validation/admin-case-study-form";

export const metadata: Metadata = { title: "Nouveau retour d'expérience" };

export default async function NewCaseStudyPage() {
  const actor = await requireActor();
  const [programmes, funders] = await Promise.all([listProgrammeChoices(actor), listFunderChoices(actor)]);
  return (
    <div>
      <AdminBreadcrumb
        trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/retours-d-experience", label: "Retours d'expérience" }]}
        current="Nouveau"
      />
      <h1 className="mt-4 text-3xl font-bold">Nouveau retour d&apos;expérience</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Il est créé en brouillon : il n&apos;apparaît sur le site public qu&apos;une fois publié
        {isCurator(actor) ? "." : " par un curateur, après relecture."}
      </p>
      <div className="mt-6">
        <CaseStudyForm
          initialValues={emptyCaseStudyFormValues()}
          initialVersion={null}
          entry={null}
          territoryName={null}
          programmes={programmes}
          funders={funders.map((f) => ({ value: f.slug, label: f.acronym && f.acronym !== f.name ? `${f.name} (${f.acronym})` : f.name }))}
        />
      </div>
    </div>
  );
}
