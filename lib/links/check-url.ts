import type { HostGate } from "./host-gate";
import { httpStatusMessage, isDnsFailure, isTimeout, networkErrorCode, networkErrorMessage } from "./http-messages";

export type LinkOutcome = "ok" | "redirected" | "broken" | "unreachable";

/** What one check of a URL found (the fields of LinkCheck that belong to one check). */
export interface LinkResult {
  outcome: LinkOutcome;
  /** The last HTTP status received; null when no answer came. */
  httpStatus: number | null;
  /** Where the redirects led (null without redirect). */
  finalUrl: string | null;
  /** Why it failed, in French (null when it did not). */
  error: string | null;
}

export const isFailure = (outcome: LinkOutcome) => outcome === "broken" || outcome === "unreachable";

export interface CheckContext {
  gate: HostGate;
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  /** Hosts whose name did not resolve during this run: their other links get the same answer, without asking again. */
  deadHosts: Map<string, string>;
  fetch?: typeof fetch;
}

type Answer = { kind: "response"; status: number; location: string | null } | { kind: "error"; error: unknown };

/**
 * One request, through the host's gate: redirects are not followed (the caller does), and a GET's body
 * is never read: the request is cancelled as soon as the status and headers have arrived.
 */
async function ask(url: URL, method: "HEAD" | "GET", ctx: CheckContext): Promise<Answer> {
  const doFetch = ctx.fetch ?? fetch;
  return ctx.gate.run(url.host, async () => {
    try {
      const response = await doFetch(url, {
        method,
        redirect: "manual",
        signal: AbortSignal.timeout(ctx.timeoutMs),
        headers: {
          "user-agent": ctx.userAgent,
          accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
          "accept-language": "fr-FR,fr;q=0.9",
        },
      });
      await response.body?.cancel().catch(() => undefined);
      return { kind: "response", status: response.status, location: response.headers.get("location") };
    } catch (error) {
      return { kind: "error", error };
    }
  });
}

const result = (outcome: LinkOutcome, httpStatus: number | null, finalUrl: string | null, error: string | null): LinkResult => ({
  outcome,
  httpStatus,
  finalUrl,
  error,
});

/**
 * Checks one URL: HEAD first, then GET when HEAD is refused or fails (some servers answer 405, 403 or
 * 501 to HEAD, or an error code they would not give to a browser: a GET confirms every failure before
 * it is recorded); redirects followed by hand, at most `maxRedirects` (a loop, or one more, is
 * broken); a 2xx at the end is ok (redirected when a redirect led there).
 */
export async function checkUrl(address: string, ctx: CheckContext): Promise<LinkResult> {
  let current: URL;
  try {
    current = new URL(address);
  } catch {
    return result("broken", null, null, "adresse invalide");
  }
  if (current.protocol !== "http:" && current.protocol !== "https:") return result("broken", null, null, "adresse non vérifiable (ni http ni https)");

  const visited = new Set([current.href]);
  let method: "HEAD" | "GET" = "HEAD";
  let redirects = 0;
  const finalUrl = () => (redirects > 0 ? current.href : null);

  for (;;) {
    const dead = ctx.deadHosts.get(current.hostname);
    if (dead) return result("unreachable", null, finalUrl(), dead);

    let answer = await ask(current, method, ctx);
    const headRefused =
      method === "HEAD" &&
      (answer.kind === "response"
        ? answer.status >= 400
        : !isTimeout(answer.error) && !isDnsFailure(networkErrorCode(answer.error)));
    if (headRefused) {
      method = "GET";
      answer = await ask(current, method, ctx);
    }

    if (answer.kind === "error") {
      const message = networkErrorMessage(answer.error, ctx.timeoutMs);
      if (isDnsFailure(networkErrorCode(answer.error))) ctx.deadHosts.set(current.hostname, message);
      return result("unreachable", null, finalUrl(), message);
    }

    const { status, location } = answer;
    if (status >= 300 && status < 400 && status !== 304) {
      if (!location) return result("broken", status, finalUrl(), `redirection (${status}) sans adresse de destination`);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return result("broken", status, finalUrl(), `redirection (${status}) vers une adresse invalide`);
      }
      redirects++;
      if (visited.has(next.href)) return result("broken", status, next.href, "boucle de redirections");
      if (redirects > ctx.maxRedirects) {
        return result("broken", status, next.href, `boucle de redirections (plus de ${ctx.maxRedirects} redirections)`);
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        return result("broken", status, next.href, "redirection vers une adresse non vérifiable (ni http ni https)");
      }
      visited.add(next.href);
      current = next;
      continue;
    }
    if (status >= 200 && status < 300) return result(redirects > 0 ? "redirected" : "ok", status, finalUrl(), null);
    return result(status === 429 ? "unreachable" : "broken", status, finalUrl(), httpStatusMessage(status));
  }
}
