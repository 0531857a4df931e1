import "server-only";
import { getDatabase } from "../db/client";
import type { ReopeningPrediction } from "../programmes/reopening";
import { getProgrammeIndex, positionsOf, reopeningsAt } from "./programme-index";
import { catalogueVersion } from "./search-cache";

/**
 * The predicted reopening of the closed calls among these cards (home page, funder pages), as the
 * search's items carry it: read from the search index (the same decision as status=expected), in
 * one look-up for all the cards, never recomputed per card. Cards without a closed call are returned
 * as they are, without touching the index.
 */
export async function withReopenings<T extends { slug: string; status: string }>(
  cards: T[],
  now: Date,
): Promise<(T & { reopening: ReopeningPrediction | null })[]> {
  if (!cards.some((c) => c.status === "closed")) return cards.map((c) => ({ ...c, reopening: null }));
  const db = await getDatabase();
  const index = await getProgrammeIndex(db, await catalogueVersion(db.sql));
  const reopenings = reopeningsAt(index, positionsOf(index, cards.map((c) => c.slug)), now);
  return cards.map((c, k) => ({ ...c, reopening: c.status === "closed" ? (reopenings[k] ?? null) : null }));
}
