import { findFundingRecords } from "../data/funding-records";
import { fundingRecordsCsv } from "../effort-csv";
import { csvResponse } from "../csv";
import { fundingRecordQuerySchema } from "../validation/effort";
import { handleApi, jsonOk, parseQuery } from "./responses";

const PUBLIC = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=60",
};

/** GET /api/v1/funding-records (JSON, or CSV with format=csv or the .csv address). */
export function fundingRecordsAnswer(request: Request, forceCsv: boolean): Promise<Response> {
  return handleApi("GET /api/v1/funding-records", async () => {
    const { format, ...filters } = parseQuery(new URL(request.url).searchParams, fundingRecordQuerySchema);
    const { total, items } = await findFundingRecords(filters);
    if (forceCsv || format === "csv") return csvResponse(fundingRecordsCsv(items), "montants-inclusion-numerique.csv", PUBLIC);
    return jsonOk({ total, items });
  });
}
