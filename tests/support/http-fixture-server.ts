import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server standing in for funders' sites, for the link checker's tests. It answers:
 *
 *   /ok                200
 *   /moved             301 → /ok
 *   /missing           404
 *   /error             500
 *   /loop-a, /loop-b   302 → each other (a loop)
 *   /chain/<n>         302 → /chain/<n-1> … /chain/0 answers 200 (n redirects)
 *   /head-refused      405 to HEAD, 200 to GET
 *   /slow              never answers (a timeout)
 *   /delay/<ms>        200 after <ms> milliseconds
 *   /big               405 to HEAD; 200 to GET with a 12 MB body sent slowly (tells whether the client read it)
 *
 * It listens on every loopback address, so that 127.0.0.1, 127.0.0.2… and localhost are as many
 * different hosts for the checker, and records every request: method, path, host, User-Agent, and
 * the greatest number of requests it was answering at once, per host and in all.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  host: string;
  userAgent: string | undefined;
}

export interface HttpFixtureServer {
  port: number;
  /** http://<host>:<port><path>; host 127.0.0.1 unless given. */
  url(path: string, host?: string): string;
  requests: RecordedRequest[];
  maxConcurrent(): number;
  maxConcurrentPerHost(): number;
  /** Bytes of /big's body written before the client went away. */
  bigBytesSent(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startHttpFixtureServer(): Promise<HttpFixtureServer> {
  const requests: RecordedRequest[] = [];
  const active = new Map<string, number>();
  let activeTotal = 0;
  let maxTotal = 0;
  let maxPerHost = 0;
  let bigBytes = 0;

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? "";
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push({ method: req.method ?? "", path, host, userAgent: req.headers["user-agent"] });
    activeTotal++;
    maxTotal = Math.max(maxTotal, activeTotal);
    const now = (active.get(host) ?? 0) + 1;
    active.set(host, now);
    maxPerHost = Math.max(maxPerHost, now);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      activeTotal--;
      active.set(host, (active.get(host) ?? 1) - 1);
    };
    res.on("close", end);

    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : `${status}`);
    };
    const chain = /^\/chain\/(\d+)$/.exec(path);
    const delay = /^\/delay\/(\d+)$/.exec(path);
    if (path === "/ok") send(200);
    else if (path === "/moved") send(301, { location: "/ok" });
    else if (path === "/missing") send(404);
    else if (path === "/error") send(500);
    else if (path === "/loop-a") send(302, { location: "/loop-b" });
    else if (path === "/loop-b") send(302, { location: "/loop-a" });
    else if (chain) send(Number(chain[1]) === 0 ? 200 : 302, Number(chain[1]) === 0 ? {} : { location: `/chain/${Number(chain[1]) - 1}` });
    else if (path === "/head-refused") send(req.method === "HEAD" ? 405 : 200);
    else if (path === "/slow") return; // never answers
    else if (delay) setTimeout(() => send(200), Number(delay[1]));
    else if (path === "/big") {
      if (req.method === "HEAD") {
        send(405);
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const chunk = Buffer.alloc(64 * 1024, 97);
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent >= 200) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(chunk);
        sent++;
        bigBytes += chunk.length;
      }, 20);
      res.on("close", () => clearInterval(timer));
    } else send(404);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: (path, host = "127.0.0.1") => `http://${host}:${port}${path}`,
    requests,
    maxConcurrent: () => maxTotal,
    maxConcurrentPerHost: () => maxPerHost,
    bigBytesSent: () => bigBytes,
    reset() {
      requests.length = 0;
      maxTotal = 0;
      maxPerHost = 0;
      bigBytes = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
