import { fundingRecordsAnswer } from "@/lib/api/funding-records";
import { preflight } from "@/lib/api/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/funding-records?year=2021&funderType=etat&funder=…&territory=region:76[&format=csv] — the published funding records. */
export function GET(request: Request): Promise<Response> {
  return fundingRecordsAnswer(request, false);
}

export const OPTIONS = preflight;
