import { handleApi, jsonOkText, parseQuery, preflight } from "@/lib/api/responses";
import { type ProgrammeSearchResult, searchProgrammesAs } from "@/lib/data/programme-search";
import { programmeSearchSchema } from "@/lib/validation/programme-search";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/programmes — the search of /financements as JSON (same parameters, same code path:
 * lib/validation/programme-search.ts). `status` (repeatable, one or the other): open, closing-soon,
 * upcoming, permanent, closed, and expected — the closed calls whose reopening this site predicts
 * from their past editions (lib/programmes/reopening.ts); without it, every status but closed.
 * Dates are ISO 8601; `url` is the programme's page on this site. `predictedReopening` is null, or
 * a PREDICTION (never a date the funder announced): `month` (YYYY-MM, or null when unknown),
 * `monthIs` (opening: reopens around that month; closing: reopens before it), `basis` (rhythm,
 * single, recurrence), `headline`, `reasoning` and `text` in French, and `announced: false`.
 */
export function GET(request: Request): Promise<Response> {
  return handleApi("GET /api/v1/programmes", async () => {
    const url = new URL(request.url);
    const search = parseQuery(url.searchParams, programmeSearchSchema);
    // The answer's text is kept in the search cache: a repeated search costs no serialisation. The
    // answer has neither extracts nor territories: they are not read.
    const text = await searchProgrammesAs(search, `api|${url.origin}`, (result) => JSON.stringify(toBody(result, url.origin)), {
      snippets: false,
      territories: false,
    });
    return jsonOkText(text);
  });
}

export const OPTIONS = preflight;

function toBody(result: ProgrammeSearchResult, origin: string) {
  return {
    total: result.total,
    page: result.page,
    perPage: result.perPage,
    items: result.items.map((item) => ({
      slug: item.slug,
      title: item.title,
      summary: item.summary,
      funder: item.funder,
      status: item.status,
      opensAt: item.opensAt,
      closesAt: item.closesAt,
      amountMax: item.amountMax,
      applicationUrl: item.applicationUrl,
      predictedReopening: item.reopening && {
        month: item.reopening.month,
        monthIs: item.reopening.monthIs,
        basis: item.reopening.basis,
        headline: item.reopening.headline,
        reasoning: item.reopening.reasoning,
        text: item.reopening.text,
        announced: false,
      },
      url: new URL(`/financements/${item.slug}`, origin).toString(),
    })),
    facets: result.facets,
  };
}
