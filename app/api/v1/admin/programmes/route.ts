import { adminJson, adminQuery, handleAdminApi, readJsonBody } from "@/lib/api/admin-responses";
import { requireApiActor } from "@/lib/auth/guard";
import { findSimilarProgrammesFor } from "@/lib/data/admin/duplicates";
import { parseOrFail } from "@/lib/data/admin/entity-write";
import { listProgrammesForAdmin } from "@/lib/data/admin/programme-read";
import { createProgramme } from "@/lib/data/admin/programme-write";
import { programmeListSchema } from "@/lib/validation/admin-list";
import { programmeInputSchema } from "@/lib/validation/admin-programme";
import { confirmDuplicateSchema } from "@/lib/validation/duplicate-confirmation";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/admin/programmes — the workspace's table (search, filters, sort, pages); a contributor sees their own. */
export function GET(request: Request): Promise<Response> {
  return handleAdminApi("GET /api/v1/admin/programmes", async () => {
    const actor = await requireApiActor(request);
    return adminJson(await listProgrammesForAdmin(actor, adminQuery(request, programmeListSchema)));
  });
}

/**
 * POST /api/v1/admin/programmes — creates a programme (a draft; a curator may send `status`).
 * Possible duplicates (lib/data/admin/duplicates.ts: similar title at the same funder, same
 * application link or source) answer 409 `possible_duplicate` with `candidates`, and nothing is
 * created, unless the body says `"confirmDuplicate": true` (as the form's « créer quand même »).
 * A body that fails validation gets its 400 first.
 */
export function POST(request: Request): Promise<Response> {
  return handleAdminApi("POST /api/v1/admin/programmes", async () => {
    const actor = await requireApiActor(request);
    let body = await readJsonBody(request);
    if (body && typeof body === "object" && !Array.isArray(body)) {
      const { confirmDuplicate: raw, ...rest } = body as Record<string, unknown>;
      body = rest;
      const { confirmDuplicate } = parseOrFail(confirmDuplicateSchema, { confirmDuplicate: raw });
      const { status: _status, ...fields } = rest;
      const input = programmeInputSchema.safeParse(fields);
      if (!confirmDuplicate && input.success) {
        const candidates = await findSimilarProgrammesFor(actor, {
          title: input.data.title,
          funderSlug: input.data.funder,
          applicationUrl: input.data.applicationUrl,
          sourceUrls: input.data.sources.map((s) => s.url),
        });
        if (candidates.length > 0) return possibleDuplicate(candidates);
      }
    }
    const result = await createProgramme(actor, body);
    return adminJson(
      { slug: result.slug, version: result.version, status: result.snapshot.status, revisionId: result.revisionId, programme: result.snapshot },
      { status: 201, headers: { Location: `/api/v1/admin/programmes/${result.slug}` } },
    );
  });
}

function possibleDuplicate(candidates: Awaited<ReturnType<typeof findSimilarProgrammesFor>>): Response {
  return adminJson(
    {
      error: {
        code: "possible_duplicate",
        message:
          "Des programmes semblables existent déjà ; rien n'a été créé. Renvoyez la requête avec \"confirmDuplicate\": true si ce n'est pas un doublon.",
        fields: {},
        candidates: candidates.map((c) => ({
          slug: c.slug,
          title: c.title,
          status: c.status,
          archived: c.archived,
          funder: c.funder,
          reasons: c.reasons,
          href: `/api/v1/admin/programmes/${c.slug}`,
        })),
      },
    },
    { status: 409 },
  );
}
