import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { restoreCaseStudyRevision } from "@/lib/data/admin/case-study-write";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/admin/case-studies/{slug}/restore — brings back a revision's state: `{ "revisionId", "version", "note"? }`. */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/case-studies/[slug]/restore", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Retour d'expérience");
    const result = await restoreCaseStudyRevision(actor, slug, await readJsonBody(request));
    return adminJson({ slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, caseStudy: result.snapshot });
  });
}
