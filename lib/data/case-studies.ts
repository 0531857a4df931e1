import "server-only";
import { getPrisma } from "../db/client";

/** Case studies of funding models (/retours-d-experience): published ones only, plain objects. */

export interface CaseStudyLink {
  slug: string;
  title: string;
}

export interface CaseStudySummary {
  slug: string;
  title: string;
  summary: string;
  territory: { id: string; name: string } | null;
  funders: { slug: string; name: string }[];
}

export interface CaseStudyDetail extends CaseStudySummary {
  body: string;
  sourceUrls: string[];
  programmes: { slug: string; title: string }[];
  updatedAt: Date;
}

const published = { status: "published" } as const;
// Only published catalogue entries are linked: a draft programme's page does not exist.
const funderLinks = {
  where: { funder: published },
  select: { funder: { select: { slug: true, name: true } } },
  orderBy: { funder: { name: "asc" } },
} as const;

export async function listCaseStudies(): Promise<CaseStudySummary[]> {
  const prisma = await getPrisma();
  const rows = await prisma.caseStudy.findMany({
    where: published,
    orderBy: [{ title: "asc" }],
    select: { slug: true, title: true, summary: true, territory: { select: { id: true, name: true } }, funders: funderLinks },
  });
  return rows.map(({ funders, ...c }) => ({ ...c, funders: funders.map((f) => f.funder) }));
}

export async function getCaseStudyBySlug(slug: string): Promise<CaseStudyDetail | null> {
  const prisma = await getPrisma();
  const c = await prisma.caseStudy.findFirst({
    where: { slug, ...published },
    select: {
      slug: true, title: true, summary: true, body: true, sourceUrls: true, updatedAt: true,
      territory: { select: { id: true, name: true } },
      funders: funderLinks,
      programmes: {
        where: { programme: published },
        select: { programme: { select: { slug: true, title: true } } },
        orderBy: { programme: { title: "asc" } },
      },
    },
  });
  if (!c) return null;
  return { ...c, funders: c.funders.map((f) => f.funder), programmes: c.programmes.map((p) => p.programme) };
}

/** The published case studies that rely on a programme (its page links to them). */
export async function findCaseStudiesForProgramme(programmeSlug: string): Promise<CaseStudyLink[]> {
  const prisma = await getPrisma();
  return prisma.caseStudy.findMany({
    where: { ...published, programmes: { some: { programme: { slug: programmeSlug } } } },
    select: { slug: true, title: true },
    orderBy: { title: "asc" },
  });
}

/** The published case studies that name a funder (its page links to them). */
export async function findCaseStudiesForFunder(funderSlug: string): Promise<CaseStudyLink[]> {
  const prisma = await getPrisma();
  return prisma.caseStudy.findMany({
    where: { ...published, funders: { some: { funder: { slug: funderSlug } } } },
    select: { slug: true, title: true },
    orderBy: { title: "asc" },
  });
}

/** For sitemap.xml. */
export async function listCaseStudyPaths(): Promise<{ path: string; updatedAt: Date }[]> {
  const prisma = await getPrisma();
  const rows = await prisma.caseStudy.findMany({ where: published, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });
  return rows.map((r) => ({ path: `/retours-d-experience/${r.slug}`, updatedAt: r.updatedAt }));
}
