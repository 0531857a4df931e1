import { type RowOutcome, rowOutcomeLabels } from "@/lib/import/report";

const ORDER: RowOutcome[] = ["created", "updated", "unchanged", "rejected"];

/** How many rows of each outcome, as a definition list. */
export function ImportCounts({ counts }: { counts: Record<RowOutcome, number> }) {
  return (
    <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
      {ORDER.map((o) => (
        <div key={o} className={`rounded border p-3 ${o === "rejected" && counts[o] > 0 ? "border-accent bg-warning-light" : "border-line bg-surface"}`}>
          <dt className="text-sm text-muted">{rowOutcomeLabels[o]}</dt>
          <dd className="text-2xl font-bold">{counts[o]}</dd>
        </div>
      ))}
    </dl>
  );
}
