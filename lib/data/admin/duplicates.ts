import "server-only";
import { type Actor, canView, type EditorialStatus } from "../../auth/policy";
import { getPrisma } from "../../db/client";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { DuplicateCandidateView } from "../../validation/duplicate-confirmation";
import type { Tx } from "./entity-write";

/**
 * Possible duplicates of a programme about to be created or imported (issue 13, « Doublons »).
 * Three rules, each a reason shown to the person, who then confirms or opens the existing entry:
 *
 *   similar_title         pg_trgm similarity() of the titles (accents removed: « numerique » =
 *                         « numérique ») ≥ DUPLICATE_TITLE_THRESHOLD, with the SAME main funder only:
 *                         across funders, distinct calls share most of their words (« Appel à
 *                         projets … inclusion numérique » reaches 0.56 between two funders in the seed).
 *   same_application_url  the same application link, whatever the funder;
 *   same_source_url       one of the sources in common, whatever the funder.
 *
 * URLs are compared normalised (normalizeUrl; the same rules written in SQL below): scheme and host
 * case, http ≡ https, default port, fragment, trailing slash. Archived entries are included (the
 * person may want to bring one back rather than create it again): `archived` says so.
 *
 * One query. `db` lets the importer call it inside its transaction.
 */

/**
 * Tuned on the seed (130 programmes with the research batch of 2026-12, all distinct): the most
 * similar titles of two different programmes of one funder score 0.55 (two regional hubs of the
 * Banque des Territoires: « Hub Corsica – hub territorial pour l'inclusion numérique en Corse » and
 * « Hub-Lo – Hub territorial pour un numérique inclusif en Centre-Val de Loire »), 0.53, 0.52, 0.52,
 * then 0.49 and below. Re-typings of a title score 0.68 (words reordered, a year added), 0.77
 * (« 2e vague » → « deuxième vague »), 0.81, 0.88 (punctuation and plural), 0.89 (the year changed),
 * 1 (punctuation only). 0.6 flags none of the seed's distinct pairs, with a margin of 0.05, and every
 * one of these re-typings; an acronym swapped for its words (« AMI » for « Appel à manifestation
 * d'intérêt », 0.54) or a title cut to half its words (≈ 0.45) is missed — the URL rules then
 * usually catch it.
 */
export const DUPLICATE_TITLE_THRESHOLD = 0.6;
const MAX_CANDIDATES = 10;

export type DuplicateReasonCode = "similar_title" | "same_application_url" | "same_source_url";

export interface DuplicateReason {
  code: DuplicateReasonCode;
  /** French, for people: « titre très proche (similarité 0,72) chez le même financeur ». */
  label: string;
  /** similar_title: the similarity, 0 to 1. */
  similarity?: number;
  /** The stored URL(s) that matched (same_application_url, same_source_url). */
  urls?: string[];
}

export interface DuplicateCandidate {
  id: string;
  slug: string;
  title: string;
  status: EditorialStatus;
  archived: boolean;
  funder: { slug: string; name: string };
  createdById: string | null;
  reasons: DuplicateReason[];
}

export interface DuplicateQuery {
  title: string;
  /** The main funder, by id or by slug (the form and the API name it by slug). */
  funderId?: string | null;
  funderSlug?: string | null;
  applicationUrl?: string | null;
  sourceUrls?: readonly string[];
  /** The entry itself when it already exists (an update, a re-import). */
  excludeId?: string | null;
  limit?: number;
}

const SCHEME_HOST_REST = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)([^#]*)/;

/**
 * The form URLs are compared in: « HTTPS://Www.Exemple.fr:443/appel/#haut » and
 * « http://www.exemple.fr/appel » are both « https://www.exemple.fr/appel ». The path and the query
 * keep their case (servers may tell them apart). Not a URL (no scheme): trimmed only.
 */
export function normalizeUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim();
  if (!trimmed) return null;
  const match = SCHEME_HOST_REST.exec(trimmed);
  if (!match) return trimmed;
  const host = (match[1] ?? "").toLowerCase().replace(/:(80|443)$/, "");
  const rest = (match[2] ?? "").replace(/\/+(\?|$)/, "$1");
  return `https://${host}${rest}`;
}

/** normalizeUrl in SQL, on a column (same regular expressions; tests compare both on the same URLs). */
const normalizedUrlSql = (column: Prisma.Sql): Prisma.Sql => Prisma.sql`(CASE
  WHEN btrim(${column}) ~ '^[A-Za-z][A-Za-z0-9+.-]*://'
  THEN 'https://' || regexp_replace(lower(substring(btrim(${column}) from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)')), ':(80|443)$', '')
       || regexp_replace(coalesce(substring(btrim(${column}) from '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*([^#]*)'), ''), '/+(\\?|$)', '\\1')
  ELSE nullif(btrim(${column}), '') END)`;

/** For the tests: the SQL normalisation of one URL. */
export async function normalizeUrlInDatabase(url: string): Promise<string | null> {
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRaw<{ n: string | null }[]>`SELECT ${normalizedUrlSql(Prisma.sql`${url}::text`)} AS n`;
  return row?.n ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (value: string | null | undefined) => (value && UUID.test(value) ? value : null);

/** 0.72 → « 0,72 ». */
const frenchDecimal = (n: number) => n.toFixed(2).replace(".", ",");

interface Row {
  id: string;
  slug: string;
  title: string;
  status: EditorialStatus;
  funderSlug: string;
  funderName: string;
  createdById: string | null;
  titleSimilarity: number | null;
  applicationUrl: string | null;
  sameApplicationUrl: boolean;
  sameSources: string;
}

export async function findSimilarProgrammes(query: DuplicateQuery, db?: PrismaClient | Tx): Promise<DuplicateCandidate[]> {
  const client = db ?? (await getPrisma());
  const title = query.title.trim();
  const funderId = uuidOrNull(query.funderId);
  const funderSlug = query.funderSlug?.trim() || null;
  const applicationUrl = normalizeUrl(query.applicationUrl);
  const sources = [...new Set((query.sourceUrls ?? []).map(normalizeUrl).filter((u): u is string => u !== null))];
  const excludeId = uuidOrNull(query.excludeId);
  const limit = Math.min(Math.max(query.limit ?? MAX_CANDIDATES, 1), 50);
  if (!title && !applicationUrl && sources.length === 0) return [];

  const titleSimilarity = Prisma.sql`similarity(immutable_unaccent(p.title), immutable_unaccent(${title}::text))`;
  const sameSourceUrl = Prisma.sql`${normalizedUrlSql(Prisma.sql`s.url`)} IN (SELECT url FROM wanted)`;
  const rows = await client.$queryRaw<Row[]>`
    WITH wanted AS (SELECT jsonb_array_elements_text(${JSON.stringify(sources)}::jsonb) AS url),
         same_funder AS (SELECT coalesce(${funderId}::uuid, (SELECT id FROM funder WHERE slug = ${funderSlug}::text)) AS id),
         matched AS (
           SELECT p.id, p.slug, p.title, p.status, p.funder_id, p.application_url, p.created_by_id,
                  CASE WHEN ${title}::text <> '' AND p.funder_id = (SELECT id FROM same_funder) THEN ${titleSimilarity} END AS title_similarity,
                  (${applicationUrl}::text IS NOT NULL AND ${normalizedUrlSql(Prisma.sql`p.application_url`)} = ${applicationUrl}::text) AS same_application_url,
                  coalesce((SELECT json_agg(s.url ORDER BY s.position)::text FROM programme_source s WHERE s.programme_id = p.id AND ${sameSourceUrl}), '[]') AS same_sources
             FROM programme p
            WHERE (${excludeId}::uuid IS NULL OR p.id <> ${excludeId}::uuid)
              AND ((p.funder_id = (SELECT id FROM same_funder) AND ${title}::text <> '' AND ${titleSimilarity} >= ${DUPLICATE_TITLE_THRESHOLD})
                   OR (${applicationUrl}::text IS NOT NULL AND ${normalizedUrlSql(Prisma.sql`p.application_url`)} = ${applicationUrl}::text)
                   OR EXISTS (SELECT 1 FROM programme_source s WHERE s.programme_id = p.id AND ${sameSourceUrl}))
         )
    SELECT m.id::text AS id, m.slug, m.title, m.status::text AS status, f.slug AS "funderSlug", f.name AS "funderName",
           m.created_by_id::text AS "createdById", m.title_similarity::float8 AS "titleSimilarity", m.application_url AS "applicationUrl",
           m.same_application_url AS "sameApplicationUrl", m.same_sources AS "sameSources"
      FROM matched m JOIN funder f ON f.id = m.funder_id
     ORDER BY (m.status = 'archived'), m.same_application_url DESC, m.title_similarity DESC NULLS LAST, m.title
     LIMIT ${limit}`;

  return rows.map((row) => {
    const reasons: DuplicateReason[] = [];
    if (row.titleSimilarity !== null && row.titleSimilarity >= DUPLICATE_TITLE_THRESHOLD) {
      const similarity = Math.round(row.titleSimilarity * 100) / 100;
      reasons.push({
        code: "similar_title",
        label: `titre très proche (similarité ${frenchDecimal(similarity)}) chez le même financeur`,
        similarity,
      });
    }
    if (row.sameApplicationUrl) {
      reasons.push({ code: "same_application_url", label: "même lien de candidature", urls: row.applicationUrl ? [row.applicationUrl] : [] });
    }
    const sameSources = JSON.parse(row.sameSources) as string[];
    if (sameSources.length) {
      reasons.push({ code: "same_source_url", label: sameSources.length > 1 ? "mêmes sources" : "même source", urls: sameSources });
    }
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      status: row.status,
      archived: row.status === "archived",
      funder: { slug: row.funderSlug, name: row.funderName },
      createdById: row.createdById,
      reasons,
    };
  });
}

/**
 * The candidates this actor may be told about: everything for a curator; for a contributor, the
 * published entries (public anyway) and their own — someone else's draft stays unseen, as
 * everywhere in the workspace (lib/auth/policy.ts canView); a curator catches it in review.
 */
export async function findSimilarProgrammesFor(actor: Actor, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const found = await findSimilarProgrammes(query);
  return found.filter((c) => c.status === "published" || canView(actor, { status: c.status, createdById: c.createdById }));
}

/** A candidate as the creation form shows it: where this actor can open it, and the reasons in French. */
export function toCandidateView(actor: Actor, c: DuplicateCandidate): DuplicateCandidateView {
  const editable = canView(actor, { status: c.status, createdById: c.createdById });
  return {
    slug: c.slug,
    title: c.title,
    funderName: c.funder.name,
    status: c.status,
    archived: c.archived,
    href: editable ? `/admin/programmes/${c.slug}` : `/financements/${c.slug}`,
    reasons: c.reasons.map((r) => r.label),
  };
}
