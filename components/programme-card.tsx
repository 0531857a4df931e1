import Link from "next/link";
import type { ReactNode } from "react";
import { financedItems, funderTypes } from "@/lib/codes";
import { formatEuros } from "@/lib/format";
import { formatParisDate } from "@/lib/paris-time";
import type { CalendarStatus } from "@/lib/programmes/calendar-status";
import type { ReopeningPrediction } from "@/lib/programmes/reopening";
import { ReopeningNotice } from "./reopening-notice";
import { StatusBadge } from "./status-badge";
import { TagList } from "./tag-list";

export interface ProgrammeCardData {
  slug: string;
  title: string;
  summary: string;
  funder: { name: string; type: keyof typeof funderTypes.labels };
  status: CalendarStatus;
  closesAt: Date | null;
  amountMax: number | null;
  isNational: boolean;
  territories: { id: string; name: string }[];
  financed: (keyof typeof financedItems.labels)[];
  /** A predicted reopening (closed calls), shown as a prediction: the search's items carry it. */
  reopening?: ReopeningPrediction | null;
}

function coverageText(p: Pick<ProgrammeCardData, "isNational" | "territories">) {
  if (p.isNational) return "France entière";
  const names = p.territories.map((t) => t.name);
  return names.length > 3 ? `${names.slice(0, 3).join(", ")} et ${names.length - 3} autres` : names.join(", ");
}

export function ProgrammeCard({
  programme: p, headingLevel = 3, extract,
}: { programme: ProgrammeCardData; headingLevel?: 2 | 3; extract?: ReactNode }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="relative flex flex-col gap-3 rounded-lg border border-line bg-white p-5 shadow-sm hover:border-brand">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={p.status} />
        <span className="text-muted">{funderTypes.labels[p.funder.type]}</span>
      </div>
      <Heading className="text-lg font-bold leading-snug">
        <Link href={`/financements/${p.slug}`} className="text-brand underline-offset-4 after:absolute after:inset-0 hover:underline">
          {p.title}
        </Link>
      </Heading>
      <p className="text-sm font-medium text-muted">{p.funder.name}</p>
      <p className="text-[0.95rem]">{p.summary}</p>
      {extract}
      <ReopeningNotice prediction={p.reopening ?? null} compact />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">Territoire</dt>
          <dd>{coverageText(p)}</dd>
        </div>
        <div>
          <dt className="font-semibold">Date limite</dt>
          <dd>{p.closesAt ? formatParisDate(p.closesAt) : "Non précisée"}</dd>
        </div>
        <div>
          <dt className="font-semibold">Montant maximal</dt>
          <dd>{p.amountMax !== null ? formatEuros(p.amountMax) : "Non précisé"}</dd>
        </div>
      </dl>
      <TagList label="Ce qui est financé" labels={p.financed.map((code) => financedItems.labels[code])} />
    </article>
  );
}
