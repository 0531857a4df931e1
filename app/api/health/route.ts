import { checkHealth } from "@/lib/data/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/health — for uptime probes and load balancers: 200 `{ status: "ok", database,
 * catalogueVersion }` when the app reaches its database, else 503 (the reason goes to the log only).
 */
export async function GET(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  try {
    return Response.json(await checkHealth(), { headers });
  } catch (error) {
    console.error("[api] GET /api/health : base injoignable :", error);
    return Response.json(
      { status: "indisponible", message: "La base de données ne répond pas." },
      { status: 503, headers: { ...headers, "Retry-After": "30" } },
    );
  }
}
