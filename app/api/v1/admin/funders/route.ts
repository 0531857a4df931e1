import { adminJson, adminQuery, handleAdminApi, readJsonBody } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { listFundersForAdmin } from "@/lib/data/admin/funder-read";
import { createFunder } from "@/lib/data/admin/funder-write";
import { funderListSchema } from "@/lib/validation/admin-list";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/admin/funders — the workspace's table (search, filters, sort, pages); a contributor sees their own. */
export function GET(request: Request): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/funders", async () => {
    const actor = await requireApiActor(request);
    return adminJson(await listFundersForAdmin(actor, adminQuery(request, funderListSchema)));
  });
}

/** POST /api/v1/admin/funders — creates a funder (a draft; a curator may send `status`). */
export function POST(request: Request): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/funders", async () => {
    const actor = await requireApiActor(request);
    const result = await createFunder(actor, await readJsonBody(request));
    return adminJson(
      { slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, funder: result.snapshot },
      { status: 201, headers: { Location: `/api/v1/admin/funders/${result.slug}` } },
    );
  });
}
