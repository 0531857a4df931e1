import { toParisIsoDate } from "@/lib/paris-time";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "numeric", month: "short", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });

/** A date (and optionally the time, in Paris) in French, inside <time datetime>. */
export function TimeStamp({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  return (
    <time dateTime={withTime ? date.toISOString() : toParisIsoDate(date)}>
      {dayFormat.format(date)}
      {withTime && ` à ${timeFormat.format(date)}`}
    </time>
  );
}
