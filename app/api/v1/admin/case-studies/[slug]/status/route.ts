import { adminJson, handleAdminApi, readJsonBody, slugParam } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { transitionCaseStudy } from "@/lib/data/admin/case-study-write";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/admin/case-studies/{slug}/status — a workflow step: `{ "to": "published", "version"?, "note"? }`. */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/case-studies/[slug]/status", async () => {
    const actor = await requireApiActor(request);
    const slug = await slugParam(params, "Retour d'expérience");
    const result = await transitionCaseStudy(actor, slug, await readJsonBody(request));
    return adminJson({ slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, caseStudy: result.snapshot });
  });
}
