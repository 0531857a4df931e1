import type { EffortGroup } from "@/lib/data/effort";
import { rangeText } from "./amounts";

const COL = 70;
const LEFT = 10;
const CHART_H = 220;
const LANE = 30;

/**
 * Money by year: one column per year for single-year amounts (spent or committed in blue, planned in a budget bill
 * hatched beside it), and below, each multi-year amount as a band spanning its years: it is never split across them.
 */
export function YearChart({ groups }: { groups: EffortGroup[] }) {
  const years = groups.flatMap((g) => [g.yearStart ?? 0, g.yearEnd ?? 0]).filter(Boolean);
  if (years.length === 0) return null;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const columns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const single = groups.filter((g) => g.yearStart === g.yearEnd);
  const spans = groups.filter((g) => g.yearStart !== g.yearEnd);
  const max = Math.max(1, ...single.map((g) => Math.max(g.actual.high, g.planned.high)));
  const h = (v: number) => (v / max) * (CHART_H - 30);
  // Room on the right for the labels of the multi-year bands, written after each band (never over it).
  const width = LEFT * 2 + columns.length * COL + (spans.length > 0 ? 260 : 0);
  const height = CHART_H + 30 + spans.length * LANE + 10;
  const x = (year: number) => LEFT + (year - first) * COL;
  return (
    <svg role="img" aria-labelledby="annees-titre" viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-4xl">
      <title id="annees-titre">
        Montants par année ; en dessous, les montants pluriannuels, chacun sur toute sa période (les chiffres sont dans le tableau qui suit)
      </title>
      <defs>
        <pattern id="annees-hachures" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#b34000" strokeWidth="3" />
        </pattern>
      </defs>
      <line x1={LEFT} x2={LEFT + columns.length * COL} y1={CHART_H} y2={CHART_H} stroke="#3a3a3a" />
      {columns.map((year) => (
        <text key={year} x={x(year) + COL / 2} y={CHART_H + 18} textAnchor="middle" fontSize="13" fill="#161616">{year}</text>
      ))}
      {single.map((g) => {
        const left = x(g.yearStart ?? first);
        return (
          <g key={g.key}>
            <rect x={left + 8} y={CHART_H - h(g.actual.low)} width={26} height={h(g.actual.low)} fill="#000091" />
            {g.actual.high > g.actual.low && (
              <rect x={left + 8} y={CHART_H - h(g.actual.high)} width={26} height={h(g.actual.high - g.actual.low)} fill="#8585f6" stroke="#000091" />
            )}
            {g.planned.high > 0 && (
              <rect x={left + 36} y={CHART_H - h(g.planned.high)} width={26} height={h(g.planned.high)} fill="url(#annees-hachures)" stroke="#b34000" />
            )}
          </g>
        );
      })}
      {spans.map((g, i) => {
        const top = CHART_H + 30 + i * LANE;
        const left = x(g.yearStart ?? first) + 4;
        const w = ((g.yearEnd ?? first) - (g.yearStart ?? first) + 1) * COL - 8;
        return (
          <g key={g.key}>
            <rect x={left} y={top} width={w} height={LANE - 8} rx={4} fill="#e3e3fd" stroke="#000091" />
            <text x={left + w + 6} y={top + 16} fontSize="12" fill="#161616">
              {`${g.label} : ${rangeText(g.actual)}${g.planned.high > 0 ? ` + prévu ${rangeText(g.planned)}` : ""}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
