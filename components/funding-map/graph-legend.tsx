import { calendarStatusLabels, type CalendarStatus } from "@/lib/programmes/calendar-status";
import { KIND_STYLES, STATUS_COLOURS } from "./graph-nodes";

const STATUSES: CalendarStatus[] = ["open", "closing-soon", "upcoming", "permanent", "closed"];

/** What the graph's colours and marks mean. */
export function GraphLegend() {
  return (
    <div className="mt-3 grid gap-3 text-sm md:grid-cols-2">
      <div>
        <h3 className="font-semibold">Légende</h3>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {Object.entries(KIND_STYLES).map(([kind, s]) => (
            <li key={kind} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border" style={{ background: s.fill, borderColor: s.stroke }} />
              {s.name}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border-2 border-ink bg-[#fff2a8]" />
            Trouvé par la recherche
          </li>
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">Calendrier des programmes (bord gauche)</h3>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {STATUSES.map((s) => (
            <li key={s} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-4 w-1.5 rounded-sm" style={{ background: STATUS_COLOURS[s] }} />
              {calendarStatusLabels[s]}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-muted">Un trait relie chaque élément à ce qu&apos;il contient ou finance ; ceux de l&apos;élément survolé ou choisi sont en bleu. Le nombre à droite compte les programmes.</p>
      </div>
    </div>
  );
}
