import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/components/admin/activity-list";
import { QualityKindCounts } from "@/components/admin/quality/quality-kind-counts";
import { closesOn, DashboardEntryList, modifiedOn, verifiedOn } from "@/components/admin/dashboard-entry-list";
import { hrefWith } from "@/components/admin/pagination";
import { StatusCountsTable } from "@/components/admin/status-counts-table";
import { requireActor } from "@/lib/auth/guard";
import { canReviewContributions, isCurator } from "@/lib/auth/policy";
import { DASHBOARD_CLOSING_DAYS, DASHBOARD_STALE_MONTHS, getDashboard } from "@/lib/data/admin/dashboard";
import { getQualityCounts } from "@/lib/data/admin/quality";
import { formatParisDate, toParisIsoDate } from "@/lib/paris-time";
import { QUALITY_KINDS } from "@/lib/validation/quality-queue";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function DashboardPage() {
  const actor = await requireActor();
  const [dashboard, quality] = await Promise.all([getDashboard(actor), getQualityCounts(actor)]);
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

      <section aria-labelledby="file-qualite" className="mt-8 rounded-lg border border-line p-4">
        <h2 id="file-qualite" className="text-xl font-bold">
          File qualité <span className="font-normal text-muted">({quality.total} {quality.total > 1 ? "éléments" : "élément"})</span>
        </h2>
        <p className="mt-1 text-muted">
          {quality.total === 0
            ? "Rien à reprendre : les fiches publiées sont vérifiées, complètes et à jour."
            : curator
              ? "Liens en échec, clôtures passées, contributions du public, fiches importées à relire, informations manquantes, vérifications anciennes."
              : "Celles de vos fiches qui demandent une vérification ou un complément."}
        </p>
        <QualityKindCounts
          counts={quality}
          kinds={canReviewContributions(actor) ? QUALITY_KINDS : QUALITY_KINDS.filter((k) => k !== "contribution")}
          headingId="file-qualite"
        />
        <p className="mt-3">
          <Link href="/admin/qualite" className="text-brand underline">
            Ouvrir la file qualité
          </Link>
        </p>
      </section>

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
