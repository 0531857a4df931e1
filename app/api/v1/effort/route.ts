import { handleApi, jsonOk, parseQuery, preflight } from "@/lib/api/responses";
import { csvResponse } from "@/lib/csv";
import { getEffortTotals } from "@/lib/data/effort";
import { effortGroupsCsv } from "@/lib/effort-csv";
import { effortQuerySchema } from "@/lib/validation/effort";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/effort?groupBy=year|funderType|funder|programme|region|departement[&format=csv] — sums computed in SQL. */
export function GET(request: Request): Promise<Response> {
  return handleApi("GET /api/v1/effort", async () => {
    const { groupBy, format } = parseQuery(new URL(request.url).searchParams, effortQuerySchema);
    const groups = await getEffortTotals({ groupBy });
    if (format === "csv") {
      return csvResponse(effortGroupsCsv(groups), `effort-financier-par-${groupBy}.csv`, {
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "public, max-age=60",
      });
    }
    return jsonOk({ groupBy, groups });
  });
}

export const OPTIONS = preflight;
