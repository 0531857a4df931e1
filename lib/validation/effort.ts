import { z } from "zod";
import { funderTypes } from "../codes";

/** Query parameters of GET /api/v1/funding-records and GET /api/v1/effort (and of the page's CSV links). */

const first = (v: unknown) => {
  const value = Array.isArray(v) ? v[0] : v;
  return value === "" ? undefined : value;
};

export const effortGroupings = ["year", "funderType", "funder", "programme", "region", "departement"] as const;
export type EffortGroupBy = (typeof effortGroupings)[number];

const territory = z
  .string({ error: "territory doit être un identifiant de territoire." })
  .regex(/^(region|departement|epci|commune):[0-9AB]{2,9}$/, "territory doit être de la forme region:53, departement:29, epci:<SIREN> ou commune:<code INSEE>.");

export const fundingRecordQuerySchema = z.object({
  year: z.preprocess(
    first,
    z.coerce
      .number({ error: "year doit être une année." })
      .int("year doit être une année.")
      .min(1990, "year doit être comprise entre 1990 et 2100.")
      .max(2100, "year doit être comprise entre 1990 et 2100.")
      .optional(),
  ),
  funderType: z.preprocess(
    first,
    z.enum(funderTypes.codes, { error: `funderType doit valoir ${funderTypes.codes.join(", ")}.` }).optional(),
  ),
  funder: z.preprocess(
    first,
    z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "funder doit être l'identifiant (slug) d'un financeur.").max(200).optional(),
  ),
  territory: z.preprocess(first, territory.optional()),
  format: z.preprocess(first, z.enum(["json", "csv"], { error: "format doit valoir json ou csv." }).default("json")),
});

export type FundingRecordQuery = z.output<typeof fundingRecordQuerySchema>;

export const effortQuerySchema = z.object({
  groupBy: z.preprocess(
    first,
    z.enum(effortGroupings, { error: `groupBy doit valoir ${effortGroupings.join(", ")}.` }).default("year"),
  ),
  format: z.preprocess(first, z.enum(["json", "csv"], { error: "format doit valoir json ou csv." }).default("json")),
});

export type EffortQuery = z.output<typeof effortQuerySchema>;
