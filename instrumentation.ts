/**
 * Run once when each server process starts (`next start`, `next dev`), before it answers: the
 * search's index is built in the background, so that the first search does not wait for it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { warmUpSearch } = await import("./lib/data/search-warm-up");
  void warmUpSearch();
}
