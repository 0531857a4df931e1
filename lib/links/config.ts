import { z } from "zod";
import { getSiteUrl } from "../site-url";

/**
 * The link checker's settings, read from the environment (no server-only import: the CLI runs this
 * under tsx). Every value has a default that suits the daily run.
 *
 *   LINK_CHECK_TIMEOUT_MS     time allowed to each request, headers included (15000)
 *   LINK_CHECK_CONCURRENCY    requests at once, all hosts together (6)
 *   LINK_CHECK_HOST_DELAY_MS  pause between two requests to the same host (1000)
 *   LINK_CHECK_CONTACT        who to contact, written in the User-Agent (default: the site's address)
 *   LINK_CHECK_SCHEDULE       when the served app checks (cron, Europe/Paris; "30 4 * * *"), or "off"
 */
export interface LinkCheckConfig {
  timeoutMs: number;
  concurrency: number;
  hostDelayMs: number;
  maxRedirects: number;
  userAgent: string;
}

export const MAX_REDIRECTS = 5;
export const DEFAULT_SCHEDULE = "30 4 * * *";
export const SCHEDULE_TIMEZONE = "Europe/Paris";

const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === "" ? undefined : Number(v)), z.number().int().min(min).max(max).default(fallback)).catch(fallback);

const envSchema = z.object({
  LINK_CHECK_TIMEOUT_MS: int(15_000, 100, 120_000),
  LINK_CHECK_CONCURRENCY: int(6, 1, 32),
  LINK_CHECK_HOST_DELAY_MS: int(1_000, 0, 60_000),
  LINK_CHECK_CONTACT: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v.replace(/[\u0000-\u001f()]/g, " ") : undefined)),
});

/** « FinancementsInclusionNumerique-LinkChecker/1.0 (+https://site; contact: …) » */
export function linkCheckerUserAgent(env: NodeJS.ProcessEnv = process.env): string {
  const site = getSiteUrl(env);
  const contact = envSchema.shape.LINK_CHECK_CONTACT.parse(env.LINK_CHECK_CONTACT) ?? site;
  return `FinancementsInclusionNumerique-LinkChecker/1.0 (+${site}; contact: ${contact})`;
}

export function readLinkCheckConfig(env: NodeJS.ProcessEnv = process.env): LinkCheckConfig {
  const parsed = envSchema.parse(env);
  return {
    timeoutMs: parsed.LINK_CHECK_TIMEOUT_MS,
    concurrency: parsed.LINK_CHECK_CONCURRENCY,
    hostDelayMs: parsed.LINK_CHECK_HOST_DELAY_MS,
    maxRedirects: MAX_REDIRECTS,
    userAgent: linkCheckerUserAgent(env),
  };
}

/** The cron expression of the daily run, or null when LINK_CHECK_SCHEDULE=off (or false, 0, none). */
export function readLinkCheckSchedule(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.LINK_CHECK_SCHEDULE?.trim();
  if (!value) return DEFAULT_SCHEDULE;
  if (/^(off|false|0|no|non|none)$/i.test(value)) return null;
  return value;
}
