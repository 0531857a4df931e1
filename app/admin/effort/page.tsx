import type { Metadata } from "next";
import Link from "next/link";
import { EditorialStatusBadge } from "@/components/admin/editorial-status-badge";
import { adminEntityHref } from "@/components/admin/entity-links";
import { CheckboxFilter, FilterForm, SelectFilter } from "@/components/admin/filter-form";
import { Pagination } from "@/components/admin/pagination";
import { TableEmptyState } from "@/components/admin/table-empty-state";
import { TimeStamp } from "@/components/admin/time-stamp";
import { requireActor } from "@/lib/auth/guard";
import { editorialStatusLabels, isCurator } from "@/lib/auth/policy";
import { funderTypes } from "@/lib/codes";
import { listFundingRecordsForAdmin } from "@/lib/data/admin/funding-record-read";
import { formatEuros } from "@/lib/format";
import { fundingKindLabels } from "@/lib/validation/admin-funding-record";
import { fundingRecordListSchema, fundingRecordListSortLabels } from "@/lib/validation/admin-funding-record-list";
import { ADMIN_DEFAULT_PER_PAGE, parseListParams } from "@/lib/validation/admin-list";

export const metadata: Metadata = { title: "Montants de l'effort financier" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PATH = "/admin/effort";
const years = Object.fromEntries(Array.from({ length: new Date().getFullYear() + 3 - 2014 }, (_, i) => String(new Date().getFullYear() + 2 - i)).map((y) => [y, y]));

function amountText(r: { amount: number | null; amountLow: number | null; amountHigh: number | null }) {
  if (r.amount !== null) return formatEuros(r.amount);
  if (r.amountLow !== null && r.amountHigh !== null) return `${formatEuros(r.amountLow)} à ${formatEuros(r.amountHigh)}`;
  return "non chiffré";
}

export default async function AdminFundingRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const filters = parseListParams(fundingRecordListSchema, await searchParams);
  const list = await listFundingRecordsForAdmin(actor, filters);
  const { page: _page, ...rest } = filters;
  const params = { ...rest, year: rest.year?.toString(), perPage: rest.perPage === ADMIN_DEFAULT_PER_PAGE ? undefined : rest.perPage };
  const filtered = Boolean(filters.q || filters.status.length || filters.kind.length || filters.year || filters.funderType);
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Montants de l&apos;effort financier</h1>
        <Link href={`${PATH}/nouveau`} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Nouveau montant
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-muted">
        Les montants dépensés, engagés ou prévus que montre la page publique{" "}
        <Link href="/effort-financier" className="text-brand underline">L&apos;effort financier</Link> ; seuls les montants publiés y
        apparaissent.
        {!isCurator(actor) && " Vous voyez les montants que vous avez créés."}
      </p>

      <FilterForm
        path={PATH}
        id="filtres-montants"
        searchLabel="Rechercher un montant (intitulé, financeur, programme ou identifiant)"
        q={filters.q}
        sort={filters.sort}
        sorts={fundingRecordListSortLabels}
        hidden={{ perPage: params.perPage?.toString() }}
      >
        <CheckboxFilter id="statut" name="status" legend="Statut" values={filters.status} options={editorialStatusLabels} />
        <CheckboxFilter id="nature" name="kind" legend="Nature du montant" values={filters.kind} options={fundingKindLabels} />
        <SelectFilter id="annee" name="year" label="Année couverte" value={filters.year?.toString()} options={years} all="Toutes les années" />
        <SelectFilter id="type" name="funderType" label="Type de financeur" value={filters.funderType} options={funderTypes.labels} all="Tous les types" />
      </FilterForm>

      {list.total === 0 ? (
        <TableEmptyState filtered={filtered} path={PATH} noun="montant" createHref={`${PATH}/nouveau`} createLabel="Nouveau montant" />
      ) : (
        <div role="region" aria-labelledby="montants-legende" tabIndex={0} className="relative mt-6 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse text-left">
            <caption id="montants-legende" className="mb-2 text-left text-muted">
              Montants{filtered && " correspondant aux filtres"}, triés par {fundingRecordListSortLabels[filters.sort].toLowerCase()}
              {pages > 1 && ` — page ${list.page} sur ${pages}`}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">Intitulé</th>
                <th scope="col" className="px-3 py-2">Années</th>
                <th scope="col" className="px-3 py-2 text-right">Montant</th>
                <th scope="col" className="px-3 py-2">Financeur</th>
                <th scope="col" className="px-3 py-2">Statut</th>
                <th scope="col" className="py-2 pl-3">Modifié</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.slug} className="border-b border-line align-top hover:bg-surface">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={adminEntityHref("funding-record", r.slug)} className="font-semibold text-brand underline">
                      {r.label}
                    </Link>
                    <span className="block text-sm text-muted">
                      {fundingKindLabels[r.kind]}
                      {r.partOf && ` · part de « ${r.partOf} »`}
                      {r.overlapsOthers && " · recoupe d'autres montants"}
                    </span>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {r.yearStart === r.yearEnd ? r.yearStart : `${r.yearStart}–${r.yearEnd}`}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {amountText(r)}
                    {r.amount === null && r.amountLow !== null && <span className="block text-sm text-muted">les sources divergent</span>}
                  </td>
                  <td className="px-3 py-2">{r.funderName ?? <span className="text-muted">non précisé</span>}</td>
                  <td className="px-3 py-2"><EditorialStatusBadge status={r.status} /></td>
                  <td className="py-2 pl-3 whitespace-nowrap">
                    <TimeStamp date={r.updatedAt} />
                    {r.updatedBy && <span className="block text-sm text-muted">par {r.updatedBy.name}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination path={PATH} params={params} page={list.page} perPage={list.perPage} total={list.total} noun={["montant", "montants"]} />
    </div>
  );
}
