import Link from "next/link";
import { aidKinds, beneficiaries, financedItems, recurrences } from "@/lib/codes";
import type { ProgrammeDetail } from "@/lib/data/programmes";
import { formatEuros, formatPercent } from "@/lib/format";
import { formatParisDate } from "@/lib/paris-time";
import { TagList } from "@/components/tag-list";
import type { ReactNode } from "react";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-line pt-6">
      <h2 id={id} className="text-xl font-bold">{title}</h2>
      <div className="mt-3 space-y-3">{children}</div>
    </section>
  );
}

const Unknown = ({ children }: { children: ReactNode }) => <p className="text-muted">{children}</p>;

export function WhoCanApply({ programme: p }: { programme: ProgrammeDetail }) {
  return (
    <Section id="qui-peut-candidater" title="Qui peut candidater">
      {p.beneficiaries.length ? (
        <TagList label="Structures éligibles" labels={p.beneficiaries.map((b) => beneficiaries.labels[b])} />
      ) : (
        <Unknown>Les sources ne précisent pas les structures éligibles.</Unknown>
      )}
      {p.eligibility.length > 0 && (
        <>
          <h3 className="font-semibold">Conditions d&apos;éligibilité</h3>
          <ul className="list-disc space-y-1 pl-6">
            {p.eligibility.map((c) => <li key={c}>{c}</li>)}
          </ul>
        </>
      )}
    </Section>
  );
}

export function WhatIsFunded({ programme: p }: { programme: ProgrammeDetail }) {
  return (
    <Section id="ce-qui-est-finance" title="Ce qui est financé">
      <TagList label="Dépenses financées" labels={p.financed.map((f) => financedItems.labels[f])} />
      <p>
        <span className="font-semibold">Forme de l&apos;aide : </span>
        {p.aidKinds.map((k) => aidKinds.labels[k]).join(", ")}
      </p>
    </Section>
  );
}

export function Amounts({ programme: p }: { programme: ProgrammeDetail }) {
  const rows = [
    { label: "Enveloppe totale", value: p.amountTotal !== null ? formatEuros(p.amountTotal) : null },
    { label: "Montant minimal par projet", value: p.amountMin !== null ? formatEuros(p.amountMin) : null },
    { label: "Montant maximal par projet", value: p.amountMax !== null ? formatEuros(p.amountMax) : null },
    { label: "Taux de financement maximal", value: p.fundingRateMax !== null ? formatPercent(p.fundingRateMax) : null },
  ].filter((r) => r.value !== null);
  return (
    <Section id="montants" title="Montants">
      {rows.length > 0 && (
        <dl className="grid gap-2 sm:grid-cols-2">
          {rows.map((r) => (
            <div key={r.label}>
              <dt className="text-sm text-muted">{r.label}</dt>
              <dd className="text-lg font-semibold">{r.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {p.amountNote ? <p>{p.amountNote}</p> : rows.length === 0 && <Unknown>Les sources ne donnent pas de montant.</Unknown>}
    </Section>
  );
}

export function Calendar({ programme: p }: { programme: ProgrammeDetail }) {
  return (
    <Section id="calendrier" title="Calendrier">
      <dl className="grid gap-2 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-muted">Ouverture</dt>
          <dd className="font-semibold">{p.opensAt ? formatParisDate(p.opensAt) : "Non précisée"}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Clôture</dt>
          <dd className="font-semibold">{p.closesAt ? formatParisDate(p.closesAt) : "Non précisée"}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Rythme</dt>
          <dd className="font-semibold">{p.recurrence ? recurrences.labels[p.recurrence] : "Non précisé"}</dd>
        </div>
      </dl>
      {p.rounds.length > 0 && (
        <>
          <h3 className="font-semibold">Sessions de dépôt</h3>
          <ul className="list-disc pl-6">
            {p.rounds.map((r) => (
              <li key={r.label}>
                {r.label} : {r.closesAt ? `clôture le ${formatParisDate(r.closesAt)}` : "date non précisée"}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.calendarNote && <p>{p.calendarNote}</p>}
    </Section>
  );
}

export function Coverage({ programme: p }: { programme: ProgrammeDetail }) {
  return (
    <Section id="territoire" title="Territoire couvert">
      <p>{p.isNational ? "France entière." : p.territories.map((t) => t.name).join(", ")}</p>
      {p.coverageNote && <p className="text-sm text-muted">D&apos;après les sources : {p.coverageNote}</p>}
    </Section>
  );
}

export function Funders({ programme: p }: { programme: ProgrammeDetail }) {
  return (
    <Section id="financeurs" title="Financeurs">
      <ul className="space-y-1">
        <li>
          <Link href={`/financeurs/${p.funder.slug}`} className="font-semibold text-brand underline">{p.funder.name}</Link>{" "}
          <span className="text-muted">(financeur principal)</span>
        </li>
        {p.coFunders.map((f) => (
          <li key={f.slug}>
            <Link href={`/financeurs/${f.slug}`} className="text-brand underline">{f.name}</Link>{" "}
            <span className="text-muted">(cofinanceur)</span>
          </li>
        ))}
      </ul>
      {p.funderNote && <p className="text-sm text-muted">D&apos;après les sources : {p.funderNote}</p>}
      {p.contact && <p><span className="font-semibold">Contact : </span>{p.contact}</p>}
    </Section>
  );
}
