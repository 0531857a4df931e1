/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements the search issues for one API query string, with each
 * statement's time alone (median of 5): a tool for reading plans while tuning.
 *
 *   DATABASE_URL=… node --conditions=react-server --import tsx bench/explain-one.ts "q=médiation&territory=commune:29019"
 */
import pg from "pg";
import { searchProgrammes } from "../lib/data/programme-search";
import { programmeSearchSchema, searchParamsToObject } from "../lib/validation/programme-search";
import { median } from "./stats";

const captured: { text: string; values: unknown[] }[] = [];
const original = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...a: unknown[]) {
  const c = a[0] as string | { text: string; values?: unknown[] };
  captured.push(typeof c === "string" ? { text: c, values: (a[1] as unknown[]) ?? [] } : { text: c.text, values: c.values ?? [] });
  return (original as (...x: unknown[]) => Promise<unknown>).apply(this, a);
} as typeof pg.Pool.prototype.query;

const search = programmeSearchSchema.parse(searchParamsToObject(new URLSearchParams(process.argv[2] ?? "")));
// JIT off, as the application sets it (lib/db/connect.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, options: "-c jit=off" });
await searchProgrammes(search);
const statements = captured.splice(0);
pg.Pool.prototype.query = original;
const plans = process.argv.includes("--plans");
for (const s of statements) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await pool.query(s.text, s.values as unknown[]);
    times.push(performance.now() - t0);
  }
  console.log(`\n=== ${median(times).toFixed(2)} ms : ${s.text.replace(/\s+/g, " ").slice(0, 90)}`);
  if (plans) {
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values as unknown[]);
    console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
  }
}
await pool.end();
process.exit(0);
