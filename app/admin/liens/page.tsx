import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { SelectFilter } from "@/components/admin/filter-form";
import { hrefWith, Pagination } from "@/components/admin/pagination";
import { requireActor } from "@/lib/auth/guard";
import { canRunLinkCheck } from "@/lib/auth/policy";
import { startLinkCheckAction } from "@/lib/actions/links";
import { plural } from "@/lib/format";
import { linkListFilterLabels, linkListSchema } from "@/lib/links/list-params";
import { getLatestLinkCheckRun, listLinkProblems } from "@/lib/links/queries";
import { LinksTable } from "./_components/links-table";
import { RunStatus } from "./_components/run-status";

export const metadata: Metadata = { title: "Liens vérifiés" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const fieldClass = "mt-1 block w-full rounded border border-muted bg-white px-3 py-2";

export default async function LinksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const params = linkListSchema.parse(await searchParams);
  const [list, run] = await Promise.all([listLinkProblems(actor, params), getLatestLinkCheckRun()]);
  const kept = { outcome: params.outcome === "problems" ? undefined : params.outcome, q: params.q };
  const filtered = Boolean(kept.outcome || kept.q);
  const running = run?.status === "running" && !run.stalled;
  const { counts } = list;
  const anyProblem = counts.broken + counts.unreachable + counts.redirected > 0;

  return (
    <div>
      <h1 className="text-3xl font-bold">Liens vérifiés</h1>
      <p className="mt-2 max-w-3xl text-lg text-muted">
        Chaque nuit, les liens de candidature et les sources des programmes (sauf archivés) sont ouverts un par un. Les liens
        cassés, injoignables ou redirigés sont listés ici avec leurs programmes. Un lien de candidature en échec deux fois
        de suite est signalé sur la page publique du programme et entre dans la file qualité.
      </p>

      <section aria-labelledby="derniere-verification" className="mt-6 rounded-lg border border-line bg-surface p-4">
        <h2 id="derniere-verification" tabIndex={-1} className="text-xl font-bold">
          Dernière vérification
        </h2>
        {params.lancement && (
          <p role="status" className="mt-2 rounded bg-info-light p-3 font-semibold">
            {params.lancement === "ok"
              ? "La vérification est lancée : sa progression s'affiche ci-dessous."
              : "Une vérification est déjà en cours : elle n'a pas été relancée."}
          </p>
        )}
        <RunStatus run={run} refreshHref={`${hrefWith("/admin/liens", { ...kept, page: params.page })}#derniere-verification`} />
        {canRunLinkCheck(actor) ? (
          !running && (
            <form action={startLinkCheckAction} className="mt-4">
              <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
                Lancer une vérification maintenant
              </button>
              <span className="ml-3 text-sm text-muted">Quelques minutes : une requête à la fois par site.</span>
            </form>
          )
        ) : (
          <p className="mt-4 text-sm text-muted">Seuls les curateurs peuvent lancer une vérification en dehors de celle de la nuit.</p>
        )}
      </section>

      <Form action="/admin/liens" aria-labelledby="filtres-liens-titre" className="mt-6 rounded-lg border border-line bg-surface p-4">
        <h2 id="filtres-liens-titre" className="sr-only">Rechercher et filtrer les liens</h2>
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div>
            <label htmlFor="liens-q" className="font-semibold">Rechercher (adresse ou titre du programme)</label>
            <input id="liens-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={200} className={fieldClass} />
          </div>
          <SelectFilter id="liens-resultat" name="outcome" label="Résultat" value={params.outcome} options={linkListFilterLabels} />
        </div>
        <p className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            Filtrer
          </button>
          <Link href="/admin/liens" className="text-brand underline">
            Réinitialiser les filtres
          </Link>
        </p>
      </Form>

      <p className="mt-4">
        {plural(counts.broken, "lien cassé", "liens cassés")} · {plural(counts.unreachable, "lien injoignable", "liens injoignables")} ·{" "}
        {plural(counts.redirected, "lien redirigé", "liens redirigés")}
      </p>

      {list.items.length === 0 ? (
        <div className="mt-6 rounded border border-line bg-surface p-6">
          {filtered && anyProblem ? (
            <p>
              <span className="font-semibold">Aucun lien ne correspond à ces critères.</span>{" "}
              <Link href="/admin/liens" className="text-brand underline">
                Réinitialiser les filtres
              </Link>
            </p>
          ) : run ? (
            <p className="font-semibold">Aucun lien cassé, injoignable ou redirigé à la dernière vérification.</p>
          ) : (
            <p className="font-semibold">Aucun lien n&apos;a encore été vérifié.</p>
          )}
        </div>
      ) : (
        <LinksTable
          items={list.items}
          caption={`${linkListFilterLabels[params.outcome]}${params.q ? ` — recherche « ${params.q} »` : ""}, les plus anciens échecs d'abord`}
        />
      )}
      <Pagination path="/admin/liens" params={kept} page={list.page} perPage={list.perPage} total={list.total} noun={["lien", "liens"]} />
    </div>
  );
}
