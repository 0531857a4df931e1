import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/components/admin/activity-list";
import { closesOn, DashboardEntryList, modifiedOn, verifiedOn } from "@/components/admin/dashboard-entry-list";
import { hrefWith } from "@/components/admin/pagination";
import { StatusCountsTable } from "@/components/admin/status-counts-table";
import { requireActor } from "@/lib/auth/guard";
import { isCurator } from "@/lib/auth/policy";
import { DASHBOARD_CLOSING_DAYS, DASHBOARD_STALE_MONTHS, getDashboard } from "@/lib/data/admin/dashboard";
import { formatParisDate, toParisIsoDate } from "@/lib/paris-time";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function DashboardPage() {
  const actor = await requireActor();
  const dashboard = await getDashboard(actor);
  const curator = isCurator(actor);
  const verifiedBefore = toParisIsoDate(dashboard.verifiedBefore);
  const mine = curator ? {} : { createdBy: actor.id };

  return (
    <div>
      <h1 className="text-3xl font-bold">Tableau de bord</h1>
      <p className="mt-2 text-lg text-muted">
        {curator
          ? "Ce qui attend une relecture, une vérification ou une mise à jour dans l'annuaire."
          : "Vos fiches : brouillons, fiches en relecture et fiches publiées à tenir à jour."}
      </p>
      <p className="mt-4 flex flex-wrap gap-3">
        <Link href="/admin/programmes/nouveau" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Nouveau programme
        </Link>
        <Link href="/admin/financeurs/nouveau" className="rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-light">
          Nouveau financeur
        </Link>
      </p>

      <StatusCountsTable counts={dashboard.counts} scope={mine} own={!curator} />

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <DashboardEntryList
          id="mes-brouillons"
          title="Mes brouillons"
          description="Les brouillons que vous avez créés ou modifiés en dernier, les plus récents d'abord."
          block={dashboard.myDrafts}
          empty="Vous n'avez aucun brouillon en cours."
          detail={modifiedOn}
          more={[
            { href: hrefWith("/admin/programmes", { status: "draft", createdBy: actor.id }), label: "Mes programmes en brouillon" },
            { href: hrefWith("/admin/financeurs", { status: "draft", createdBy: actor.id }), label: "Mes financeurs en brouillon" },
          ]}
        />
        <DashboardEntryList
          id="a-relire"
          title={curator ? "À relire" : "En attente de relecture"}
          description="Les fiches soumises à relecture, les plus anciennes d'abord."
          block={dashboard.reviewQueue}
          empty={curator ? "Aucune fiche n'attend de relecture." : "Aucune de vos fiches n'attend de relecture."}
          detail={modifiedOn}
          more={[
            { href: hrefWith("/admin/programmes", { ...mine, status: "in_review", sort: "updated" }), label: "Tous les programmes en relecture" },
            { href: hrefWith("/admin/financeurs", { ...mine, status: "in_review", sort: "updated" }), label: "Tous les financeurs en relecture" },
          ]}
        />
        <DashboardEntryList
          id="clotures-proches"
          title={`Clôtures dans les ${DASHBOARD_CLOSING_DAYS} jours`}
          description={`Programmes publiés qui ferment d'ici le ${formatParisDate(dashboard.closingBefore)} : leurs dates sont-elles toujours justes ?`}
          block={dashboard.closingSoon}
          empty={`Aucun programme publié ne ferme dans les ${DASHBOARD_CLOSING_DAYS} prochains jours.`}
          detail={closesOn}
          more={[{ href: hrefWith("/admin/programmes", { ...mine, status: "published", sort: "closing" }), label: "Programmes publiés par date de clôture" }]}
        />
        <DashboardEntryList
          id="a-verifier"
          title="À vérifier"
          description={`Fiches publiées jamais vérifiées auprès de leur source, ou pas depuis ${DASHBOARD_STALE_MONTHS} mois (avant le ${formatParisDate(dashboard.verifiedBefore)}).`}
          block={dashboard.staleVerification}
          empty={`Toutes les fiches publiées ont été vérifiées depuis moins de ${DASHBOARD_STALE_MONTHS} mois.`}
          detail={verifiedOn}
          more={[
            { href: hrefWith("/admin/programmes", { ...mine, status: "published", verifiedBefore, sort: "verified" }), label: "Programmes à vérifier" },
            { href: hrefWith("/admin/financeurs", { ...mine, status: "published", verifiedBefore, sort: "verified" }), label: "Financeurs à vérifier" },
          ]}
        />
      </div>

      <section aria-labelledby="activite-recente" className="mt-8 rounded-lg border border-line p-4">
        <h2 id="activite-recente" className="text-xl font-bold">
          {curator ? "Activité récente" : "Mon activité récente"}
        </h2>
        <ActivityList items={dashboard.recentActivity} empty="Aucune modification n'a encore été enregistrée." />
        <p className="mt-3">
          <Link href="/admin/historique" className="text-brand underline">
            Tout l&apos;historique
          </Link>
        </p>
      </section>
    </div>
  );
}
