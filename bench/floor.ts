/**
 * The floor under the API's latency, run by bench/run.ts once the app is stopped, in its own
 * process with the `react-server` export condition (lib/data imports "server-only"):
 *
 *   node --conditions=react-server --import tsx bench/floor.ts --out <file.json> [--explain <file.txt>]
 *        [--duration 15] [--connections 10] [--repeat 7]
 *
 * against DATABASE_URL or PGLITE_DATA_DIR, exactly as the app opens it (lib/db/client.ts). It measures:
 *
 * 1. `inProcess`: the API's search called directly (searchProgrammesAs without extracts or
 *    territories, as GET /api/v1/programmes calls it: the app's data code, no HTTP, no Next),
 *    `connections` concurrent callers for `duration` seconds, cycling the query mix;
 * 2. `sql`: the bare SQL floor. Each query's statements are captured at the driver (pg Pool.query
 *    or PGlite.query) while that search runs once, with the order in which it issues them
 *    (statements issued together, like Promise.all, replay together); then they are replayed through
 *    the same driver and pool, with no Prisma, zod, JSON or HTTP, same concurrency, same duration;
 * 3. `perQuery`: each query alone (one caller), `repeat` times (once when that takes over 2 s):
 *    median of the search and of its bare SQL, and the median time of each statement;
 * 4. EXPLAIN (ANALYZE, BUFFERS) of every statement of the queries listed in EXPLAINED.
 */
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { EXPLAINED, pathOf, QUERIES } from "./queries";
import { type LatencySummary, median, summarize } from "./stats";

interface Captured {
  target: unknown;
  args: unknown[];
  text: string;
  values: unknown[];
  /** Statements of this query completed when this one was issued: equal values ran together. */
  stage: number;
  label: string;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const OUT = option("--out", "");
const EXPLAIN_OUT = option("--explain", "");
const DURATION = Number(option("--duration", "15")) * 1000;
const CONNECTIONS = Number(option("--connections", "10"));
const REPEAT = Number(option("--repeat", "7"));
/** Seconds at most for the warm-up, and again for the « each query alone » phase. */
const BUDGET = Number(option("--budget", "180")) * 1000;

// Capture at the driver: both prototypes are patched before the app's code opens its database.
const originalPgQuery = pg.Pool.prototype.query;
const originalPGliteQuery = PGlite.prototype.query;
let capture: { statements: Captured[]; completed: number } | null = null;

function label(text: string): string {
  // The search's one statement before the index: version, territory, words (lib/data/search-query.ts).
  if (/FROM search_context\(/.test(text)) return "search context";
  if (/FROM catalogue_version/.test(text)) return "catalogue version";
  if (/AS query,/.test(text)) return "text query";
  if (/AS row_id/.test(text)) return "page of results";
  if (/"territory"/.test(text)) return "territory";
  return text.replace(/\s+/g, " ").slice(0, 40);
}

function record<T>(target: unknown, callArgs: unknown[], text: string, values: unknown[], run: () => Promise<T>): Promise<T> {
  const current = capture;
  if (!current) return run();
  current.statements.push({ target, args: callArgs, text, values, stage: current.completed, label: label(text) });
  return run().finally(() => {
    current.completed++;
  });
}

pg.Pool.prototype.query = function patchedQuery(this: pg.Pool, ...callArgs: unknown[]) {
  const config = callArgs[0] as string | { text: string; values?: unknown[] };
  const text = typeof config === "string" ? config : config.text;
  const values = (typeof config === "string" ? callArgs[1] : config.values) as unknown[] | undefined;
  return record(this, callArgs, text, values ?? [], () => (originalPgQuery as (...a: unknown[]) => Promise<unknown>).apply(this, callArgs));
} as typeof pg.Pool.prototype.query;

PGlite.prototype.query = function patchedQuery(this: PGlite, ...callArgs: unknown[]) {
  return record(this, callArgs, callArgs[0] as string, (callArgs[1] as unknown[]) ?? [], () =>
    (originalPGliteQuery as (...a: unknown[]) => Promise<unknown>).apply(this, callArgs));
} as typeof PGlite.prototype.query;

const replayOne = (s: Captured) =>
  s.target instanceof PGlite
    ? (originalPGliteQuery as (...a: unknown[]) => Promise<unknown>).apply(s.target, s.args)
    : (originalPgQuery as (...a: unknown[]) => Promise<unknown>).apply(s.target, s.args);

async function replay(statements: Captured[]): Promise<void> {
  const stages = [...new Set(statements.map((s) => s.stage))].sort((a, b) => a - b);
  for (const stage of stages) await Promise.all(statements.filter((s) => s.stage === stage).map(replayOne));
}

/** `connections` closed-loop callers for `duration` ms, each taking the next query of the mix. */
async function load(run: (i: number) => Promise<unknown>): Promise<{ latency: LatencySummary; requestsPerSecond: number; errors: number }> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const until = started + DURATION;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const i = next++ % QUERIES.length;
        const t0 = performance.now();
        try {
          await run(i);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latency: summarize(latencies), requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10, errors };
}

function summarizePlan(plan: string) {
  const execution = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
  const planning = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
  const seqScans = [...plan.matchAll(/Seq Scan on (\w+)(?: (\w+))?[^\n]*rows=(\d+) loops=(\d+)/g)].map(
    (m) => `${m[1]}${m[2] ? ` ${m[2]}` : ""} (rows=${m[3]}, loops=${m[4]})`,
  );
  const indexes = [...new Set([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan) (?:Backward )?(?:using|on) (\w+)/g)].map((m) => m[1] as string))];
  const sorts = [...new Set([...plan.matchAll(/Sort Method: ([^\n]+)/g)].map((m) => (m[1] as string).trim()))];
  const hits = [...plan.matchAll(/shared hit=(\d+)/g)].reduce((max, m) => Math.max(max, Number(m[1])), 0);
  return { executionMs: execution, planningMs: planning, seqScans, indexes, sorts, maxSharedHit: hits };
}

async function main() {
  const { searchProgrammesAs } = await import("../lib/data/programme-search");
  const { parseQuery } = await import("../lib/api/responses");
  const { programmeSearchSchema } = await import("../lib/validation/programme-search");
  const searches = QUERIES.map((query) => parseQuery(new URL(pathOf(query), "http://bench.invalid").searchParams, programmeSearchSchema));
  // What the API asks (app/api/v1/programmes/route.ts): no extracts, no territories.
  const search = (i: number) =>
    searchProgrammesAs(searches[i] as (typeof searches)[number], "bench", (result) => result, { snippets: false, territories: false });

  // Warm-up: every query once (plans, caches, Prisma's first-use costs); the capture below is a second pass.
  const warmEnd = performance.now() + BUDGET;
  for (let i = 0; i < QUERIES.length && performance.now() < warmEnd; i++) await search(i);

  // What each query sends to the database.
  const captured: Captured[][] = [];
  for (let i = 0; i < QUERIES.length; i++) {
    capture = { statements: [], completed: 0 };
    await search(i);
    captured.push(capture.statements);
    capture = null;
  }

  const inProcess = await load(search);
  const sql = await load((i) => replay(captured[i] as Captured[]));

  // Each query alone (within the budget; the queries left are marked skipped).
  const perQuery = [];
  const aloneEnd = performance.now() + BUDGET;
  for (let i = 0; i < QUERIES.length; i++) {
    if (performance.now() > aloneEnd) {
      perQuery.push({ name: QUERIES[i]?.name, path: pathOf(QUERIES[i]!), runs: 0, skipped: true });
      continue;
    }
    const statements = captured[i] as Captured[];
    const app: number[] = [];
    const bare: number[] = [];
    const each = statements.map(() => [] as number[]);
    // A query whose round takes over 2 s is timed once (bounded run at 100 000 programmes).
    for (let k = 0, started = performance.now(); k < REPEAT && !(k === 1 && performance.now() - started > 2000); k++) {
      let t0 = performance.now();
      await search(i);
      app.push(performance.now() - t0);
      t0 = performance.now();
      await replay(statements);
      bare.push(performance.now() - t0);
      for (const [j, s] of statements.entries()) {
        t0 = performance.now();
        await replayOne(s);
        each[j]?.push(performance.now() - t0);
      }
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    perQuery.push({
      name: QUERIES[i]?.name,
      path: pathOf(QUERIES[i]!),
      runs: app.length,
      inProcessMedianMs: round(median(app)),
      sqlMedianMs: round(median(bare)),
      statements: statements.map((s, j) => ({ label: s.label, stage: s.stage, medianMs: round(median(each[j] ?? [])) })),
    });
  }

  // Plans.
  const explain: { query: string; statement: string; summary: ReturnType<typeof summarizePlan> }[] = [];
  let explainText = "";
  for (const name of EXPLAINED) {
    const i = QUERIES.findIndex((query) => query.name === name);
    if (i < 0) continue;
    for (const s of captured[i] as Captured[]) {
      const sqlText = `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`;
      const result = s.target instanceof PGlite
        ? await originalPGliteQuery.call(s.target, sqlText, s.values)
        : await (originalPgQuery as (...a: unknown[]) => Promise<pg.QueryResult>).call(s.target, { text: sqlText, values: s.values });
      const plan = (result.rows as Record<string, string>[]).map((row) => Object.values(row)[0]).join("\n");
      explain.push({ query: name, statement: s.label, summary: summarizePlan(plan) });
      explainText += `=== ${name} — ${s.label} (${pathOf(QUERIES[i]!)})\n-- values: ${JSON.stringify(s.values).slice(0, 400)}\n${s.text.trim()}\n\n${plan}\n\n`;
    }
  }
  if (EXPLAIN_OUT) fs.writeFileSync(EXPLAIN_OUT, explainText);

  // The app's own pool or PGlite instance, as captured.
  const target = captured.flat()[0]?.target;
  const version = target instanceof PGlite
    ? (await originalPGliteQuery.call(target, "select version() as version")).rows[0]
    : (await (originalPgQuery as (...a: unknown[]) => Promise<pg.QueryResult>).call(target, "select version() as version")).rows[0];
  const out = {
    engine: target instanceof PGlite ? "pglite" : "postgres",
    postgres: (version as { version?: string } | undefined)?.version,
    durationSeconds: DURATION / 1000,
    connections: CONNECTIONS,
    statementsPerQuery: captured.map((c) => c.length),
    inProcess,
    sql,
    perQuery,
    explain,
  };
  if (OUT) fs.writeFileSync(OUT, JSON.stringify(out, null, 2));
  else console.log(JSON.stringify(out, null, 2));
  if (target instanceof PGlite) await target.close();
  else await (target as pg.Pool | undefined)?.end();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
