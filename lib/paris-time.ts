/** Calendar days are French: a call closing on 15 September closes at the end of that day in Paris. */

const offsetFormatter = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "longOffset" });

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(at: number): number {
  const name = offsetFormatter.formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** That wall-clock time in Paris, as an instant: the offset is the one in force at that very time. */
const atParis = (isoDate: string, time: string) => {
  const wall = Date.parse(`${isoDate}T${time}Z`);
  let instant = wall - parisOffsetMinutes(wall) * 60_000;
  // Near a change of clocks the first guess used the other side's offset: correct it once.
  instant = wall - parisOffsetMinutes(instant) * 60_000;
  return new Date(instant);
};

/** 00:00:00 in Paris on that day (YYYY-MM-DD). */
export const parisStartOfDay = (isoDate: string) => atParis(isoDate, "00:00:00.000");
/** 23:59:59.999 in Paris on that day (YYYY-MM-DD). */
export const parisEndOfDay = (isoDate: string) => atParis(isoDate, "23:59:59.999");

const dayFormatter = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric" });
/** "15 septembre 2023" */
export const formatParisDate = (date: Date) => dayFormatter.format(date);

/** YYYY-MM-DD of that instant in Paris. */
export const toParisIsoDate = (date: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(date);
