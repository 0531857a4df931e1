import Link from "next/link";
import { funderTypes } from "@/lib/codes";
import type { FundingRecordItem } from "@/lib/data/funding-records";
import { formatEuros } from "@/lib/format";
import { yearsText } from "./amounts";

const kindBadge = {
  spent: { text: "dépensé", className: "bg-success-light text-ink" },
  committed: { text: "engagé", className: "bg-brand-light text-ink" },
  planned: { text: "prévu (loi de finances)", className: "bg-warning-light text-ink" },
} as const;

const host = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "").replace(/\.$/, "");
  } catch {
    return url;
  }
};

/** Every record with its sources: the range where they disagree, the span of a multi-year amount, why it is not summed. */
export function RecordList({ items }: { items: FundingRecordItem[] }) {
  return (
    <ol className="mt-4 space-y-4">
      {items.map((r) => (
        <li key={r.slug} id={`montant-${r.slug}`} className="rounded-lg border border-line p-4">
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-xl font-bold tabular-nums">
              {r.amount !== null
                ? formatEuros(r.amount)
                : r.amountLow !== null && r.amountHigh !== null
                  ? `${formatEuros(r.amountLow)} à ${formatEuros(r.amountHigh)}`
                  : "Montant non établi"}
            </span>
            {r.amountLow !== null && <span className="font-semibold text-warning">les sources divergent</span>}
            <span className={`rounded px-2 py-0.5 text-sm font-semibold ${kindBadge[r.kind].className}`}>{kindBadge[r.kind].text}</span>
            <span className="text-sm text-muted">
              {r.yearStart === r.yearEnd ? r.yearStart : `${yearsText(r.yearStart, r.yearEnd)} (un montant pour toute la période)`}
            </span>
          </p>
          <p className="mt-1 font-semibold">{r.label}</p>
          <p className="mt-1 text-sm">
            {r.funder ? <Link href={`/financeurs/${r.funder.slug}`} className="underline">{r.funderLabel}</Link> : r.funderLabel}
            {r.funderType && <> · {funderTypes.labels[r.funderType]}</>}
            {" · "}
            {r.territory ? r.territoryLabel ?? r.territory.name : r.territoryLabel ?? "National"}
            {r.programme && (
              <> · programme <Link href={`/financements/${r.programme.slug}`} className="underline">{r.programme.title}</Link></>
            )}
          </p>
          {r.partOf && (
            <p className="mt-1 text-sm">
              Inclus dans <a href={`#montant-${r.partOf.slug}`} className="underline">« {r.partOf.label} »</a> : non additionné une seconde fois.
            </p>
          )}
          {r.overlapsOthers && <p className="mt-1 text-sm">Montant global qui recoupe d&apos;autres montants de cette page : non additionné.</p>}
          {r.note && <p className="mt-1 text-sm text-muted">{r.note}</p>}
          <p className="mt-2 text-sm">
            {r.sourceUrls.length > 1 ? "Sources : " : "Source : "}
            {r.sourceUrls.map((url, i) => (
              <span key={url}>
                {i > 0 && ", "}
                <a href={url} className="underline" rel="noopener">{host(url)}<span className="sr-only"> (source de « {r.label} »)</span></a>
              </span>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
