import { csvResponse } from "@/lib/csv";
import { handleApi, parseQuery, preflight } from "@/lib/api/responses";
import { exportProgrammesCsv } from "@/lib/import/export";
import { programmeSearchSchema } from "@/lib/validation/programme-search";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/programmes.csv — the programmes GET /api/v1/programmes finds (same parameters; every
 * page, `page` and `perPage` aside), one row each with every field, in the importer's CSV format.
 */
export function GET(request: Request): Promise<Response> {
  return handleApi("GET /api/v1/programmes.csv", async () => {
    const url = new URL(request.url);
    const search = parseQuery(url.searchParams, programmeSearchSchema);
    const body = await exportProgrammesCsv(search, url.origin);
    return csvResponse(body, "programmes-inclusion-numerique.csv", { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=60" });
  });
}

export const OPTIONS = preflight;
