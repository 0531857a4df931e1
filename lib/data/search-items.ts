import "server-only";
import { z } from "zod";
import { financedItems, funderTypes } from "../codes";
import type { FinancedCode, FunderTypeCode } from "../codes";
import { Prisma } from "../generated/prisma/client";
import { CALENDAR_STATUSES, type CalendarStatus } from "../programmes/calendar-status";
import type { ReopeningPrediction } from "../programmes/reopening";
import { SNIPPET_FRAGMENT, SNIPPET_START, SNIPPET_STOP, type SnippetSegment, splitHeadline } from "../search/snippet";

/** One result of the search, as the page and the API receive it (plain data, public codes). */
export interface ProgrammeSearchItem {
  slug: string;
  title: string;
  summary: string;
  funder: { slug: string; name: string; type: FunderTypeCode };
  status: CalendarStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  amountMax: number | null;
  applicationUrl: string | null;
  isNational: boolean;
  territories: { id: string; name: string }[];
  financed: FinancedCode[];
  /** The description around the words found; null without a text query. */
  snippet: SnippetSegment[] | null;
  /** A predicted reopening (closed calls only), never a date the funder announced. */
  reopening: ReopeningPrediction | null;
}

const territoriesSql = Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.id), '[]'::json)::text
     FROM programme_territory pt JOIN territory t ON t.id = pt.territory_id
    WHERE pt.programme_id = page.id)`;

/**
 * The columns of a result, read from a row `page` that carries the programme's columns, its
 * funder's (funder_slug, funder_name, funder_type) and its calendar_status. `territories: false`
 * leaves the territories list empty (the API does not return it; gathering it is three quarters
 * of PostgreSQL's time to read a page of results).
 */
export const itemColumns = ({ territories = true }: { territories?: boolean } = {}) => Prisma.sql`page.slug, page.title,
  page.summary, page.opens_at, page.closes_at, page.amount_max, page.application_url, page.is_national,
  coalesce(page.financed::text[], ARRAY[]::text[]) AS financed, page.funder_slug, page.funder_name,
  page.funder_type::text AS funder_type, page.calendar_status,
  ${territories ? territoriesSql : Prisma.sql`'[]'::text`} AS territories`;

export const itemColumnsSql = itemColumns();

/** Markdown reduced to plain words for the extracts (links keep their text; the markers cannot occur). */
export const plainTextSql = (column: Prisma.Sql) => Prisma.sql`regexp_replace(regexp_replace(
    translate(${column}, ${SNIPPET_START + SNIPPET_STOP + SNIPPET_FRAGMENT}, ''),
    ${String.raw`\[([^\]]*)\]\([^)]*\)`}, ${String.raw`\1`}, 'g'),
  ${String.raw`[*_#>|` + "`" + String.raw`]+|\s+`}, ' ', 'g')`;

const date = z.coerce.date().nullable();
/** Built once, not per row: a zod schema compiles its checks the first time it parses. */
const territoriesSchema = z.array(z.object({ id: z.string(), name: z.string() }));

export const itemRowSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  opens_at: date,
  closes_at: date,
  amount_max: z.coerce.number().nullable(),
  application_url: z.string().nullable(),
  is_national: z.boolean(),
  financed: z.array(z.enum(financedItems.codes)),
  funder_slug: z.string(),
  funder_name: z.string(),
  funder_type: z.enum(funderTypes.codes),
  calendar_status: z.enum(CALENDAR_STATUSES),
  territories: z.string().transform((s) => territoriesSchema.parse(JSON.parse(s))),
  headline: z.string().nullable(),
});

export function toSearchItem(row: z.infer<typeof itemRowSchema>): ProgrammeSearchItem {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    funder: { slug: row.funder_slug, name: row.funder_name, type: row.funder_type },
    status: row.calendar_status,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    amountMax: row.amount_max,
    applicationUrl: row.application_url,
    isNational: row.is_national,
    territories: row.territories,
    // In the order of the codes (as the index gives them: pageItems() in programme-index.ts).
    financed: financedItems.codes.filter((code) => row.financed.includes(code)),
    snippet: row.headline === null ? null : splitHeadline(row.headline),
    // Decided by the search index (lib/data/programme-index.ts reopeningsAt()), not by this row.
    reopening: null,
  };
}
