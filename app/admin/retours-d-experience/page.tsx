import type { Metadata } from "next";
import Link from "next/link";
import { EditorialStatusBadge } from "@/components/admin/editorial-status-badge";
import { adminEntityHref } from "@/components/admin/entity-links";
import { CheckboxFilter, FilterForm } from "@/components/admin/filter-form";
import { Pagination } from "@/components/admin/pagination";
import { TableEmptyState } from "@/components/admin/table-empty-state";
import { TimeStamp } from "@/components/admin/time-stamp";
import { requireActor } from "@/lib/auth/guard";
import { editorialStatusLabels, isCurator } from "@/lib/auth/policy";
import { listCaseStudiesForAdmin } from "@/lib/data/admin/case-study-read";
import { caseStudyListSchema, caseStudyListSortLabels } from "@/lib/validation/admin-case-study-list";
import { ADMIN_DEFAULT_PER_PAGE, parseListParams } from "@/lib/validation/admin-list";

export const metadata: Metadata = { title: "Retours d'expérience" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PATH = "/admin/retours-d-experience";

export default async function AdminCaseStudiesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const filters = parseListParams(caseStudyListSchema, await searchParams);
  const list = await listCaseStudiesForAdmin(actor, filters);
  const { page: _page, ...rest } = filters;
  const params = { ...rest, perPage: rest.perPage === ADMIN_DEFAULT_PER_PAGE ? undefined : rest.perPage };
  const filtered = Boolean(filters.q || filters.status.length);
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Retours d&apos;expérience</h1>
        <Link href={`${PATH}/nouveau`} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Nouveau retour d&apos;expérience
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-muted">
        Les modèles de financement que montre la page publique{" "}
        <Link href="/retours-d-experience" className="text-brand underline">Retours d&apos;expérience</Link> ; seuls les récits publiés y
        apparaissent.
        {!isCurator(actor) && " Vous voyez les retours d'expérience que vous avez créés."}
      </p>

      <FilterForm
        path={PATH}
        id="filtres-retours"
        searchLabel="Rechercher un retour d'expérience (titre, résumé ou identifiant)"
        q={filters.q}
        sort={filters.sort}
        sorts={caseStudyListSortLabels}
        hidden={{ perPage: params.perPage?.toString() }}
      >
        <CheckboxFilter id="statut" name="status" legend="Statut" values={filters.status} options={editorialStatusLabels} />
      </FilterForm>

      {list.total === 0 ? (
        <TableEmptyState filtered={filtered} path={PATH} noun="retour d'expérience" createHref={`${PATH}/nouveau`} createLabel="Nouveau retour d'expérience" />
      ) : (
        <div role="region" aria-labelledby="retours-legende" tabIndex={0} className="relative mt-6 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse text-left">
            <caption id="retours-legende" className="mb-2 text-left text-muted">
              Retours d&apos;expérience{filtered && " correspondant aux filtres"}, triés par {caseStudyListSortLabels[filters.sort].toLowerCase()}
              {pages > 1 && ` — page ${list.page} sur ${pages}`}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">Titre</th>
                <th scope="col" className="px-3 py-2">Territoire</th>
                <th scope="col" className="px-3 py-2 text-right">Programmes</th>
                <th scope="col" className="px-3 py-2 text-right">Financeurs</th>
                <th scope="col" className="px-3 py-2">Statut</th>
                <th scope="col" className="py-2 pl-3">Modifié</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.slug} className="border-b border-line align-top hover:bg-surface">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={adminEntityHref("case-study", c.slug)} className="font-semibold text-brand underline">{c.title}</Link>
                    <span className="block text-sm text-muted">{c.slug}</span>
                  </th>
                  <td className="px-3 py-2">{c.territory ?? <span className="text-muted">national</span>}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{c.programmeCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{c.funderCount}</td>
                  <td className="px-3 py-2"><EditorialStatusBadge status={c.status} /></td>
                  <td className="py-2 pl-3 whitespace-nowrap">
                    <TimeStamp date={c.updatedAt} />
                    {c.updatedBy && <span className="block text-sm text-muted">par {c.updatedBy.name}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination path={PATH} params={params} page={list.page} perPage={list.perPage} total={list.total} noun={["retour d'expérience", "retours d'expérience"]} />
    </div>
  );
}
