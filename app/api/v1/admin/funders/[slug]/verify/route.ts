import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { verifyFunder } from "@/lib/data/admin/funder-write";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/admin/funders/{slug}/verify — « vérifié auprès de la source » now: `{ "version", "note"? }` (curators). */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/funders/[slug]/verify", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Financeur");
    const result = await verifyFunder(actor, slug, await readJsonBody(request));
    return adminJson({ slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, funder: result.snapshot });
  });
}
