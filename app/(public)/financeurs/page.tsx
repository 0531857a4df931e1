import type { Metadata } from "next";
import Link from "next/link";
import { funderTypes, type FunderTypeCode } from "@/lib/codes";
import { listFunders } from "@/lib/data/funders";
import { plural } from "@/lib/format";

export const metadata: Metadata = { title: "Financeurs" };

export default async function FundersPage() {
  const funders = await listFunders();
  const groups = funderTypes.codes
    .map((type) => ({ type, funders: funders.filter((f) => f.type === type) }))
    .filter((g) => g.funders.length > 0);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-bold">Les financeurs de l&apos;inclusion numérique</h1>
      <p className="mt-2 text-lg text-muted">
        {plural(funders.length, "financeur")} : État et opérateurs publics, Union européenne, collectivités, fondations et entreprises.
      </p>
      {groups.length === 0 && <p className="mt-8 rounded border border-line bg-surface p-6">Aucun financeur n&apos;est encore recensé.</p>}
      <nav aria-label="Types de financeurs" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {groups.map((g) => (
            <li key={g.type}>
              <a href={`#${g.type}`} className="rounded-full border border-brand px-3 py-1 text-sm text-brand hover:bg-brand-light">
                {funderTypes.labels[g.type as FunderTypeCode]} ({g.funders.length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.type} aria-labelledby={g.type} className="mt-10">
          <h2 id={g.type} className="text-2xl font-bold">{funderTypes.labels[g.type]}</h2>
          <ul className="mt-4 grid gap-3 md:grid-cols-2">
            {g.funders.map((f) => (
              <li key={f.slug} className="rounded-lg border border-line p-4">
                <Link href={`/financeurs/${f.slug}`} className="font-semibold text-brand underline">
                  {f.name}
                </Link>
                {f.acronym && <span className="text-muted"> ({f.acronym})</span>}
                <p className="mt-1 text-sm text-muted">
                  {plural(f.programmeCount, "programme")}
                  {f.territory && ` · ${f.territory.name}`}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
