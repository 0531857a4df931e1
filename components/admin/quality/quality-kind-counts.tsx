import Link from "next/link";
import { hrefWith } from "@/components/admin/pagination";
import type { QualityCounts } from "@/lib/data/admin/quality";
import { QUALITY_KINDS, type QualityKind, qualityKindLabels } from "@/lib/validation/quality-queue";

/**
 * The queue's size per kind of problem, each a link to the queue filtered on it (the dashboard and
 * the top of /admin/qualite). `current` marks the kind shown; `params` are kept in the links.
 */
export function QualityKindCounts({
  counts, current, params = {}, kinds = QUALITY_KINDS, headingId,
}: {
  counts: QualityCounts;
  current?: QualityKind;
  params?: Record<string, string | undefined>;
  kinds?: readonly QualityKind[];
  /** The heading the list belongs to (aria-labelledby). */
  headingId: string;
}) {
  return (
    <ul aria-labelledby={headingId} className="mt-3 grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
      {kinds.map((kind) => {
        const selected = kind === current;
        return (
          <li key={kind}>
            <Link
              href={hrefWith("/admin/qualite", { ...params, kind })}
              aria-current={selected ? "page" : undefined}
              className={`flex h-full items-baseline justify-between gap-3 rounded border px-3 py-2 hover:bg-brand-light ${
                selected ? "border-brand bg-brand-light font-semibold" : "border-line"
              }`}
            >
              <span className="text-brand underline">{qualityKindLabels[kind]}</span>
              <span className="text-xl font-bold tabular-nums">{counts[kind]}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
