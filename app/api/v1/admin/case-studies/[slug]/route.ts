import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { getCaseStudyForEdit } from "@/lib/data/admin/case-study-read";
import { updateCaseStudy } from "@/lib/data/admin/case-study-write";
import { DomainError } from "@/lib/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/admin/case-studies/{slug} — as the edit form has it, with its version. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/case-studies/[slug]", async () => {
    const actor = await requireApiActor(request);
    const found = await getCaseStudyForEdit(actor, await slugParam(params, "Retour d'expérience"));
    if (!found) throw new DomainError("not_found", "Retour d'expérience introuvable.");
    const { snapshot, id: _id, ...meta } = found;
    return adminJson({ slug: snapshot.slug, ...meta, caseStudy: snapshot });
  });
}

/** PATCH /api/v1/admin/case-studies/{slug} — any subset of the fields, with the `version` it applies to (409 if stale). */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handleAdminApi("PATCH /api/v1/admin/case-studies/[slug]", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Retour d'expérience");
    const result = await updateCaseStudy(actor, slug, await readJsonBody(request));
    return adminJson({
      slug: result.slug, version: result.version, status: result.snapshot.status, changed: result.changed,
      revisionId: result.revisionId, caseStudy: result.snapshot,
    });
  });
}
