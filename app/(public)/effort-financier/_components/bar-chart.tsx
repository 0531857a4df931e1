import type { AmountRange } from "@/lib/data/effort";
import { rangeText } from "./amounts";

export interface BarDatum {
  key: string;
  label: string;
  actual: AmountRange;
  planned: AmountRange;
}

const ROW = 34;
const LABEL_W = 230;
const BAR_W = 360;
const VALUE_W = 340;

const shorten = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Horizontal bars drawn on the server: money spent or committed in solid blue (its disputed part lighter), money planned
 * in a budget bill as a separate hatched bar, never stacked on it. The figure is a picture of the table beside it.
 */
export function BarChart({ data, title, id }: { data: BarDatum[]; title: string; id: string }) {
  const max = Math.max(1, ...data.map((d) => Math.max(d.actual.high, d.planned.high)));
  const scale = (v: number) => (v / max) * BAR_W;
  const rowsOf = (d: BarDatum) => (d.planned.high > 0 ? 2 : 1);
  const tops = data.reduce<number[]>((acc, d, i) => [...acc, i === 0 ? 5 : (acc[i - 1] ?? 5) + rowsOf(data[i - 1] ?? d) * ROW], []);
  const height = data.reduce((h, d) => h + rowsOf(d) * ROW, 0) + 10;
  return (
    <svg role="img" aria-labelledby={`${id}-titre`} viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height}`} className="h-auto w-full max-w-4xl">
      <title id={`${id}-titre`}>{`${title} (les chiffres sont dans le tableau qui suit)`}</title>
      <defs>
        <pattern id={`${id}-hachures`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#b34000" strokeWidth="3" />
        </pattern>
      </defs>
      {data.map((d, i) => {
        const top = tops[i] ?? 5;
        return (
          <g key={d.key}>
            <text x={LABEL_W - 8} y={top + 20} textAnchor="end" fontSize="13" fill="#161616">{shorten(d.label)}</text>
            <rect x={LABEL_W} y={top + 6} width={Math.max(1, scale(d.actual.low))} height={20} fill="#000091" />
            {d.actual.high > d.actual.low && (
              <rect x={LABEL_W + scale(d.actual.low)} y={top + 6} width={scale(d.actual.high - d.actual.low)} height={20} fill="#8585f6" stroke="#000091" />
            )}
            <text x={LABEL_W + scale(d.actual.high) + 6} y={top + 20} fontSize="12" fill="#161616">{rangeText(d.actual)}</text>
            {d.planned.high > 0 && (
              <>
                <rect x={LABEL_W} y={top + ROW + 4} width={Math.max(1, scale(d.planned.high))} height={20} fill={`url(#${id}-hachures)`} stroke="#b34000" />
                <text x={LABEL_W + scale(d.planned.high) + 6} y={top + ROW + 18} fontSize="12" fill="#b34000">
                  {`prévu (loi de finances) : ${rangeText(d.planned)}`}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
