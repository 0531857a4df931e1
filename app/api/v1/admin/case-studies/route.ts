import { adminJson, adminQuery, handleAdminApi, readJsonBody } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { listCaseStudiesForAdmin } from "@/lib/data/admin/case-study-read";
import { createCaseStudy } from "@/lib/data/admin/case-study-write";
import { caseStudyListSchema } from "@/lib/validation/admin-case-study-list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/admin/case-studies — the workspace's table (search, filters, sort, pages); a contributor sees their own. */
export function GET(request: Request): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/case-studies", async () => {
    const actor = await requireApiActor(request);
    return adminJson(await listCaseStudiesForAdmin(actor, adminQuery(request, caseStudyListSchema)));
  });
}

/** POST /api/v1/admin/case-studies — creates one (a draft; a curator may send `status`). */
export function POST(request: Request): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/case-studies", async () => {
    const actor = await requireApiActor(request);
    const result = await createCaseStudy(actor, await readJsonBody(request));
    return adminJson(
      { slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, caseStudy: result.snapshot },
      { status: 201, headers: { Location: `/api/v1/admin/case-studies/${result.slug}` } },
    );
  });
}
