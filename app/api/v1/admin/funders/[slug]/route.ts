import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { getFunderForEdit } from "@/lib/data/admin/funder-read";
import { updateFunder } from "@/lib/data/admin/funder-write";
import { DomainError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/admin/funders/{slug} — the funder as the edit form has it, with its version. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/funders/[slug]", async () => {
    const actor = await requireApiActor(request);
    const found = await getFunderForEdit(actor, await slugParam(params, "Financeur"));
    if (!found) throw new DomainError("not_found", "Financeur introuvable.");
    const { snapshot, id: _id, ...meta } = found;
    return adminJson({ slug: snapshot.slug, ...meta, funder: snapshot });
  });
}

/** PATCH /api/v1/admin/funders/{slug} — any subset of the fields, with the `version` it applies to (409 if stale). */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("PATCH /api/v1/admin/funders/[slug]", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Financeur");
    const result = await updateFunder(actor, slug, await readJsonBody(request));
    return adminJson({
      slug: result.slug, version: result.version, status: result.snapshot.status, changed: result.changed,
      revisionId: result.revisionId, funder: result.snapshot,
    });
  });
}
