import { handleApi, jsonOk, parseQuery, preflight } from "@/lib/api/responses";
import { searchTerritories } from "@/lib/data/programme-search";
import { territorySearchSchema } from "@/lib/validation/territory-search";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/territories?q=bre&limit=8 — the territory picker's suggestions (name, postal or INSEE code). */
export function GET(request: Request): Promise<Response> {
  return handleApi("GET /api/v1/territories", async () => {
    const { q, limit } = parseQuery(new URL(request.url).searchParams, territorySearchSchema);
    return jsonOk({ items: q ? await searchTerritories(q, limit) : [] });
  });
}

export const OPTIONS = preflight;
