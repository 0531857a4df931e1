import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { restoreFundingRecordRevision } from "@/lib/data/admin/funding-record-write";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/admin/funding-records/{slug}/restore — brings back a revision's state: `{ "revisionId", "version", "note"? }`. */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/funding-records/[slug]/restore", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Montant");
    const result = await restoreFundingRecordRevision(actor, slug, await readJsonBody(request));
    return adminJson({ slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, fundingRecord: result.snapshot });
  });
}
