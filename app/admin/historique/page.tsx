import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { ActivityList } from "@/components/admin/activity-list";
import { SelectFilter } from "@/components/admin/filter-form";
import { Pagination } from "@/components/admin/pagination";
import { requireActor } from "@/lib/auth/guard";
import { canSeeAllActivity } from "@/lib/auth/policy";
import { listActivity, listActivityAuthors } from "@/lib/data/admin/revisions";
import { ACTIVITY_ENTITY_TYPES, activityListSchema, ADMIN_DEFAULT_PER_PAGE, parseListParams } from "@/lib/validation/admin-list";

export const metadata: Metadata = { title: "Historique" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const entityTypes: Record<(typeof ACTIVITY_ENTITY_TYPES)[number], string> = {
  programme: "Programmes",
  funder: "Financeurs",
  "funding-record": "Montants",
  "case-study": "Retours d'expérience",
};

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const filters = parseListParams(activityListSchema, await searchParams);
  const everyone = canSeeAllActivity(actor);
  const [activity, authors] = await Promise.all([listActivity(actor, filters), everyone ? listActivityAuthors(actor) : []]);
  const params = {
    author: everyone ? filters.author : undefined,
    entityType: filters.entityType,
    perPage: filters.perPage === ADMIN_DEFAULT_PER_PAGE ? undefined : filters.perPage,
  };
  const filtered = Boolean(params.author || params.entityType);

  return (
    <div>
      <h1 className="text-3xl font-bold">Historique</h1>
      <p className="mt-2 text-lg text-muted">
        {everyone
          ? "Toutes les modifications des fiches (programmes, financeurs, montants, retours d'expérience), les plus récentes d'abord."
          : "Vos modifications des fiches (programmes, financeurs, montants, retours d'expérience), les plus récentes d'abord."}
      </p>

      <Form action="/admin/historique" aria-labelledby="filtres-historique-titre" className="mt-6 rounded-lg border border-line bg-surface p-4">
        <h2 id="filtres-historique-titre" className="sr-only">Filtrer l&apos;historique</h2>
        {params.perPage && <input type="hidden" name="perPage" value={params.perPage} />}
        <div className="grid gap-4 sm:grid-cols-2">
          {everyone && (
            <SelectFilter
              id="auteur"
              name="author"
              label="Auteur"
              value={filters.author}
              options={Object.fromEntries(authors.map((a) => [a.id, a.name]))}
              all="Toutes les personnes"
            />
          )}
          <SelectFilter id="type-fiche" name="entityType" label="Type de fiche" value={filters.entityType} options={entityTypes} all="Tous les types" />
        </div>
        <p className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            Filtrer
          </button>
          <Link href="/admin/historique" className="text-brand underline">
            Réinitialiser les filtres
          </Link>
        </p>
      </Form>

      <section aria-labelledby="modifications" className="mt-6">
        <h2 id="modifications" className="text-xl font-bold">
          {filtered ? "Modifications correspondant aux filtres" : "Modifications"}
        </h2>
        <ActivityList
          items={activity.items}
          empty={filtered ? "Aucune modification ne correspond à ces filtres." : "Aucune modification n'a encore été enregistrée."}
        />
      </section>
      <Pagination
        path="/admin/historique"
        params={params}
        page={activity.page}
        perPage={activity.perPage}
        total={activity.total}
        noun={["modification", "modifications"]}
        none="Aucune modification"
      />
    </div>
  );
}
