import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { getFundingRecordForEdit } from "@/lib/data/admin/funding-record-read";
import { updateFundingRecord } from "@/lib/data/admin/funding-record-write";
import { DomainError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/admin/funding-records/{slug} — as the edit form has it, with its version. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/funding-records/[slug]", async () => {
    const actor = await requireApiActor(request);
    const found = await getFundingRecordForEdit(actor, await slugParam(params, "Montant"));
    if (!found) throw new DomainError("not_found", "Montant introuvable.");
    const { snapshot, id: _id, ...meta } = found;
    return adminJson({ slug: snapshot.slug, ...meta, fundingRecord: snapshot });
  });
}

/** PATCH /api/v1/admin/funding-records/{slug} — any subset of the fields, with the `version` it applies to (409 if stale). */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("PATCH /api/v1/admin/funding-records/[slug]", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Montant");
    const result = await updateFundingRecord(actor, slug, await readJsonBody(request));
    return adminJson({
      slug: result.slug, version: result.version, status: result.snapshot.status, changed: result.changed,
      revisionId: result.revisionId, fundingRecord: result.snapshot,
    });
  });
}
