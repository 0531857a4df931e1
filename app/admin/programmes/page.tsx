import type { Metadata } from "next";
import Link from "next/link";
import { EditorialStatusBadge } from "@/components/admin/editorial-status-badge";
import { adminEntityHref } from "@/components/admin/entity-links";
import { CheckboxFilter, DateFilter, FilterForm, SelectFilter } from "@/components/admin/filter-form";
import { Pagination } from "@/components/admin/pagination";
import { TableEmptyState } from "@/components/admin/table-empty-state";
import { TimeStamp } from "@/components/admin/time-stamp";
import { requireActor } from "@/lib/auth/guard";
import { editorialStatusLabels, isCurator } from "@/lib/auth/policy";
import { funderTypes } from "@/lib/codes";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { listProgrammesForAdmin } from "@/lib/data/admin/programme-read";
import { ADMIN_DEFAULT_PER_PAGE, parseListParams, programmeListSchema, programmeListSortLabels } from "@/lib/validation/admin-list";

export const metadata: Metadata = { title: "Programmes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminProgrammesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const filters = parseListParams(programmeListSchema, await searchParams);
  const [list, funders] = await Promise.all([listProgrammesForAdmin(actor, filters), listFunderChoices(actor)]);
  const { page: _page, ...rest } = filters;
  const params = { ...rest, perPage: rest.perPage === ADMIN_DEFAULT_PER_PAGE ? undefined : rest.perPage };
  const filtered = Boolean(filters.q || filters.status.length || filters.funderType.length || filters.funder.length || filters.verifiedBefore || filters.createdBy);
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Programmes</h1>
        <Link href="/admin/programmes/nouveau" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Nouveau programme
        </Link>
      </div>
      {!isCurator(actor) && <p className="mt-2 text-muted">Vous voyez les programmes que vous avez créés.</p>}

      <FilterForm
        path="/admin/programmes"
        id="filtres-programmes"
        searchLabel="Rechercher un programme (titre ou identifiant)"
        q={filters.q}
        sort={filters.sort}
        sorts={programmeListSortLabels}
        hidden={{ createdBy: filters.createdBy, perPage: params.perPage?.toString() }}
      >
        <CheckboxFilter id="statut" name="status" legend="Statut" values={filters.status} options={editorialStatusLabels} />
        <SelectFilter id="type-financeur" name="funderType" label="Type de financeur" value={filters.funderType[0]} options={funderTypes.labels} all="Tous les types" />
        <SelectFilter
          id="financeur"
          name="funder"
          label="Financeur"
          value={filters.funder[0]}
          options={Object.fromEntries(funders.map((f) => [f.slug, f.acronym ? `${f.name} (${f.acronym})` : f.name]))}
          all="Tous les financeurs"
        />
        <DateFilter
          id="verifie-avant"
          name="verifiedBefore"
          label="Non vérifié depuis le"
          hint="Jamais vérifiés, ou vérifiés avant ce jour."
          value={filters.verifiedBefore}
        />
      </FilterForm>

      {list.total === 0 ? (
        <TableEmptyState filtered={filtered} path="/admin/programmes" noun="programme" createHref="/admin/programmes/nouveau" createLabel="Nouveau programme" />
      ) : (
        <div role="region" aria-labelledby="programmes-legende" tabIndex={0} className="relative mt-6 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left">
            <caption id="programmes-legende" className="mb-2 text-left text-muted">
              Programmes{filtered && " correspondant aux filtres"}, triés par {programmeListSortLabels[filters.sort].toLowerCase()}
              {pages > 1 && ` — page ${list.page} sur ${pages}`}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">Titre</th>
                <th scope="col" className="px-3 py-2">Financeur</th>
                <th scope="col" className="px-3 py-2">Statut</th>
                <th scope="col" className="px-3 py-2">Clôture</th>
                <th scope="col" className="px-3 py-2">Vérifié le</th>
                <th scope="col" className="py-2 pl-3">Modifié</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <tr key={p.slug} className="border-b border-line align-top hover:bg-surface">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={adminEntityHref("programme", p.slug)} className="font-semibold text-brand underline">
                      {p.title}
                    </Link>
                    <span className="block text-sm text-muted">{p.slug}</span>
                  </th>
                  <td className="px-3 py-2">
                    {p.funder.name}
                    <span className="block text-sm text-muted">{funderTypes.labels[p.funder.type]}</span>
                  </td>
                  <td className="px-3 py-2"><EditorialStatusBadge status={p.status} /></td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {p.closesAt ? <TimeStamp date={p.closesAt} /> : <span className="text-muted">—</span>}
                    {p.isClosed && <span className="block text-sm text-muted">déclaré clos</span>}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {p.lastVerifiedAt ? <TimeStamp date={p.lastVerifiedAt} /> : <span className="text-muted">jamais</span>}
                  </td>
                  <td className="py-2 pl-3 whitespace-nowrap">
                    <TimeStamp date={p.updatedAt} />
                    {p.updatedBy && <span className="block text-sm text-muted">par {p.updatedBy.name}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination path="/admin/programmes" params={params} page={list.page} perPage={list.perPage} total={list.total} noun={["programme", "programmes"]} />
    </div>
  );
}
