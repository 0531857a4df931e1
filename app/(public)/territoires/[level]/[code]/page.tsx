import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { ProgrammeCard } from "@/components/programme-card";
import { territoryLevels } from "@/lib/codes";
import { searchProgrammes } from "@/lib/data/programme-search";
import { getTerritory, listChildTerritories, listLocalFunders } from "@/lib/data/territories";
import { plural } from "@/lib/format";
import { programmeSearchSchema, toQueryString } from "@/lib/validation/programme-search";

type Props = { params: Promise<{ level: string; code: string }> };

const paramsSchema = z.object({ level: z.enum(territoryLevels.codes), code: z.string().regex(/^[0-9AB]{2,9}$/) });

const loadTerritory = cache(async (level: string, code: string) => {
  const parsed = paramsSchema.safeParse({ level, code });
  return parsed.success ? getTerritory(`${parsed.data.level}:${parsed.data.code}`) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { level, code } = await params;
  const territory = await loadTerritory(level, code);
  return territory
    ? { title: `Financements disponibles : ${territory.name}`, description: `Les financements de l'inclusion numérique accessibles pour ${territory.name} : appels ouverts, financeurs, dépenses financées.` }
    : { title: "Territoire introuvable" };
}

function Breakdown({ title, id, rows, hrefFor }: { title: string; id: string; rows: { value: string; label: string; count: number }[]; hrefFor: (value: string) => string }) {
  const shown = rows.filter((r) => r.count > 0);
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line p-5">
      <h2 id={id} className="text-lg font-bold">{title}</h2>
      {shown.length === 0 ? <p className="mt-2 text-muted">Aucun financement ouvert.</p> : (
        <ul className="mt-3 space-y-1">
          {shown.map((r) => (
            <li key={r.value} className="flex justify-between gap-4">
              <Link href={hrefFor(r.value)} className="text-brand underline">{r.label}</Link>
              <span>{r.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function TerritoryPage({ params }: Props) {
  const { level, code } = await params;
  const territory = await loadTerritory(level, code);
  if (!territory) notFound();

  const base = programmeSearchSchema.parse({ territory: territory.id, sort: "closing", perPage: "30" });
  const [result, children, funders] = await Promise.all([
    searchProgrammes(base),
    listChildTerritories(territory),
    listLocalFunders(territory),
  ]);
  const closed = result.facets.status.find((s) => s.value === "closed")?.count ?? 0;
  const searchHref = (extra: Record<string, string[]>) => `/financements${toQueryString({ territory: territory.id, ...extra })}`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          {[...territory.ancestors].reverse().map((a) => {
            const [aLevel, aCode] = a.id.split(":");
            return <li key={a.id}><Link href={`/territoires/${aLevel}/${aCode}`} className="underline">{a.name}</Link> <span aria-hidden="true">›</span></li>;
          })}
          <li aria-current="page" className="text-ink">{territory.name}</li>
        </ol>
      </nav>
      <header className="mt-6">
        <p className="font-medium text-muted">
          {territoryLevels.labels[territory.level]} · code {territory.code}
          {territory.population !== null && ` · ${plural(territory.population, "habitant")}`}
        </p>
        <h1 className="mt-1 text-3xl font-bold">{territory.name}</h1>
        <p className="mt-3 text-lg">
          {plural(result.total, "financement accessible", "financements accessibles")} aujourd&apos;hui : nationaux, et propres à{" "}
          {[territory.name, ...territory.ancestors.map((a) => a.name)].join(", ")}.
        </p>
        <p className="mt-3 flex flex-wrap gap-3">
          <Link href={searchHref({})} className="rounded bg-brand px-4 py-2 font-semibold text-white">Chercher parmi ces financements</Link>
          {closed > 0 && <Link href={searchHref({ status: ["closed"] })} className="rounded border border-brand px-4 py-2 font-semibold text-brand">Historique : {plural(closed, "appel clos", "appels clos")}</Link>}
        </p>
      </header>

      <div className="mt-8 grid gap-4 md:grid-cols-2">
        <Breakdown id="par-financeur" title="Par type de financeur" rows={result.facets.funderType} hrefFor={(v) => searchHref({ funderType: [v] })} />
        <Breakdown id="par-depense" title="Par dépense financée" rows={result.facets.finances} hrefFor={(v) => searchHref({ finances: [v] })} />
      </div>

      <section aria-labelledby="ouverts" className="mt-10">
        <h2 id="ouverts" className="text-2xl font-bold">Ouverts aux candidatures, clôture la plus proche en premier</h2>
        {result.items.length === 0 ? (
          <p className="mt-4 rounded border border-line bg-surface p-6">
            Aucun financement ouvert n&apos;est recensé pour ce territoire aujourd&apos;hui.{" "}
            {closed > 0 && <Link href={searchHref({ status: ["closed"] })} className="text-brand underline">Voir les appels passés</Link>}
          </p>
        ) : (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            {result.items.map((p) => <ProgrammeCard key={p.slug} programme={p} />)}
          </div>
        )}
        {result.total > result.items.length && (
          <p className="mt-4"><Link href={searchHref({})} className="text-brand underline">Voir les {result.total} financements</Link></p>
        )}
      </section>

      {funders.length > 0 && (
        <section aria-labelledby="financeurs-locaux" className="mt-10">
          <h2 id="financeurs-locaux" className="text-2xl font-bold">Financeurs du territoire</h2>
          <ul className="mt-4 grid gap-2 md:grid-cols-2">
            {funders.map((f) => (
              <li key={f.slug}><Link href={`/financeurs/${f.slug}`} className="text-brand underline">{f.name}</Link>{f.territory && <span className="text-muted"> · {f.territory.name}</span>}</li>
            ))}
          </ul>
        </section>
      )}

      {children.length > 0 && (
        <section aria-labelledby="sous-territoires" className="mt-10">
          <h2 id="sous-territoires" className="text-2xl font-bold">
            {territory.level === "region" ? "Départements" : territory.level === "departement" ? "Intercommunalités" : "Communes"}
          </h2>
          <ul className="mt-4 columns-1 gap-6 sm:columns-2 lg:columns-3">
            {children.map((c) => (
              <li key={c.id} className="break-inside-avoid py-0.5">
                <Link href={`/territoires/${c.level}/${c.code}`} className="text-brand underline">{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
