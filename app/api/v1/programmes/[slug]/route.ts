import { handleApi, jsonOk, preflight } from "@/lib/api/responses";
import { getProgrammeBySlug } from "@/lib/data/programmes";
import { DomainError } from "@/lib/errors";
import { SLUG } from "@/lib/validation/programme-search";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/programmes/{slug} — one published programme in full; 404 when there is none. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleApi("GET /api/v1/programmes/[slug]", async () => {
    const { slug } = await params;
    const programme = slug.length <= 200 && SLUG.test(slug) ? await getProgrammeBySlug(slug) : null;
    if (!programme) throw new DomainError("not_found", "Aucun financement publié ne porte cet identifiant.", "slug");
    return jsonOk({ ...programme, url: new URL(`/financements/${programme.slug}`, request.url).toString() });
  });
}

export const OPTIONS = preflight;
