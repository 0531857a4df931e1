import { adminJson, adminQuery, handleAdminApi, readJsonBody } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { listFundingRecordsForAdmin } from "@/lib/data/admin/funding-record-read";
import { createFundingRecord } from "@/lib/data/admin/funding-record-write";
import { fundingRecordListSchema } from "@/lib/validation/admin-funding-record-list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/admin/funding-records — the workspace's table (search, filters, sort, pages); a contributor sees their own. */
export function GET(request: Request): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/funding-records", async () => {
    const actor = await requireApiActor(request);
    return adminJson(await listFundingRecordsForAdmin(actor, adminQuery(request, fundingRecordListSchema)));
  });
}

/** POST /api/v1/admin/funding-records — creates one (a draft; a curator may send `status`). */
export function POST(request: Request): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/funding-records", async () => {
    const actor = await requireApiActor(request);
    const result = await createFundingRecord(actor, await readJsonBody(request));
    return adminJson(
      { slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, fundingRecord: result.snapshot },
      { status: 201, headers: { Location: `/api/v1/admin/funding-records/${result.slug}` } },
    );
  });
}
