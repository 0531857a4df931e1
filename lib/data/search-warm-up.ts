import "server-only";
import { getDatabase } from "../db/client";
import { getProgrammeIndex, type ProgrammeIndex } from "./programme-index";
import { catalogueVersion } from "./search-cache";

/**
 * Builds the search's index when the server starts (instrumentation.ts), so that the first search
 * does not wait for it (a few seconds at 100,000 programmes, BENCHMARKS.md). Searches arriving
 * meanwhile share this build; a failure is only logged (null): the first search builds it again.
 */
export async function warmUpSearch(log: Pick<Console, "info" | "error"> = console): Promise<ProgrammeIndex | null> {
  const started = performance.now();
  try {
    const db = await getDatabase();
    const index = await getProgrammeIndex(db, await catalogueVersion(db.sql));
    log.info(`Index de recherche prêt : ${index.size} programmes en ${Math.round(performance.now() - started)} ms.`);
    return index;
  } catch (error) {
    log.error("[démarrage] index de recherche non préparé (la première recherche le construira) :", error);
    return null;
  }
}
