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
import { listFundersForAdmin } from "@/lib/data/admin/funder-read";
import { plural } from "@/lib/format";
import { ADMIN_DEFAULT_PER_PAGE, funderListSchema, funderListSortLabels, parseListParams } from "@/lib/validation/admin-list";

export const metadata: Metadata = { title: "Financeurs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminFundersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const filters = parseListParams(funderListSchema, await searchParams);
  const list = await listFundersForAdmin(actor, filters);
  const { page: _page, ...rest } = filters;
  const params = { ...rest, perPage: rest.perPage === ADMIN_DEFAULT_PER_PAGE ? undefined : rest.perPage };
  const filtered = Boolean(filters.q || filters.status.length || filters.type.length || filters.verifiedBefore || filters.createdBy);
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Financeurs</h1>
        <Link href="/admin/financeurs/nouveau" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Nouveau financeur
        </Link>
      </div>
      {!isCurator(actor) && <p className="mt-2 text-muted">Vous voyez les financeurs que vous avez créés.</p>}

      <FilterForm
        path="/admin/financeurs"
        id="filtres-financeurs"
        searchLabel="Rechercher un financeur (nom, sigle ou identifiant)"
        q={filters.q}
        sort={filters.sort}
        sorts={funderListSortLabels}
        hidden={{ createdBy: filters.createdBy, perPage: params.perPage?.toString() }}
      >
        <CheckboxFilter id="statut" name="status" legend="Statut" values={filters.status} options={editorialStatusLabels} />
        <SelectFilter id="type" name="type" label="Type de financeur" value={filters.type[0]} options={funderTypes.labels} all="Tous les types" />
        <DateFilter
          id="verifie-avant"
          name="verifiedBefore"
          label="Non vérifié depuis le"
          hint="Jamais vérifiés, ou vérifiés avant ce jour."
          value={filters.verifiedBefore}
        />
      </FilterForm>

      {list.total === 0 ? (
        <TableEmptyState filtered={filtered} path="/admin/financeurs" noun="financeur" createHref="/admin/financeurs/nouveau" createLabel="Nouveau financeur" />
      ) : (
        <div role="region" aria-labelledby="financeurs-legende" tabIndex={0} className="relative mt-6 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse text-left">
            <caption id="financeurs-legende" className="mb-2 text-left text-muted">
              Financeurs{filtered && " correspondant aux filtres"}, triés par {funderListSortLabels[filters.sort].toLowerCase()}
              {pages > 1 && ` — page ${list.page} sur ${pages}`}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">Nom</th>
                <th scope="col" className="px-3 py-2">Type</th>
                <th scope="col" className="px-3 py-2">Statut</th>
                <th scope="col" className="px-3 py-2 text-right">Programmes</th>
                <th scope="col" className="px-3 py-2">Vérifié le</th>
                <th scope="col" className="py-2 pl-3">Modifié</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((f) => (
                <tr key={f.slug} className="border-b border-line align-top hover:bg-surface">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={adminEntityHref("funder", f.slug)} className="font-semibold text-brand underline">
                      {f.name}
                    </Link>
                    {f.acronym && <span className="text-muted"> ({f.acronym})</span>}
                    <span className="block text-sm text-muted">{f.slug}</span>
                  </th>
                  <td className="px-3 py-2">
                    {funderTypes.labels[f.type]}
                    {f.territory && <span className="block text-sm text-muted">{f.territory.name}</span>}
                  </td>
                  <td className="px-3 py-2"><EditorialStatusBadge status={f.status} /></td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    <Link href={`/admin/programmes?funder=${encodeURIComponent(f.slug)}`} className="text-brand underline">
                      {f.programmeCount}
                      <span className="sr-only"> : {plural(f.programmeCount, "programme")} de {f.name}</span>
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {f.lastVerifiedAt ? <TimeStamp date={f.lastVerifiedAt} /> : <span className="text-muted">jamais</span>}
                  </td>
                  <td className="py-2 pl-3 whitespace-nowrap">
                    <TimeStamp date={f.updatedAt} />
                    {f.updatedBy && <span className="block text-sm text-muted">par {f.updatedBy.name}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination path="/admin/financeurs" params={params} page={list.page} perPage={list.perPage} total={list.total} noun={["financeur", "financeurs"]} />
    </div>
  );
}
