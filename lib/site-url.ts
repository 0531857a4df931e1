import { z } from "zod";

/** The public address of the site, for absolute links (sitemap, JSON-LD, API `url`). */
const siteUrlSchema = z.url().transform((u) => u.replace(/\/+$/, ""));

export function getSiteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = siteUrlSchema.safeParse(env.SITE_URL ?? `http://localhost:${env.PORT ?? "3000"}`);
  return parsed.success ? parsed.data : "http://localhost:3000";
}
