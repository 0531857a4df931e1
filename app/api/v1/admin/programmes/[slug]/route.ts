import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { getProgrammeForEdit } from "@/lib/data/admin/programme-read";
import { updateProgramme } from "@/lib/data/admin/programme-write";
import { DomainError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/admin/programmes/{slug} — the programme as the edit form has it, with its version. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/programmes/[slug]", async () => {
    const actor = await requireApiActor(request);
    const found = await getProgrammeForEdit(actor, await slugParam(params, "Programme"));
    if (!found) throw new DomainError("not_found", "Programme introuvable.");
    const { snapshot, id: _id, names: _names, ...meta } = found;
    return adminJson({ slug: snapshot.slug, ...meta, programme: snapshot });
  });
}

/** PATCH /api/v1/admin/programmes/{slug} — any subset of the fields, with the `version` it applies to (409 if stale). */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("PATCH /api/v1/admin/programmes/[slug]", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Programme");
    const result = await updateProgramme(actor, slug, await readJsonBody(request));
    return adminJson({
      slug: result.slug, version: result.version, status: result.snapshot.status, changed: result.changed,
      revisionId: result.revisionId, programme: result.snapshot,
    });
  });
}
