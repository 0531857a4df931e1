import "server-only";
import { Prisma } from "../generated/prisma/client";
import { getPrisma } from "../db/client";
import { funderTypes } from "../codes";
import type { EffortGroupBy } from "../validation/effort";

/**
 * The financial effort: sums of the published funding records, all computed by PostgreSQL.
 *
 * Rules (the page, the API and the tests share them):
 * - a record counts once: breakdowns (`part_of_id`, « dont ») and summary figures that overlap others
 *   (`overlaps_others`) are shown but never summed;
 * - a disputed amount is a range: every sum is a range too (low = amount or amount_low, high = amount or amount_high);
 * - money planned in a budget bill (`kind = planned`) is summed apart from money spent or committed;
 * - a multi-year amount is one amount for its span: grouped « by year », it forms its own group (2021–2022),
 *   never split across the years;
 * - territorial groups take a record at its level and above: a commune's record counts in its département and
 *   région, a région's record in no département. Records without a territory form the group with key null. A
 *   breakdown of a national total counts in its territory (the total, national, is in no territory).
 */

export interface AmountRange {
  low: number;
  high: number;
}

export interface EffortGroup {
  /** `2021` or `2021-2022` (year), a funder type code, a funder slug (or its free-text name), a programme slug, a territory id; null: none. */
  key: string | null;
  label: string;
  yearStart: number | null;
  yearEnd: number | null;
  /** Money spent or committed. */
  actual: AmountRange;
  /** Money planned in a budget bill, never added to `actual`. */
  planned: AmountRange;
  /** Records summed (breakdowns and overlapping totals excluded), of which disputed (ranges). */
  records: number;
  disputed: number;
  population: number | null;
  /** `actual` per inhabitant, where the group is a territory with a known population. */
  actualPerInhabitant: AmountRange | null;
}

interface Row {
  key: string | null;
  label: string | null;
  year_start: number | null;
  year_end: number | null;
  actual_low: number;
  actual_high: number;
  planned_low: number;
  planned_high: number;
  records: number;
  disputed: number;
  population: number | null;
}

/** The record's effective funder type: its funder's, else its own, else its programme's funder's. */
const typeExpr = Prisma.sql`coalesce(f.type, fr.funder_type, pf.type)::text`;

interface Grouping {
  key: Prisma.Sql;
  label: Prisma.Sql;
  extra: Prisma.Sql;
  join: Prisma.Sql;
  /** Which records count: by default those no other record includes. */
  counted?: Prisma.Sql;
}

const notIncluded = Prisma.sql`fr.part_of_id IS NULL`;

function grouping(groupBy: EffortGroupBy): Grouping {
  const none = Prisma.sql`NULL::int`;
  switch (groupBy) {
    case "year":
      return {
        key: Prisma.sql`CASE WHEN fr.year_start = fr.year_end THEN fr.year_start::text ELSE fr.year_start || '-' || fr.year_end END`,
        label: Prisma.sql`CASE WHEN fr.year_start = fr.year_end THEN fr.year_start::text ELSE fr.year_start || '–' || fr.year_end END`,
        extra: Prisma.sql`fr.year_start AS year_start, fr.year_end AS year_end, NULL::int AS population`,
        join: Prisma.empty,
      };
    case "funderType":
      return { key: typeExpr, label: typeExpr, extra: Prisma.sql`${none} AS year_start, ${none} AS year_end, ${none} AS population`, join: Prisma.empty };
    case "funder":
      return {
        key: Prisma.sql`coalesce(f.slug, fr.funder_label, pf.slug)`,
        label: Prisma.sql`coalesce(f.name, fr.funder_label, pf.name)`,
        extra: Prisma.sql`${none} AS year_start, ${none} AS year_end, ${none} AS population`,
        join: Prisma.empty,
      };
    case "programme":
      return {
        key: Prisma.sql`p.slug`,
        label: Prisma.sql`coalesce(p.title, 'Sans programme du catalogue')`,
        extra: Prisma.sql`${none} AS year_start, ${none} AS year_end, ${none} AS population`,
        join: Prisma.empty,
      };
    case "region":
    case "departement": {
      const target =
        groupBy === "region"
          ? Prisma.sql`CASE t.level WHEN 'region' THEN t.id ELSE t.region_id END`
          : Prisma.sql`CASE WHEN t.level = 'departement' THEN t.id WHEN t.level IN ('epci', 'commune') THEN t.departement_id END`;
      return {
        key: Prisma.sql`g.id`,
        label: groupBy === "region"
          ? Prisma.sql`coalesce(g.name, 'National ou non localisé')`
          : Prisma.sql`coalesce(g.name, 'National, régional ou non localisé')`,
        extra: Prisma.sql`${none} AS year_start, ${none} AS year_end, g.population AS population`,
        join: Prisma.sql`LEFT JOIN territory g ON g.id = ${target}`,
        // A breakdown of a national total is news for its territory: counted there (not in the national group,
        // where its total already is).
        counted: Prisma.sql`(fr.part_of_id IS NULL OR (parent.territory_id IS NULL AND g.id IS NOT NULL))`,
      };
    }
  }
}

/** Totals of the published records grouped one way, largest actual amount first (by year: in time order). */
export async function getEffortTotals(options: { groupBy: EffortGroupBy }): Promise<EffortGroup[]> {
  const prisma = await getPrisma();
  const g = grouping(options.groupBy);
  const order =
    options.groupBy === "year"
      ? Prisma.sql`ORDER BY year_start, year_end`
      : Prisma.sql`ORDER BY (key IS NULL), actual_high DESC, planned_high DESC, label`;
  const groupCols = options.groupBy === "year" ? Prisma.sql`1, 2, 3, 4` : Prisma.sql`1, 2`;
  const regionalGroup = options.groupBy === "region" || options.groupBy === "departement" ? Prisma.sql`, g.population` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT ${g.key} AS key, ${g.label} AS label, ${g.extra},
        coalesce(sum(coalesce(fr.amount, fr.amount_low)) FILTER (WHERE fr.kind <> 'planned'), 0)::float8 AS actual_low,
        coalesce(sum(coalesce(fr.amount, fr.amount_high)) FILTER (WHERE fr.kind <> 'planned'), 0)::float8 AS actual_high,
        coalesce(sum(coalesce(fr.amount, fr.amount_low)) FILTER (WHERE fr.kind = 'planned'), 0)::float8 AS planned_low,
        coalesce(sum(coalesce(fr.amount, fr.amount_high)) FILTER (WHERE fr.kind = 'planned'), 0)::float8 AS planned_high,
        count(*)::int AS records,
        count(*) FILTER (WHERE fr.amount_low IS NOT NULL)::int AS disputed
      FROM funding_record fr
      LEFT JOIN funder f ON f.id = fr.funder_id
      LEFT JOIN programme p ON p.id = fr.programme_id
      LEFT JOIN funder pf ON pf.id = p.funder_id
      LEFT JOIN territory t ON t.id = fr.territory_id
      LEFT JOIN funding_record parent ON parent.id = fr.part_of_id
      ${g.join}
      WHERE fr.status = 'published' AND ${g.counted ?? notIncluded} AND NOT fr.overlaps_others
        AND (fr.amount IS NOT NULL OR fr.amount_low IS NOT NULL)
      GROUP BY ${groupCols}${regionalGroup}
    ) totals
    ${order}`;
  return rows.map((r) => {
    const label = options.groupBy === "funderType" && r.key ? (funderTypes.labels as Record<string, string>)[r.key] ?? r.key : r.label ?? "";
    const population = r.population ?? null;
    return {
      key: r.key,
      label,
      yearStart: r.year_start,
      yearEnd: r.year_end,
      actual: { low: r.actual_low, high: r.actual_high },
      planned: { low: r.planned_low, high: r.planned_high },
      records: r.records,
      disputed: r.disputed,
      population,
      actualPerInhabitant:
        population && r.key ? { low: r.actual_low / population, high: r.actual_high / population } : null,
    };
  });
}

export interface EffortHeadline {
  actual: AmountRange;
  planned: AmountRange;
  firstYear: number | null;
  lastYear: number | null;
  records: number;
}

/** The observatory's headline: money documented (spent or committed; planned apart), years covered, records. */
export async function getEffortHeadline(): Promise<EffortHeadline> {
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRaw<
    { actual_low: number; actual_high: number; planned_low: number; planned_high: number; first_year: number | null; last_year: number | null; records: number }[]
  >`
    SELECT
      coalesce(sum(coalesce(amount, amount_low)) FILTER (WHERE kind <> 'planned' AND counted), 0)::float8 AS actual_low,
      coalesce(sum(coalesce(amount, amount_high)) FILTER (WHERE kind <> 'planned' AND counted), 0)::float8 AS actual_high,
      coalesce(sum(coalesce(amount, amount_low)) FILTER (WHERE kind = 'planned' AND counted), 0)::float8 AS planned_low,
      coalesce(sum(coalesce(amount, amount_high)) FILTER (WHERE kind = 'planned' AND counted), 0)::float8 AS planned_high,
      min(year_start) AS first_year, max(year_end) AS last_year, count(*)::int AS records
    FROM (
      SELECT *, (part_of_id IS NULL AND NOT overlaps_others) AS counted FROM funding_record WHERE status = 'published'
    ) fr`;
  return {
    actual: { low: row?.actual_low ?? 0, high: row?.actual_high ?? 0 },
    planned: { low: row?.planned_low ?? 0, high: row?.planned_high ?? 0 },
    firstYear: row?.first_year ?? null,
    lastYear: row?.last_year ?? null,
    records: row?.records ?? 0,
  };
}
