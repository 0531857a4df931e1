/**
 * `npm run bench`: the search API's speed at 1 000, 10 000 and 100 000 programmes, on the PostgreSQL
 * server and on the embedded engine (PGlite). Method and results: BENCHMARKS.md.
 *
 * For each engine and size: a fresh database (server: `fin_bench_<size>` cloned from a prepared
 * template on 127.0.0.1; PGlite: a temporary folder copied from a prepared one), synthetic
 * programmes (bench/generate.ts), VACUUM ANALYZE, then the production app (scripts/serve.mjs, as `npm start`) loaded by
 * autocannon (N connections, fixed duration, the query mix of bench/queries.ts; with the cache, after
 * each query was asked once), each query alone,
 * and the floor (bench/floor.ts: the API's search in-process, the bare SQL, EXPLAIN ANALYZE).
 * Writes bench/results/<date>-<engine>-<size>.json (+ -explain.txt), prints a table, and stops
 * every process and drops every database it created, even when interrupted.
 *
 * Options (all optional):
 *   --engines server,pglite   --sizes 1000,10000,100000   --pglite-sizes 1000,10000
 *   --duration 15  --warmup 5  --connections 10  --repeat 5  --timeout 10 (s per request)
 *   --phase-budget 180 (s at most for timing each query alone, over HTTP and in the floor)
 *   --workers N (server processes, WEB_CONCURRENCY; default: as `npm start`, one per core, one for PGlite)
 *   --no-cache-run (skip the second load, with the search cache on; the first is always without it)
 *   --pg-url postgresql://postgres@127.0.0.1:5432/postgres (maintenance database of the server)
 *   --port 0 (free port)  --seed 20261123  --skip-build  --no-floor  --quick (1 000 only, 5 s)
 *   --max-minutes 120 (the whole run is stopped past this)
 *   --snapshot: benchmark the last commit, not the working tree: HEAD is exported (git archive) to a
 *     temporary folder with node_modules hard-linked, built there and served from there, so that
 *     neither uncommitted work nor a server running from this checkout's .next is touched.
 *     Without it, the app is served from this checkout (built first when .next is missing or older
 *     than the sources, as `npm start` does).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import type { DbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/connect";
import { prepareDatabase } from "../lib/db/prepare";
import { generateProgrammes, type GenerateReport } from "./generate";
import { JS_BUDGET_GZIP_BYTES, kB, measurePageJs, type PageJs } from "./js-size";
import { pathOf, QUERIES } from "./queries";
import { type LatencySummary, median, summarize } from "./stats";

// Options -----------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
};
const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
const quick = flag("--quick");
const engines = list(option("--engines", "server,pglite")) as ("server" | "pglite")[];
const serverSizes = list(option("--sizes", quick ? "1000" : "1000,10000,100000")).map(Number);
const pgliteSizes = list(option("--pglite-sizes", quick ? "1000" : "1000,10000")).map(Number);
const DURATION = Number(option("--duration", quick ? "5" : "15"));
const WARMUP = Number(option("--warmup", quick ? "2" : "5"));
const CONNECTIONS = Number(option("--connections", "10"));
const REPEAT = Number(option("--repeat", "5"));
const REQUEST_TIMEOUT = Number(option("--timeout", "10"));
/** Seconds at most for each of the « each query alone » phases (HTTP, and in the floor). */
const PHASE_BUDGET = Number(option("--phase-budget", "180"));
/** Server processes (WEB_CONCURRENCY); empty: as `npm start` decides (one per core, one for PGlite). */
const WORKERS = option("--workers", "");
const PG_URL = option("--pg-url", process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const SEED = Number(option("--seed", "20261123"));
const MAX_MINUTES = Number(option("--max-minutes", "120"));
const ROOT = process.cwd();
const RESULTS = path.resolve(option("--results", path.join(ROOT, "bench", "results")));
const DATE = new Date().toISOString().slice(0, 10);
const TARGET_P95: Record<number, number> = { 1000: 20, 100000: 100 };

const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// Clean-up of everything this run started or created ----------------------------------------------

const children = new Set<ChildProcess>();
const databases = new Set<string>();
const folders = new Set<string>();
let cleaning: Promise<void> | null = null;
let snapshotRun: ChildProcess | null = null;

function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      children.delete(child);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Waits until the database runs no query (at most a minute): a stopped app leaves its last searches
 * running in PostgreSQL for seconds, which would weigh on the next measure.
 */
async function waitForIdleDatabase(name: string) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    for (let i = 0; i < 120; i++) {
      const { rows } = await admin.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1 and state = 'active' and pid <> pg_backend_pid()",
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await admin.end();
  }
}

/** Each query of the mix once, in turn: what a cache holds after the searches have been seen once. */
async function primeCache(base: string) {
  for (const q of QUERIES) {
    await fetch(base + pathOf(q), { signal: AbortSignal.timeout(120_000) }).then((r) => r.text()).catch(() => undefined);
  }
}

async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
  databases.delete(name);
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    // A snapshot run cleans up after itself: it gets the time to.
    await Promise.all([...children].map((c) => stopChild(c, c === snapshotRun ? 120_000 : 5000)));
    for (const name of [...databases]) await dropDatabase(name).catch((e) => log(`base ${name} non supprimée : ${(e as Error).message}`));
    for (const dir of [...folders]) fs.rmSync(dir, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal} : arrêt, nettoyage…`);
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  log(`Durée maximale (${MAX_MINUTES} min) dépassée : arrêt.`);
  void cleanup().finally(() => process.exit(2));
}, MAX_MINUTES * 60_000);
watchdog.unref();

// Helpers -------------------------------------------------------------------------------------------

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  const result = spawnSync(command, args, { stdio: "inherit", env, timeout: timeoutMs });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} a échoué (${result.status ?? result.signal}).`);
}

/** Same rule as scripts/start.mjs: rebuild when a source is newer than the build. */
function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const newest = (entry: string): number => {
    const full = path.join(ROOT, entry);
    if (!fs.existsSync(full) || entry === path.join("lib", "generated")) return 0;
    const stat = fs.statSync(full);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return fs.readdirSync(full).reduce((max, name) => Math.max(max, newest(path.join(entry, name))), stat.mtimeMs);
  };
  const sources = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];
  return sources.some((s) => newest(s) > built);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const dbEnv = (config: DbConfig, searchCache: "on" | "off" = "off"): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SEARCH_CACHE: searchCache };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  if (config.kind === "postgres") env.DATABASE_URL = config.url;
  else env.PGLITE_DATA_DIR = config.dataDir ?? "";
  return env;
};

const serverUrl = (database: string) => {
  const u = new URL(PG_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * The app as `npm start` serves it (scripts/serve.mjs: `next start` in one process per core, one for
 * PGlite), once it answers a search in every process (each builds its programme index when it starts,
 * instrumentation.ts, or else on its first search: that is not what is measured).
 */
async function startApp(config: DbConfig, logFile: string, searchCache: "on" | "off" = "off"): Promise<{ child: ChildProcess; base: string; processes: number }> {
  const port = Number(option("--port", "0")) || (await freePort());
  const out = fs.openSync(logFile, "w");
  const env = dbEnv(config, searchCache);
  if (WORKERS) env.WEB_CONCURRENCY = WORKERS;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT, env, stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  children.add(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (${child.exitCode}) : voir ${logFile}`);
    try {
      const r = await fetch(`${base}/api/v1/programmes?perPage=1`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT * 1000) });
      if (r.ok) {
        const processes = Number(/(\d+) processus serveur/.exec(fs.readFileSync(logFile, "utf8"))?.[1] ?? 1);
        // The cluster hands new connections to its processes in turn: one new connection per process
        // (twice over) reaches each of them.
        await Promise.all(Array.from({ length: 2 * processes }, () => getOnNewConnection(`${base}/api/v1/programmes?perPage=1`)));
        return { child, base, processes };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`le serveur ne répond pas après 90 s : voir ${logFile}`);
}

/** A GET on a connection of its own (closed after it), answered within 120 s. */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { Connection: "close" }, timeout: 120_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("timeout", () => request.destroy(new Error(`pas de réponse de ${url}`)));
    request.on("error", reject);
  });
}

interface HttpLoad {
  latency: LatencySummary;
  autocannon: { p50: number; p97_5: number; p99: number; average: number };
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perQueryP50: Record<string, number>;
  perQueryP95: Record<string, number>;
  loadAverage?: { before: number; after: number };
}

/**
 * autocannon on the query mix (or on other paths); every response's time is kept (exact
 * percentiles, per query).
 */
async function loadHttp(base: string, seconds: number, paths: string[] = QUERIES.map(pathOf)): Promise<HttpLoad> {
  let next = 0;
  let lastPath = "";
  const latencies: number[] = [];
  const perPath = new Map<string, number[]>();
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: REQUEST_TIMEOUT,
    requests: [
      {
        method: "GET",
        path: paths[0],
        // A global round robin: the connections together walk the mix in order.
        setupRequest: (request, context) => {
          const p = paths[next++ % paths.length] as string;
          (context as { path?: string }).path = p;
          return { ...request, path: p };
        },
        onResponse: (_status, _body, context) => {
          lastPath = (context as { path?: string }).path ?? "";
        },
      },
    ],
  });
  // Emitted synchronously right after onResponse for the same response.
  (instance as unknown as NodeJS.EventEmitter).on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status < 200 || status >= 300) return;
    latencies.push(ms);
    const list = perPath.get(lastPath) ?? [];
    list.push(ms);
    perPath.set(lastPath, list);
  });
  const result = await instance;
  const byName = (f: (v: number[]) => number) =>
    Object.fromEntries(QUERIES.map((q) => [q.name, Math.round(f(perPath.get(pathOf(q)) ?? []) * 100) / 100]));
  return {
    latency: summarize(latencies),
    autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, average: result.latency.average },
    requestsPerSecond: Math.round((latencies.length / result.duration) * 10) / 10,
    requests: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    perQueryP50: byName(median),
    perQueryP95: byName((v) => summarize(v).p95),
  };
}

/** Each query alone, `REPEAT` times in a row: median time, size and answer. */
async function eachQueryAlone(base: string) {
  const out = [];
  const phaseEnd = Date.now() + PHASE_BUDGET * 1000;
  for (const q of QUERIES) {
    const times: number[] = [];
    let status: number | "timeout" | "skipped" = "skipped";
    let bytes = 0;
    let total: number | null = null;
    let funderFacet = 0;
    // A query slower than a second is timed once, and the phase stops past its budget: the run stays
    // bounded even when the search is slow.
    for (let k = 0; k < REPEAT && !(k > 0 && (times[0] as number) > 1000) && Date.now() < phaseEnd; k++) {
      const t0 = performance.now();
      try {
        const r = await fetch(base + pathOf(q), { signal: AbortSignal.timeout(REQUEST_TIMEOUT * 1000) });
        const text = await r.text();
        times.push(performance.now() - t0);
        status = r.status;
        bytes = Buffer.byteLength(text);
        if (r.ok) {
          const body = JSON.parse(text) as { total: number; facets?: { funder?: unknown[] } };
          total = body.total;
          funderFacet = body.facets?.funder?.length ?? 0;
        }
      } catch {
        status = "timeout";
        break;
      }
    }
    out.push({
      name: q.name, kind: q.kind, path: pathOf(q), status, total, bytes, funderFacetValues: funderFacet,
      runs: times.length, medianMs: times.length ? Math.round(median(times) * 100) / 100 : null,
    });
  }
  return out;
}

function runFloor(config: DbConfig, outFile: string, explainFile: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const args = [
      "--conditions=react-server", "--import", "tsx", path.join("bench", "floor.ts"),
      "--out", outFile, "--explain", explainFile,
      "--duration", String(DURATION), "--connections", String(CONNECTIONS), "--repeat", String(REPEAT),
      "--budget", String(PHASE_BUDGET),
    ];
    // The floor measures the search's own work: never the cache.
    const child = spawn(process.execPath, args, { cwd: ROOT, env: dbEnv(config, "off"), stdio: ["ignore", "inherit", "inherit"] });
    children.add(child);
    const limit = setTimeout(() => {
      log("Plancher SQL : délai dépassé (15 min), arrêt.");
      child.kill("SIGKILL");
    }, 15 * 60_000);
    child.once("exit", (code) => {
      clearTimeout(limit);
      children.delete(child);
      if (code === 0) resolve(JSON.parse(fs.readFileSync(outFile, "utf8")));
      else reject(new Error(`bench/floor.ts a échoué (${code})`));
    });
  });
}

function gitCommit(): string | null {
  if (argv.includes("--commit")) return option("--commit", "");
  const r = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "app", "lib", "prisma", "components"], { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? `${r.stdout.trim()}${dirty.stdout.trim() ? " (+ modifications locales)" : ""}` : null;
}

// One engine, one size -----------------------------------------------------------------------------

interface SizeResult {
  engine: "server" | "pglite";
  size: number;
  /** Node processes serving the app (scripts/serve.mjs). */
  serverProcesses: number;
  generation: GenerateReport & { vacuumAnalyzeSeconds: number };
  data: Record<string, unknown>;
  /** Every request computes its search (SEARCH_CACHE=off): what the targets are judged on. */
  api: HttpLoad;
  /** The same load with the search cache on (production's setting): the mix's queries repeat. */
  apiCached: HttpLoad | null;
  /** robots.txt under the same load: what Next.js itself costs on this machine. */
  httpFloor: { latency: LatencySummary; requestsPerSecond: number } | null;
  /** /api/health under the same load: Next.js plus the one round trip every search makes. */
  healthFloor: { latency: LatencySummary; requestsPerSecond: number } | null;
  alone: Awaited<ReturnType<typeof eachQueryAlone>>;
  floor: {
    inProcess: { latency: LatencySummary; requestsPerSecond: number; errors: number };
    sql: { latency: LatencySummary; requestsPerSecond: number; errors: number };
    perQuery: { name: string; inProcessMedianMs: number; sqlMedianMs: number; statements: { label: string; stage: number; medianMs: number }[] }[];
    explain: unknown[];
    postgres?: string;
  } | null;
  targets: { p95TargetMs: number | null; p95Met: boolean | null; floorRatioP95: number | null; floorRatioMet: boolean | null };
}

async function benchSize(engine: "server" | "pglite", size: number, template: DbConfig, tmpRoot: string): Promise<SizeResult> {
  const stem = `${DATE}-${engine}-${size}`;
  let config: DbConfig;
  if (engine === "server") {
    const name = `fin_bench_${size}`;
    await dropDatabase(name);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      databases.add(name);
      await admin.query(`create database "${name}" template "fin_bench_template"`);
    } finally {
      await admin.end();
    }
    config = { kind: "postgres", url: serverUrl(name) };
  } else {
    const dir = path.join(tmpRoot, `pglite-${size}`);
    fs.cpSync(template.kind === "pglite" ? (template.dataDir as string) : "", dir, { recursive: true });
    folders.add(dir);
    config = { kind: "pglite", dataDir: dir };
  }

  // Data.
  log(`${engine} ${size} : génération…`);
  const db = await openDatabase(config);
  let generation: SizeResult["generation"];
  let data: Record<string, unknown>;
  try {
    const report = await generateProgrammes(db.sql, { count: size, seed: SEED, log: (l) => log(`  ${l}`) });
    const t0 = performance.now();
    await db.sql.exec("vacuum analyze");
    generation = { ...report, vacuumAnalyzeSeconds: Math.round(performance.now() - t0) / 1000 };
    const [stats] = await db.sql.query<Record<string, unknown>>(`select
      (select count(*)::int from programme where status = 'published') as programmes,
      (select count(*)::int from programme where is_national) as national,
      (select count(*)::int from funder) as funders,
      (select count(*)::int from programme_territory) as coverage_rows,
      (select count(*)::int from search_word) as lexicon_words,
      pg_total_relation_size('programme')::bigint as programme_bytes,
      pg_database_size(current_database())::bigint as database_bytes`);
    data = Object.fromEntries(Object.entries(stats ?? {}).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : typeof v === "string" ? Number(v) : v]));
  } finally {
    await db.close();
  }
  log(`${engine} ${size} : ${generation.insertSeconds.toFixed(1)} s d'insertion, ${JSON.stringify(data)}`);

  // The app.
  const logFile = path.join(tmpRoot, `${stem}-next.log`);
  const { child, base, processes } = await startApp(config, logFile);
  log(`${engine} ${size} : ${processes} processus serveur${processes > 1 ? "s" : ""}`);
  let api: HttpLoad;
  let alone: SizeResult["alone"];
  try {
    if (!jsBudget) {
      jsBudget = await measurePageJs(base, "/financements");
      log(`JS de /financements : ${kB(jsBudget.totalGzip)} gzip (budget ${kB(JS_BUDGET_GZIP_BYTES)})`);
      mapJs = await measurePageJs(base, "/cartographie");
      log(`JS de /cartographie : ${kB(mapJs.totalGzip)} gzip (budget ${kB(JS_BUDGET_GZIP_BYTES)})`);
    }
    log(`${engine} ${size} : chaque requête seule (${REPEAT} fois)…`);
    alone = await eachQueryAlone(base);
    const failed = alone.filter((a) => a.status !== 200);
    if (failed.length) log(`  ATTENTION, réponses en erreur ou trop lentes : ${failed.map((f) => `${f.name} → ${f.status}`).join(", ")}`);
    if (failed.some((f) => typeof f.status === "number")) throw new Error("l'API répond en erreur : voir ci-dessus");
    log(`${engine} ${size} : échauffement ${WARMUP} s, puis ${DURATION} s à ${CONNECTIONS} connexions…`);
    await loadHttp(base, WARMUP);
    const loadBefore = os.loadavg()[0] as number;
    api = await loadHttp(base, DURATION);
    // The machine is shared: its 1-minute load average before and after the measure says how quiet it was.
    api.loadAverage = { before: Math.round(loadBefore * 100) / 100, after: Math.round((os.loadavg()[0] as number) * 100) / 100 };
    log(`${engine} ${size} : API p50 ${api.latency.p50} ms, p95 ${api.latency.p95} ms, p99 ${api.latency.p99} ms, ${api.requestsPerSecond} req/s`);
  } finally {
    await stopChild(child);
  }
  if (config.kind === "postgres") await waitForIdleDatabase(`fin_bench_${size}`);

  let apiCached: HttpLoad | null = null;
  let httpFloor: { latency: LatencySummary; requestsPerSecond: number } | null = null;
  let healthFloor: { latency: LatencySummary; requestsPerSecond: number } | null = null;
  if (!flag("--no-cache-run")) {
    const cachedApp = await startApp(config, logFile.replace(/\.log$/, "-cache.log"), "on");
    try {
      log(`${engine} ${size} : avec le cache de recherche : chaque requête une fois, échauffement ${WARMUP} s, puis ${DURATION} s…`);
      await primeCache(cachedApp.base);
      await loadHttp(cachedApp.base, WARMUP);
      const loadBefore = os.loadavg()[0] as number;
      apiCached = await loadHttp(cachedApp.base, DURATION);
      apiCached.loadAverage = { before: Math.round(loadBefore * 100) / 100, after: Math.round((os.loadavg()[0] as number) * 100) / 100 };
      log(`${engine} ${size} : API avec cache p50 ${apiCached.latency.p50} ms, p95 ${apiCached.latency.p95} ms, ${apiCached.requestsPerSecond} req/s`);
      // The framework's own floor under the same load: robots.txt, a dynamic route handler of a
      // few lines with no database: what any answer of this Next.js server costs at least.
      const tiny = await loadHttp(cachedApp.base, DURATION, ["/robots.txt"]);
      httpFloor = { latency: tiny.latency, requestsPerSecond: tiny.requestsPerSecond };
      log(`${engine} ${size} : plancher HTTP (robots.txt) p50 ${tiny.latency.p50} ms, p95 ${tiny.latency.p95} ms, ${tiny.requestsPerSecond} req/s`);
      // The same with the database: /api/health reads the catalogue's version, the round trip of
      // every search (and the cache's whole cost when it answers).
      const health = await loadHttp(cachedApp.base, DURATION, ["/api/health"]);
      healthFloor = { latency: health.latency, requestsPerSecond: health.requestsPerSecond };
      log(`${engine} ${size} : plancher HTTP avec la base (/api/health) p50 ${health.latency.p50} ms, p95 ${health.latency.p95} ms, ${health.requestsPerSecond} req/s`);
    } finally {
      await stopChild(cachedApp.child);
    }
  }

  // The floor.
  if (config.kind === "postgres") await waitForIdleDatabase(`fin_bench_${size}`);
  let floor: SizeResult["floor"] = null;
  if (!flag("--no-floor")) {
    log(`${engine} ${size} : plancher (recherche de l'API en processus, SQL nu, EXPLAIN)…`);
    const tmp = path.join(tmpRoot, `${stem}-floor.json`);
    floor = (await runFloor(config, tmp, path.join(RESULTS, `${stem}-explain.txt`))) as SizeResult["floor"];
    log(`${engine} ${size} : SQL nu p50 ${floor?.sql.latency.p50} ms, p95 ${floor?.sql.latency.p95} ms ; en processus p95 ${floor?.inProcess.latency.p95} ms`);
  }

  // The database goes now (100 000 programmes take room).
  if (config.kind === "postgres") await dropDatabase(`fin_bench_${size}`);
  else {
    fs.rmSync(config.dataDir as string, { recursive: true, force: true });
    folders.delete(config.dataDir as string);
  }

  const target = engine === "server" ? (TARGET_P95[size] ?? null) : null;
  const ratio = floor ? Math.round((api.latency.p95 / floor.sql.latency.p95) * 100) / 100 : null;
  return {
    engine, size, serverProcesses: processes, generation, data, api, apiCached, httpFloor, healthFloor, alone, floor,
    targets: {
      p95TargetMs: target,
      p95Met: target === null ? null : api.latency.p95 <= target,
      floorRatioP95: ratio,
      floorRatioMet: ratio === null ? null : ratio <= 2,
    },
  };
}

let jsBudget: PageJs | null = null;
/** The funding map's page (its graph is the largest client component after the search's). */
let mapJs: PageJs | null = null;

// Main ------------------------------------------------------------------------------------------------

async function prepareTemplate(engine: "server" | "pglite", tmpRoot: string): Promise<DbConfig> {
  let config: DbConfig;
  if (engine === "server") {
    await dropDatabase("fin_bench_template");
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      databases.add("fin_bench_template");
      await admin.query(`create database "fin_bench_template"`);
    } finally {
      await admin.end();
    }
    config = { kind: "postgres", url: serverUrl("fin_bench_template") };
  } else {
    const dir = path.join(tmpRoot, "pglite-template");
    folders.add(dir);
    config = { kind: "pglite", dataDir: dir };
  }
  const t0 = performance.now();
  const db = await openDatabase(config);
  try {
    await prepareDatabase(db, { log: (l) => log(`  ${l}`) });
  } finally {
    await db.close();
  }
  log(`${engine} : base modèle préparée (migrations, territoires, catalogue) en ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return config;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    memoryGB: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

function printTable(results: SizeResult[]) {
  const rows = results.map((r) => [
    r.engine === "server" ? "PostgreSQL" : "PGlite",
    r.size.toLocaleString("fr-FR"),
    r.api.latency.p50, r.api.latency.p95, r.api.latency.p99, r.api.requestsPerSecond,
    r.apiCached ? `${r.apiCached.latency.p95} / ${r.apiCached.requestsPerSecond}` : "—",
    r.httpFloor ? `${r.httpFloor.latency.p95} / ${r.httpFloor.requestsPerSecond}` : "—",
    r.healthFloor ? `${r.healthFloor.latency.p95} / ${r.healthFloor.requestsPerSecond}` : "—",
    r.floor?.inProcess.latency.p95 ?? "—",
    r.floor ? `${r.floor.sql.latency.p50} / ${r.floor.sql.latency.p95}` : "—",
    r.targets.floorRatioP95 ?? "—",
    r.targets.p95TargetMs === null ? "—" : `${r.targets.p95Met ? "oui" : "NON"} (≤ ${r.targets.p95TargetMs})`,
  ].map(String));
  const head = ["moteur", "taille", "p50", "p95", "p99", "req/s", "cache p95 / req/s", "robots.txt p95 / req/s", "health p95 / req/s", "proc p95", "SQL p50/p95", "API/SQL p95", "cible p95"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join("  ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const r of rows) console.log(line(r));
  console.log(`(ms ; ${CONNECTIONS} connexions, ${DURATION} s par taille ; p50/p95/p99/req/s sans cache (SEARCH_CACHE=off) ; « cache » = même charge, cache de recherche actif ; « robots.txt » = plancher de Next.js, même charge ; « health » = Next.js et un aller-retour à la base (/api/health) ; « proc » = la recherche de l'API en processus ; « SQL » = plancher SQL nu, même concurrence)`);
  if (jsBudget) console.log(`JS de /financements : ${kB(jsBudget.totalGzip)} gzip pour un budget de ${kB(jsBudget.budgetGzip)} → ${jsBudget.withinBudget ? "respecté" : "DÉPASSÉ"}`);
  if (mapJs) console.log(`JS de /cartographie : ${kB(mapJs.totalGzip)} gzip pour un budget de ${kB(mapJs.budgetGzip)} → ${mapJs.withinBudget ? "respecté" : "DÉPASSÉ"}`);
}

async function main() {
  const started = performance.now();
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "fin-bench-"));
  folders.add(tmpRoot);
  const results: SizeResult[] = [];
  try {
    if (!flag("--skip-build") && buildIsStale()) {
      log("Construction de production (next build)…");
      run(process.execPath, [nextBin, "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, 20 * 60_000);
    }
    for (const engine of engines) {
      const sizes = engine === "server" ? serverSizes : pgliteSizes;
      if (!sizes.length) continue;
      const template = await prepareTemplate(engine, tmpRoot);
      for (const size of sizes) {
        const t0 = performance.now();
        const result = await benchSize(engine, size, template, tmpRoot);
        const file = path.join(RESULTS, `${DATE}-${engine}-${size}.json`);
        fs.writeFileSync(file, JSON.stringify({
          date: new Date().toISOString(), commit: gitCommit(), machine: machine(),
          settings: { connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP, repeat: REPEAT, seed: SEED, queries: QUERIES.length },
          ...result, jsBudget, mapJs, benchSeconds: Math.round(performance.now() - t0) / 1000,
        }, null, 2));
        log(`→ ${path.relative(ROOT, file)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
        results.push(result);
      }
      if (engine === "server") await dropDatabase("fin_bench_template");
    }
  } finally {
    await cleanup();
  }
  printTable(results);
  console.log(`Durée totale : ${((performance.now() - started) / 60_000).toFixed(1)} min`);
}

/** --snapshot: export HEAD, link node_modules, generate the Prisma client, and run this script there. */
function runInSnapshot(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fin-bench-app-"));
  folders.add(dir);
  log(`Instantané de HEAD dans ${dir}…`);
  const sh = (command: string, cwd = ROOT) => {
    const r = spawnSync("sh", ["-c", command], { cwd, stdio: "inherit", timeout: 10 * 60_000 });
    if (r.status !== 0) throw new Error(`échec : ${command}`);
  };
  sh(`git archive --format=tar HEAD | tar -x -C "${dir}"`);
  sh(`cp -al "${path.join(ROOT, "node_modules")}" "${path.join(dir, "node_modules")}"`);
  // This harness as it is here (it may be newer than the commit), without its results.
  fs.cpSync(path.join(ROOT, "bench"), path.join(dir, "bench"), { recursive: true, filter: (src) => !src.includes(`${path.sep}results`) });
  sh(`"${process.execPath}" scripts/prisma-generate.mjs`, dir);
  const commit = gitCommit();
  const args = argv.filter((a, i) => a !== "--snapshot" && !["--results", "--commit"].includes(a) && !["--results", "--commit"].includes(argv[i - 1] ?? ""));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", ...args, "--results", RESULTS, "--commit", `${commit?.replace(/ .*/, "") ?? "?"} (instantané)`], {
      cwd: dir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    children.add(child);
    snapshotRun = child;
    child.once("exit", (code) => {
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}

if (flag("--snapshot")) {
  runInSnapshot().then(
    async (code) => {
      await cleanup();
      process.exit(code);
    },
    async (error) => {
      console.error(error);
      await cleanup();
      process.exit(1);
    },
  );
} else main().then(
  () => process.exit(0),
  async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  },
);
