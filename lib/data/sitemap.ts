import "server-only";
import { getPrisma } from "../db/client";
import { listCaseStudyPaths } from "./case-studies";

/** Every public address with its last change, for sitemap.xml. */
export async function listSitemapEntries(): Promise<{ path: string; updatedAt: Date }[]> {
  const prisma = await getPrisma();
  const [programmes, funders, caseStudies] = await Promise.all([
    prisma.programme.findMany({ where: { status: "published" }, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    prisma.funder.findMany({ where: { programmes: { some: { status: "published" } } }, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    listCaseStudyPaths(),
  ]);
  return [
    ...programmes.map((p) => ({ path: `/financements/${p.slug}`, updatedAt: p.updatedAt })),
    ...funders.map((f) => ({ path: `/financeurs/${f.slug}`, updatedAt: f.updatedAt })),
    ...caseStudies,
  ];
}
