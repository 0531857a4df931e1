import type { ReopeningPrediction } from "@/lib/programmes/reopening";

/**
 * A predicted reopening (lib/programmes/reopening.ts), always worded as a prediction with its
 * grounds, never like the dates the funder announced (no day, no « date limite » label, its own
 * « Prévision » marker). `compact` for the cards, the full note for the programme page.
 */
export function ReopeningNotice({ prediction, compact = false }: { prediction: ReopeningPrediction | null; compact?: boolean }) {
  if (!prediction) return null;
  if (compact) {
    return (
      <p className="text-sm">
        <span className="mr-1 rounded border border-brand px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-brand">Prévision</span>{" "}
        <span className="font-semibold">{prediction.headline}</span>{" "}
        <span className="text-muted">({prediction.reasoning} ; date non annoncée par le financeur)</span>
      </p>
    );
  }
  return (
    <div className="rounded border-l-4 border-brand bg-info-light p-4" data-testid="reopening-notice">
      <p>
        <span className="mr-2 rounded border border-brand bg-white px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-brand">Prévision</span>
        <strong>{prediction.headline}</strong>
      </p>
      <p className="mt-2 text-sm">
        Pourquoi : {prediction.reasoning}. Cette prévision est faite par ce site à partir des éditions passées ; le financeur n&apos;a
        annoncé aucune date. Vérifiez auprès de lui avant de vous organiser.
      </p>
    </div>
  );
}
