import { fundingRecordsAnswer } from "@/lib/api/funding-records";
import { preflight } from "@/lib/api/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/funding-records.csv — the same records and filters as /api/v1/funding-records, as CSV. */
export function GET(request: Request): Promise<Response> {
  return fundingRecordsAnswer(request, true);
}

export const OPTIONS = preflight;
