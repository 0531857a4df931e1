import type { LinkCheckCounts } from "./job-run";

const n = (count: number, one: string, many: string) => `${count.toLocaleString("fr-FR")} ${count > 1 ? many : one}`;

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${String(seconds % 60).padStart(2, "0")} s` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** « 240 adresses vérifiées : 220 valides, 12 redirigées, 6 cassées, 2 injoignables. » */
export function summarizeCounts(counts: Partial<LinkCheckCounts>, total: number): string {
  const parts = [
    n(counts.ok ?? 0, "valide", "valides"),
    n(counts.redirected ?? 0, "redirigée", "redirigées"),
    n(counts.broken ?? 0, "cassée", "cassées"),
    n(counts.unreachable ?? 0, "injoignable", "injoignables"),
  ];
  return `${n(total, "adresse vérifiée", "adresses vérifiées")} : ${parts.join(", ")}.`;
}

export const outcomeLabels = {
  ok: "Valide",
  redirected: "Redirigé",
  broken: "Cassé",
  unreachable: "Injoignable",
} as const;
