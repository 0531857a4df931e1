/**
 * Run once when each server process starts, before it answers: the search's index is built in the
 * background, so that the first search does not wait for it. Not under `next dev`, where each
 * bundle keeps its own index (lib/data/programme-index.ts): one built here would serve nobody.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "development") return;
  const { warmUpSearch } = await import("./lib/data/search-warm-up");
  void warmUpSearch();
  void import("./lib/links/schedule").then((m) => m.startLinkCheckSchedule()); // daily link check, LINK_CHECK_SCHEDULE=off disables it
}
