import { z } from "zod";
import { withoutControlCharacters } from "./programme-search";

/** Parameters of GET /api/v1/territories (the territory picker). */

export const MAX_TERRITORY_QUERY_LENGTH = 100;

const first = (v: unknown) => {
  const value = Array.isArray(v) ? v[0] : v;
  return value === "" ? undefined : value;
};

export const territorySearchSchema = z.object({
  q: z.preprocess(
    first,
    z
      .string({ error: "q doit être un texte." })
      .max(MAX_TERRITORY_QUERY_LENGTH, `Le lieu cherché (q) est limité à ${MAX_TERRITORY_QUERY_LENGTH} caractères.`)
      .transform((s) => withoutControlCharacters(s).trim())
      .default(""),
  ),
  limit: z.preprocess(
    first,
    z.coerce
      .number({ error: "limit doit être un nombre." })
      .int("limit doit être un nombre entier.")
      .min(1, "limit doit valoir au moins 1.")
      .max(20, "limit doit valoir au plus 20.")
      .default(8),
  ),
});

export type TerritorySearch = z.output<typeof territorySearchSchema>;
