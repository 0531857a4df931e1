import { adminJson, handleAdminApi, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { listRevisions } from "@/lib/data/admin/revisions";
import { DomainError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/admin/programmes/{slug}/revisions — the history, newest first, each with its field-by-field changes. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/programmes/[slug]/revisions", async () => {
    const actor = await requireApiActor(request);
    const history = await listRevisions(actor, { entityType: "programme", slug: await slugParam(params, "Programme") });
    if (!history) throw new DomainError("not_found", "Programme introuvable.");
    const { id: _id, ...programme } = history.entity;
    return adminJson({ programme, revisions: history.revisions.map(({ entityId: _e, entityType: _t, ...r }) => r) });
  });
}
