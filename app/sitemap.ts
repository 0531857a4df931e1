import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/data/sitemap";
import { getSiteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = getSiteUrl();
  const entries = await listSitemapEntries();
  return [
    { url: `${site}/`, changeFrequency: "daily", priority: 1 },
    { url: `${site}/financements`, changeFrequency: "daily", priority: 0.9 },
    { url: `${site}/financeurs`, changeFrequency: "weekly", priority: 0.7 },
    { url: `${site}/quel-financement`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${site}/retours-d-experience`, changeFrequency: "monthly", priority: 0.6 },
    { url: `${site}/effort-financier`, changeFrequency: "monthly", priority: 0.6 },
    { url: `${site}/cartographie`, changeFrequency: "monthly", priority: 0.6 },
    { url: `${site}/proposer`, changeFrequency: "yearly", priority: 0.4 },
    ...entries.map((e) => ({ url: `${site}${e.path}`, lastModified: e.updatedAt })),
  ];
}
