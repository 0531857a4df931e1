import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { SelectFilter } from "@/components/admin/filter-form";
import { FocusOnMount } from "@/components/admin/focus-on-mount";
import { hrefWith, Pagination } from "@/components/admin/pagination";
import { QualityItemCard } from "@/components/admin/quality/quality-item";
import { QualityKindCounts } from "@/components/admin/quality/quality-kind-counts";
import { requireActor } from "@/lib/auth/guard";
import { canReviewContributions, canVerify, isCurator } from "@/lib/auth/policy";
import { DASHBOARD_STALE_MONTHS } from "@/lib/data/admin/dashboard";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { getQualityQueue } from "@/lib/data/admin/quality";
import { formatParisDate } from "@/lib/paris-time";
import {
  parseQualityQueue,
  QUALITY_DEFAULT_PER_PAGE,
  QUALITY_KINDS,
  QUALITY_OUTCOMES,
  type QualityOutcome,
  qualityKindLabels,
  qualityOutcomeMessages,
} from "@/lib/validation/quality-queue";

export const metadata: Metadata = { title: "File qualité" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const fieldClass = "mt-1 block w-full rounded border border-muted bg-white px-3 py-2";

export default async function QualityQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const filters = parseQualityQueue(raw);
  const [queue, funders] = await Promise.all([getQualityQueue(actor, filters), listFunderChoices(actor)]);
  const canAct = canVerify(actor);
  const kinds = canReviewContributions(actor) ? QUALITY_KINDS : QUALITY_KINDS.filter((k) => k !== "contribution");

  const params = {
    kind: filters.kind,
    funder: filters.funder,
    q: filters.q,
    perPage: filters.perPage === QUALITY_DEFAULT_PER_PAGE ? undefined : String(filters.perPage),
  };
  const here = { ...params, page: filters.page > 1 ? String(filters.page) : undefined };
  const back = new URLSearchParams(Object.entries(here).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const archiving = first(raw.archiver);
  const outcomeCode = first(raw.resultat);
  const outcome = (QUALITY_OUTCOMES as readonly string[]).includes(outcomeCode ?? "") ? qualityOutcomeMessages[outcomeCode as QualityOutcome] : null;
  const filtered = Boolean(filters.kind || filters.funder || filters.q);

  return (
    <div>
      <h1 className="text-3xl font-bold">File qualité</h1>
      <p className="mt-2 max-w-3xl text-lg text-muted">
        {isCurator(actor)
          ? "Ce qui, dans l'annuaire, dit peut-être faux ou reste incomplet : les plus urgents d'abord (ce que le public voit de faux), puis ce qui manque."
          : "Celles de vos fiches qui demandent une vérification ou un complément. Un curateur les vérifie ou les archive."}
      </p>

      <div aria-live="polite" role="status">
        {outcome && (
          <p
            id="resultat"
            tabIndex={-1}
            className={`mt-4 rounded border-l-4 p-4 focus:outline-3 focus:outline-[#0a76f6] ${
              outcome.success ? "border-success bg-success-light text-[#0b4e24]" : "border-accent bg-warning-light"
            }`}
          >
            {outcome.text}
            {first(raw.fiche) && !outcome.success && (
              <>
                {" "}
                <Link href={`/admin/programmes/${encodeURIComponent(first(raw.fiche)!)}`} className="font-semibold underline">Ouvrir la fiche</Link>
              </>
            )}
          </p>
        )}
      </div>
      {outcome && <FocusOnMount id="resultat" />}

      <section aria-labelledby="par-type" className="mt-6">
        <h2 id="par-type" className="text-xl font-bold">
          Par type de problème <span className="font-normal text-muted">({queue.counts.total} {queue.counts.total > 1 ? "éléments" : "élément"} en tout{filtered && filters.kind ? ", hors filtre de type" : ""})</span>
        </h2>
        <QualityKindCounts counts={queue.counts} current={filters.kind} params={{ funder: filters.funder, q: filters.q }} kinds={kinds} headingId="par-type" />
        <p className="mt-2 text-sm text-muted">
          « Non vérifiée » : jamais vérifiée auprès de sa source, ou pas depuis {DASHBOARD_STALE_MONTHS} mois (avant le {formatParisDate(queue.verifiedBefore)}).
          Un lien ou un montant manquant ne compte que pour les appels non clos pas vérifiés depuis {DASHBOARD_STALE_MONTHS} mois : « Vérifié
          aujourd&apos;hui » atteste que la source n&apos;en donne pas. Une fiche peut avoir plusieurs problèmes : elle n&apos;apparaît qu&apos;une fois.
        </p>
      </section>

      <Form action="/admin/qualite" aria-labelledby="filtres-qualite-titre" className="mt-6 rounded-lg border border-line bg-surface p-4">
        <h2 id="filtres-qualite-titre" className="sr-only">Rechercher et filtrer</h2>
        {params.perPage && <input type="hidden" name="perPage" value={params.perPage} />}
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <label htmlFor="filtres-qualite-q" className="font-semibold">Rechercher (titre ou identifiant)</label>
            <input id="filtres-qualite-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className={fieldClass} />
          </div>
          <SelectFilter
            id="filtres-qualite-type"
            name="kind"
            label="Type de problème"
            value={filters.kind}
            options={Object.fromEntries(kinds.map((k) => [k, `${qualityKindLabels[k]} (${queue.counts[k]})`]))}
            all="Tous les types"
          />
          <SelectFilter
            id="filtres-qualite-financeur"
            name="funder"
            label="Financeur"
            value={filters.funder}
            options={Object.fromEntries(funders.map((f) => [f.slug, f.acronym ? `${f.name} (${f.acronym})` : f.name]))}
            all="Tous les financeurs"
          />
        </div>
        <p className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">Filtrer</button>
          <Link href="/admin/qualite" className="text-brand underline">Réinitialiser les filtres</Link>
        </p>
      </Form>

      <section aria-labelledby="elements" className="mt-6">
        <h2 id="elements" className="text-xl font-bold">
          {filters.kind ? qualityKindLabels[filters.kind] : "Tous les éléments"}
        </h2>
        {queue.items.length === 0 ? (
          <div className="mt-4 rounded border border-line bg-surface p-6">
            {filtered ? (
              <>
                <p className="font-semibold">Aucun élément ne correspond à ces critères.</p>
                <p className="mt-2">
                  <Link href="/admin/qualite" className="text-brand underline">Voir toute la file</Link>
                </p>
              </>
            ) : (
              <p className="font-semibold">La file est vide : toutes les fiches publiées sont vérifiées, complètes et à jour.</p>
            )}
          </div>
        ) : (
          <ol className="mt-4 space-y-4">
            {queue.items.map((item) => (
              <QualityItemCard
                key={`${item.type}-${item.id}`}
                item={item}
                back={back}
                archiveHref={(slug) => `${hrefWith("/admin/qualite", { ...here, archiver: slug })}#archiver-${slug}`}
                cancelHref={`${hrefWith("/admin/qualite", here)}#fiche-${item.id}`}
                confirmingArchive={item.type === "programme" && item.slug === archiving}
                canAct={canAct}
              />
            ))}
          </ol>
        )}
        <Pagination path="/admin/qualite" params={params} page={queue.page} perPage={queue.perPage} total={queue.total} noun={["élément", "éléments"]} />
      </section>
    </div>
  );
}
