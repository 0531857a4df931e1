import "server-only";
import { Cron } from "croner";
import { readLinkCheckSchedule, SCHEDULE_TIMEZONE } from "./config";
import { startLinkCheckInBackground } from "./background";

const holder = globalThis as unknown as { __finLinkCheckCron?: Cron };

/**
 * The daily link check of the served application (instrumentation.ts, `next start` only): at 04:30 in
 * Paris by default, LINK_CHECK_SCHEDULE=<cron> to change it, LINK_CHECK_SCHEDULE=off to disable it.
 * Every server process schedules it; the run's lock lets only one of them check (the others skip).
 */
export function startLinkCheckSchedule(env: NodeJS.ProcessEnv = process.env): Cron | null {
  const pattern = readLinkCheckSchedule(env);
  if (!pattern || holder.__finLinkCheckCron) return holder.__finLinkCheckCron ?? null;
  try {
    holder.__finLinkCheckCron = new Cron(pattern, { timezone: SCHEDULE_TIMEZONE, protect: true, name: "links:check", unref: true }, async () => {
      try {
        if ((await startLinkCheckInBackground("schedule")) === "busy") console.log("Vérification des liens : une autre est déjà en cours, celle-ci est sautée.");
      } catch (error) {
        console.error("Vérification des liens : impossible de la lancer :", error);
      }
    });
  } catch (error) {
    console.error(`LINK_CHECK_SCHEDULE invalide (« ${pattern} ») : la vérification quotidienne des liens n'est pas programmée.`, (error as Error).message);
    return null;
  }
  return holder.__finLinkCheckCron;
}

/** Stops the daily run (tests; a process that shuts down needs nothing: the timer is unref'd). */
export function stopLinkCheckSchedule(): void {
  holder.__finLinkCheckCron?.stop();
  holder.__finLinkCheckCron = undefined;
}
