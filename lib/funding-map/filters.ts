import { z } from "zod";
import type { BeneficiaryCode } from "../codes";
import { type ProgrammeSearch, programmeSearchSchema, withoutControlCharacters } from "../validation/programme-search";

/**
 * The filters of /cartographie, with the meaning they have in the search of /financements (the same
 * schema's fields): `territory` (a territory id: the programmes available there, its containing
 * territories' and the national ones), `beneficiary` (open to any of them), `status` (any of them;
 * none chosen: every status but « clos », as the search does). `lieu` is the place typed without
 * JavaScript, resolved by the page.
 */
export interface FundingMapFilters {
  territory?: string;
  lieu?: string;
  beneficiary: BeneficiaryCode[];
  status: ProgrammeSearch["status"];
}

const fields = programmeSearchSchema.pick({ territory: true, beneficiary: true, status: true }).shape;
const lieuSchema = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional());

/** Parses each filter on its own: a wrong one is ignored, with its French message, the others kept. */
export function parseFundingMapFilters(raw: Record<string, string | string[] | undefined>): { filters: FundingMapFilters; ignored: string[] } {
  const ignored: string[] = [];
  const field = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ignored.push(parsed.error.issues[0]?.message ?? "Paramètre invalide.");
    return fallback;
  };
  const lieu = lieuSchema.safeParse(raw.lieu);
  const place = lieu.success && lieu.data !== undefined ? withoutControlCharacters(lieu.data).trim().slice(0, 100) : undefined;
  return {
    filters: {
      territory: field(fields.territory, raw.territory, undefined),
      lieu: place,
      beneficiary: field(fields.beneficiary, raw.beneficiary, []),
      status: field(fields.status, raw.status, []),
    },
    ignored,
  };
}

/** The filters as a query string, without « ? » (territory, then beneficiaries, then statuses). */
export function filterQuery(filters: Pick<FundingMapFilters, "territory" | "beneficiary" | "status">): string {
  const params = new URLSearchParams();
  if (filters.territory) params.append("territory", filters.territory);
  for (const b of filters.beneficiary) params.append("beneficiary", b);
  for (const s of filters.status) params.append("status", s);
  return params.toString();
}
