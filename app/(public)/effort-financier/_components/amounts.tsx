import { formatEuros } from "@/lib/format";
import type { AmountRange } from "@/lib/data/effort";

/** Amounts as the observatory states them: a range says that the sources disagree, never a made-up figure. */

const perHead = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const rangeText = (r: AmountRange) => (r.low === r.high ? formatEuros(r.low) : `${formatEuros(r.low)} à ${formatEuros(r.high)}`);

export const perInhabitantText = (r: AmountRange) =>
  r.low === r.high ? `${perHead.format(r.low)} par habitant` : `${perHead.format(r.low)} à ${perHead.format(r.high)} par habitant`;

export function RangeAmount({ range }: { range: AmountRange }) {
  if (range.low === range.high) return <>{formatEuros(range.low)}</>;
  return (
    <>
      {rangeText(range)} <span className="text-sm text-warning">(les sources divergent)</span>
    </>
  );
}

export const yearsText = (start: number | null, end: number | null) =>
  start === null ? "" : start === end ? String(start) : `${start}–${end}`;
