import { adminJson, adminQuery, handleAdminApi, readJsonBody } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { listProgrammesForAdmin } from "@/lib/data/admin/programme-read";
import { createProgramme } from "@/lib/data/admin/programme-write";
import { programmeListSchema } from "@/lib/validation/admin-list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/admin/programmes — the workspace's table (search, filters, sort, pages); a contributor sees their own. */
export function GET(request: Request): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/programmes", async () => {
    const actor = await requireApiActor(request);
    return adminJson(await listProgrammesForAdmin(actor, adminQuery(request, programmeListSchema)));
  });
}

/** POST /api/v1/admin/programmes — creates a programme (a draft; a curator may send `status`). */
export function POST(request: Request): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/programmes", async () => {
    const actor = await requireApiActor(request);
    const result = await createProgramme(actor, await readJsonBody(request));
    return adminJson(
      { slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, programme: result.snapshot },
      { status: 201, headers: { Location: `/api/v1/admin/programmes/${result.slug}` } },
    );
  });
}
