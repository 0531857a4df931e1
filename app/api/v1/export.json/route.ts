import { handleApi, jsonOk, preflight } from "@/lib/api/responses";
import { exportCatalogueJson } from "@/lib/import/export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/export.json — every published programme and funder, in full, with their sources (re-importable). */
export function GET(request: Request): Promise<Response> {
  return handleApi("GET /api/v1/export.json", async () => jsonOk(await exportCatalogueJson(new URL(request.url).origin)));
}

export const OPTIONS = preflight;
