import "server-only";
import { getDatabase } from "../db/client";
import type { LinkCheckTrigger } from "./job-run";
import { startLinkCheck } from "./run";
import { formatDuration, summarizeCounts } from "./summary";

/**
 * Starts a run inside the server process and returns as soon as it has started (or been refused
 * because another one goes on): the page follows its progress in job_run.
 */
export async function startLinkCheckInBackground(trigger: LinkCheckTrigger): Promise<"started" | "busy"> {
  const start = await startLinkCheck(await getDatabase(), { trigger });
  if (!start.started) return "busy";
  start.finished.then(
    (s) => console.log(`Vérification des liens (${trigger}) terminée en ${formatDuration(s.durationMs)} : ${summarizeCounts(s, s.total)}`),
    () => undefined, // logged and recorded in job_run by the run itself
  );
  return "started";
}
