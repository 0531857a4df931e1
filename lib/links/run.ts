import type { Database } from "../db/connect";
import { type CheckContext, checkUrl, type LinkResult } from "./check-url";
import { type LinkCheckConfig, readLinkCheckConfig } from "./config";
import { HostGate } from "./host-gate";
import {
  beat,
  createRun,
  failStaleRuns,
  findLiveRun,
  finishRun,
  HEARTBEAT_EVERY_MS,
  type LinkCheckCounts,
  type LinkCheckDetail,
  type LinkCheckTrigger,
  recordProgress,
} from "./job-run";
import { tryAcquireLinkCheckLock } from "./run-lock";
import { pruneUnusedLinkChecks, recordLinkResult } from "./store";
import { hostOf, listLinkTargets } from "./targets";

export interface LinkCheckOptions {
  trigger: LinkCheckTrigger;
  /** Check again only the URLs whose last check failed. */
  onlyFailing?: boolean;
  config?: LinkCheckConfig;
  /** Only these URLs (tests): otherwise every application and source URL of the catalogue. */
  urls?: string[];
  fetch?: typeof fetch;
  /** Called after each URL (the CLI prints from it). */
  onResult?: (event: { url: string; result: LinkResult; done: number; total: number }) => void;
}

export interface LinkCheckSummary extends LinkCheckCounts {
  runId: string;
  total: number;
  durationMs: number;
  onlyFailing: boolean;
}

export type LinkCheckStart =
  | { started: true; runId: string; total: number; finished: Promise<LinkCheckSummary> }
  | { started: false; reason: "busy" };

/**
 * Starts a run if none is going on (lib/links/run-lock.ts, plus a live job_run row), and returns at
 * once with the promise of its end: the admin button leaves it running in the background, the CLI and
 * the schedule wait for it. Progress (done / total, heartbeat) is written to job_run as it goes, each
 * URL's result to link_check as soon as it is known.
 */
export async function startLinkCheck(db: Database, options: LinkCheckOptions): Promise<LinkCheckStart> {
  const release = await tryAcquireLinkCheckLock(db);
  if (!release) return { started: false, reason: "busy" };
  let runId: string;
  let urls: string[];
  try {
    await failStaleRuns(db.sql);
    if (await findLiveRun(db.sql)) {
      await release();
      return { started: false, reason: "busy" };
    }
    urls = options.urls ?? (await listLinkTargets(db.sql, { onlyFailing: options.onlyFailing }));
    runId = await createRun(db.sql, options.trigger, urls.length);
  } catch (error) {
    await release();
    throw error;
  }
  const finished = execute(db, runId, urls, options).finally(release);
  finished.catch(() => undefined); // the caller may not wait: never an unhandled rejection
  return { started: true, runId, total: urls.length, finished };
}

/** Starts a run and waits for its end; null when another run was going on. */
export async function runLinkCheck(db: Database, options: LinkCheckOptions): Promise<LinkCheckSummary | null> {
  const start = await startLinkCheck(db, options);
  return start.started ? start.finished : null;
}

/** Interleaves the URLs by host, so that the workers start on different hosts. */
function interleaveByHost(urls: string[]): string[] {
  const byHost = new Map<string, string[]>();
  for (const url of urls) {
    const host = hostOf(url);
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const groups = [...byHost.values()].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (let i = 0; out.length < urls.length; i++) for (const group of groups) if (group[i] !== undefined) out.push(group[i]!);
  return out;
}

async function execute(db: Database, runId: string, urls: string[], options: LinkCheckOptions): Promise<LinkCheckSummary> {
  const config = options.config ?? readLinkCheckConfig();
  const started = Date.now();
  const counts: LinkCheckCounts = { ok: 0, redirected: 0, broken: 0, unreachable: 0 };
  const gate = new HostGate(config.hostDelayMs);
  const ctx: CheckContext = {
    gate,
    timeoutMs: config.timeoutMs,
    maxRedirects: config.maxRedirects,
    userAgent: config.userAgent,
    deadHosts: new Map(),
    fetch: options.fetch,
  };
  const queue = interleaveByHost(urls);
  let done = 0;
  const heartbeat = setInterval(() => void beat(db.sql, runId).catch(() => undefined), HEARTBEAT_EVERY_MS);
  heartbeat.unref?.();

  /** The next URL, on a host nobody is asking right now when there is one. */
  const next = (): string | undefined => {
    const now = Date.now();
    const index = queue.findIndex((url) => gate.isIdle(hostOf(url), now));
    return queue.splice(index === -1 ? 0 : index, 1)[0];
  };

  const worker = async () => {
    for (let url = next(); url !== undefined; url = next()) {
      const result = await checkUrl(url, ctx);
      await recordLinkResult(db.sql, url, result, new Date());
      counts[result.outcome]++;
      const position = ++done;
      await recordProgress(db.sql, runId, position);
      options.onResult?.({ url, result, done: position, total: urls.length });
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(config.concurrency, Math.max(1, urls.length)) }, worker));
    const fullRun = !options.onlyFailing && !options.urls;
    const pruned = fullRun ? await pruneUnusedLinkChecks(db.sql) : 0;
    const durationMs = Date.now() - started;
    const detail: LinkCheckDetail = { ...counts, onlyFailing: Boolean(options.onlyFailing), durationMs, pruned };
    await finishRun(db.sql, runId, "succeeded", detail, done);
    return { runId, total: urls.length, durationMs, onlyFailing: Boolean(options.onlyFailing), ...counts };
  } catch (error) {
    console.error("Vérification des liens interrompue :", error);
    const detail: LinkCheckDetail = { ...counts, error: "erreur interne pendant la vérification (voir le journal du serveur)" };
    await finishRun(db.sql, runId, "failed", detail, done).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}
