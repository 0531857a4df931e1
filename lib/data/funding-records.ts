import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getPrisma } from "../db/client";
import { type FunderTypeCode, toEnumKey } from "../codes";
import type { FundingRecordQuery } from "../validation/effort";

/** The published funding records, filtered in SQL, as plain objects (the page, the API and its CSV). */

export type FundingKindCode = "spent" | "committed" | "planned";

export interface FundingRecordItem {
  slug: string;
  label: string;
  kind: FundingKindCode;
  yearStart: number;
  yearEnd: number;
  /** Null when the sources disagree (then amountLow–amountHigh) or give no amount. */
  amount: number | null;
  amountLow: number | null;
  amountHigh: number | null;
  funder: { slug: string; name: string } | null;
  funderLabel: string;
  funderType: FunderTypeCode | null;
  programme: { slug: string; title: string } | null;
  territory: { id: string; name: string } | null;
  territoryLabel: string | null;
  partOf: { slug: string; label: string } | null;
  overlapsOthers: boolean;
  /** False for breakdowns and overlapping totals: shown, never summed. */
  counted: boolean;
  note: string | null;
  sourceUrls: string[];
}

const fromEnumKey = (key: string) => key.replaceAll("_", "-") as FunderTypeCode;

export function fundingRecordWhere(filters: Omit<FundingRecordQuery, "format">): Prisma.FundingRecordWhereInput {
  const and: Prisma.FundingRecordWhereInput[] = [{ status: "published" }];
  if (filters.year !== undefined) and.push({ yearStart: { lte: filters.year }, yearEnd: { gte: filters.year } });
  if (filters.funder) and.push({ funder: { slug: filters.funder } });
  if (filters.funderType) {
    const type = toEnumKey(filters.funderType);
    and.push({
      OR: [
        { funder: { type } },
        { funderId: null, funderType: type },
        { funderId: null, funderType: null, programme: { funder: { type } } },
      ],
    });
  }
  if (filters.territory) {
    const id = filters.territory;
    and.push({
      territory: { OR: [{ id }, { regionId: id }, { departementId: id }, { epciId: id }] },
    });
  }
  return { AND: and };
}

const select = {
  slug: true, label: true, kind: true, yearStart: true, yearEnd: true, amount: true, amountLow: true, amountHigh: true,
  funderLabel: true, funderType: true, territoryLabel: true, overlapsOthers: true, note: true, sourceUrls: true,
  funder: { select: { slug: true, name: true, type: true, status: true } },
  programme: { select: { slug: true, title: true, status: true, funder: { select: { type: true } } } },
  territory: { select: { id: true, name: true } },
  partOf: { select: { slug: true, label: true, status: true } },
} satisfies Prisma.FundingRecordSelect;

type Selected = Prisma.FundingRecordGetPayload<{ select: typeof select }>;

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

// Links go to published pages only (a draft programme or funder has no public page, a draft parent
// record is not on the page): the name stays, as text.
const isPublished = (entry: { status: string } | null) => entry?.status === "published";

function toItem(r: Selected): FundingRecordItem {
  const type = r.funder?.type ?? r.funderType ?? r.programme?.funder.type ?? null;
  return {
    slug: r.slug,
    label: r.label,
    kind: r.kind,
    yearStart: r.yearStart,
    yearEnd: r.yearEnd,
    amount: num(r.amount),
    amountLow: num(r.amountLow),
    amountHigh: num(r.amountHigh),
    funder: r.funder && isPublished(r.funder) ? { slug: r.funder.slug, name: r.funder.name } : null,
    funderLabel: r.funderLabel ?? r.funder?.name ?? "",
    funderType: type ? fromEnumKey(type) : null,
    programme: r.programme && isPublished(r.programme) ? { slug: r.programme.slug, title: r.programme.title } : null,
    territory: r.territory,
    territoryLabel: r.territoryLabel,
    partOf: r.partOf && isPublished(r.partOf) ? { slug: r.partOf.slug, label: r.partOf.label } : null,
    overlapsOthers: r.overlapsOthers,
    counted: r.partOf === null && !r.overlapsOthers,
    note: r.note,
    sourceUrls: r.sourceUrls,
  };
}

/** Records matching the filters, in time order (at most `limit`, 5 000 by default: the whole table today is 48). */
export async function findFundingRecords(
  filters: Omit<FundingRecordQuery, "format">,
  options: { limit?: number } = {},
): Promise<{ total: number; items: FundingRecordItem[] }> {
  const prisma = await getPrisma();
  const where = fundingRecordWhere(filters);
  const [total, rows] = await Promise.all([
    prisma.fundingRecord.count({ where }),
    prisma.fundingRecord.findMany({
      where,
      select,
      orderBy: [{ yearStart: "asc" }, { yearEnd: "asc" }, { slug: "asc" }],
      take: Math.min(options.limit ?? 5000, 5000),
    }),
  ]);
  return { total, items: rows.map(toItem) };
}
