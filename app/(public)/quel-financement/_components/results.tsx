import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { beneficiaries, financedItems } from "@/lib/codes";
import { plural } from "@/lib/format";
import { type MatcherAnswers, matcherHref, searchHref } from "@/lib/matcher/answers";
import type { Match, MatcherResult } from "@/lib/matcher/rank";
import type { MatcherPlace, Verdict } from "@/lib/matcher/reasons";
import { isAcceptingApplications } from "@/lib/programmes/calendar-status";
import { REOPENING_STATUS, searchStatusLabels } from "@/lib/programmes/reopening";

const marks: Record<Verdict, { symbol: string; label: string; className: string }> = {
  yes: { symbol: "✓", label: "Oui", className: "text-[#0b4e24]" },
  warning: { symbol: "⚠", label: "À vérifier", className: "text-[#8a2c00]" },
  no: { symbol: "✗", label: "Non", className: "text-accent" },
};

function MatchCard({ match }: { match: Match }) {
  const p = match.programme;
  return (
    <li className="rounded-lg border border-line bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={p.status} />
        <span className="text-sm text-muted">{p.funder.name}</span>
      </div>
      <h3 className="mt-2 text-lg font-bold leading-snug">
        <Link href={`/financements/${p.slug}`} className="text-brand underline">{p.title}</Link>
      </h3>
      <p className="mt-2 text-sm font-semibold">Pourquoi :</p>
      <ul className="mt-1 space-y-1">
        {match.reasons.map((r) => (
          <li key={r.criterion} className="flex gap-2">
            <span aria-hidden="true" className={`font-bold ${marks[r.verdict].className}`}>{marks[r.verdict].symbol}</span>
            <span><span className="sr-only">{marks[r.verdict].label} : </span>{r.text}</span>
          </li>
        ))}
      </ul>
      {p.applicationUrl && (
        <p className="mt-3">
          <a href={p.applicationUrl} rel="noopener noreferrer" className="font-semibold text-brand underline">
            {isAcceptingApplications(p.status) ? "Candidater" : "Page de l'appel"}<span className="sr-only"> : {p.title}</span> (site du financeur)
          </a>
        </p>
      )}
    </li>
  );
}

function Group({ id, title, intro, matches }: { id: string; title: string; intro: string; matches: Match[] }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">{title} ({matches.length})</h2>
      <p className="mt-1 text-muted">{intro}</p>
      <ul className="mt-4 grid gap-4 md:grid-cols-2">
        {matches.map((m) => <MatchCard key={m.programme.slug} match={m} />)}
      </ul>
    </section>
  );
}

export function Results({ answers, place, result }: { answers: MatcherAnswers; place: MatcherPlace | null; result: MatcherResult & { total: number } }) {
  const fitting = result.open.length + result.reopening.length + result.other.length;
  const structure = answers.structure ? beneficiaries.labels[answers.structure] : "";
  return (
    <div>
      <h1 className="text-3xl font-bold">Vos financements possibles</h1>
      <dl className="mt-4 grid gap-2 rounded-lg bg-brand-light p-4 sm:grid-cols-3">
        <div>
          <dt className="font-semibold">Structure</dt>
          <dd>{structure} <Link href={matcherHref(answers, "structure")} className="text-brand underline">modifier<span className="sr-only"> la structure</span></Link></dd>
        </div>
        <div>
          <dt className="font-semibold">Territoire</dt>
          <dd>{place ? place.name : "Toute la France"} <Link href={matcherHref(answers, "lieu")} className="text-brand underline">modifier<span className="sr-only"> le territoire</span></Link></dd>
        </div>
        <div>
          <dt className="font-semibold">Besoins</dt>
          <dd>
            {answers.needs.length ? answers.needs.map((n) => financedItems.labels[n]).join(", ") : "Tous"}{" "}
            <Link href={matcherHref(answers, "besoins")} className="text-brand underline">modifier<span className="sr-only"> les besoins</span></Link>
          </dd>
        </div>
      </dl>
      <p role="status" className="mt-4 text-lg">
        {plural(fitting, "programme correspond", "programmes correspondent")} à vos réponses
        {result.ruledOut.length > 0 && <>, sur {plural(result.total, "programme", "programmes")} {place ? `couvrant ${place.name}` : "recensés"}</>}.
      </p>
      <p className="mt-2">
        <Link href={searchHref(answers)} className="text-brand underline">Voir la même recherche dans tous les financements</Link>
        {" · "}
        <span className="text-muted">Adresse de cette page à partager : elle garde vos réponses.</span>
      </p>
      <Group id="ouverts" title="Ouverts maintenant" intro="Appels en cours, dispositifs permanents et ouvertures annoncées." matches={result.open} />
      <Group
        id="reouverture"
        title={searchStatusLabels[REOPENING_STATUS]}
        intro="Appels clos qui reviennent chaque année : une réouverture est attendue. Une prévision de ce site, pas une date annoncée par le financeur."
        matches={result.reopening}
      />
      <Group id="autres" title="Les autres programmes" intro="Clos, sans nouvelle édition connue : utiles pour repérer les financeurs du domaine." matches={result.other} />
      {fitting === 0 && <p className="mt-8 rounded border-l-4 border-warning bg-warning-light p-3">Aucun programme ne correspond à toutes vos réponses : essayez sans préciser vos besoins, ou un territoire plus large.</p>}
      {result.ruledOut.length > 0 && (
        <details className="mt-8">
          <summary className="cursor-pointer font-semibold text-brand underline">
            {plural(result.ruledOut.length, "programme ne correspond pas", "programmes ne correspondent pas")} à votre structure ou à vos besoins
          </summary>
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {result.ruledOut.map((m) => <MatchCard key={m.programme.slug} match={m} />)}
          </ul>
        </details>
      )}
    </div>
  );
}
