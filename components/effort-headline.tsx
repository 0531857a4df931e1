import Link from "next/link";
import { formatEuros } from "@/lib/format";

interface Props {
  actual: { low: number; high: number };
  planned: { low: number; high: number };
  firstYear: number | null;
  lastYear: number | null;
  records: number;
}

const range = (r: { low: number; high: number }) => (r.low === r.high ? formatEuros(r.low) : `${formatEuros(r.low)} à ${formatEuros(r.high)}`);

/** The observatory's headline on the home page: money documented, years covered, and the way to the details. */
export function EffortHeadline({ actual, planned, firstYear, lastYear, records }: Props) {
  if (records === 0) return null;
  return (
    <section aria-labelledby="observatoire" className="mx-auto max-w-6xl px-4 pb-10">
      <div className="rounded-lg border-l-4 border-brand bg-brand-light p-6">
        <h2 id="observatoire" className="text-2xl font-bold">L&apos;effort financier documenté</h2>
        <p className="mt-2 text-lg">
          <strong>{range(actual)}</strong> engagés ou dépensés pour l&apos;inclusion numérique de {firstYear} à {lastYear}
          {actual.low !== actual.high && " (les sources divergent sur certains montants)"}, selon {records} montants
          sourcés ; {range(planned)} de plus sont prévus en loi de finances, comptés à part.
        </p>
        <p className="mt-3">
          <Link href="/effort-financier" className="font-semibold text-brand underline">
            Voir l&apos;effort financier par année, financeur et territoire
          </Link>
        </p>
      </div>
    </section>
  );
}
