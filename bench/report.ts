/**
 * Markdown tables of the benchmark's results (bench/results/*.json), for BENCHMARKS.md:
 *   npx tsx bench/report.ts [bench/results]
 */
import fs from "node:fs";
import path from "node:path";


const dir = process.argv[2] ?? path.join("bench", "results");
type Latency = { p50: number; p95: number; p99: number };
interface Result {
  date: string; commit: string; machine: { cpus: number; cpuModel: string; memoryGB: number; node: string };
  engine: "server" | "pglite"; size: number;
  data: { programmes: number; funders: number; coverage_rows: number; database_bytes: number };
  generation: { insertSeconds: number };
  api: { latency: Latency; requestsPerSecond: number; non2xx: number; errors: number; timeouts: number; loadAverage?: { before: number; after: number } };
  apiCached: { latency: Latency; requestsPerSecond: number; non2xx: number; errors: number } | null;
  httpFloor?: { latency: Latency; requestsPerSecond: number } | null;
  healthFloor?: { latency: Latency; requestsPerSecond: number } | null;
  alone: { name: string; medianMs: number | null; bytes: number; total: number | null }[];
  floor: { sql: { latency: Latency; requestsPerSecond: number }; inProcess: { latency: Latency };
    perQuery: { name: string; inProcessMedianMs: number; sqlMedianMs: number; statements: { label: string; medianMs: number }[] }[] } | null;
  targets: { p95TargetMs: number | null; p95Met: boolean | null; floorRatioP95: number | null };
  jsBudget: { totalGzip: number; budgetGzip: number; legacyNoModule?: { gzip: number }[] } | null;
  mapJs?: { totalGzip: number; budgetGzip: number } | null;
}
const results: Result[] = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
results.sort((a, b) => (a.engine === b.engine ? a.size - b.size : a.engine === "server" ? -1 : 1));
const engine = (r: Result) => (r.engine === "server" ? "PostgreSQL 15" : "PGlite");
const n = (x: number) => x.toLocaleString("fr-FR");
const ms = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x >= 100 ? String(Math.round(x)) : x.toFixed(1));

const first = results[0];
if (first) {
  console.log(`Machine : ${first.machine.cpus} cœurs (${first.machine.cpuModel}), ${first.machine.memoryGB} Go, Node ${first.machine.node}.`);
  console.log(`Exécutions : ${results.map((r) => `${engine(r)} ${n(r.size)} le ${r.date.slice(0, 16).replace("T", " ")} UTC (commit ${r.commit})`).join(" ; ")}.\n`);
}

console.log("| moteur | programmes | sans cache p50 / p95 / p99 | req/s | avec cache p50 / p95 / p99 | req/s | Next.js seul (robots.txt) p50 / p95 | Next.js + base (/api/health) p50 / p95 | SQL nu p50 / p95 | API ÷ SQL (p95) | en processus p50 / p95 | API ÷ en processus (p95) | cible p95 |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
for (const r of results) {
  const a = r.api.latency, c = r.apiCached?.latency;
  const target = r.targets.p95TargetMs === null ? "—" : `≤ ${r.targets.p95TargetMs} ms : sans cache ${r.targets.p95Met ? "oui" : "**non**"}, avec cache ${c && c.p95 <= r.targets.p95TargetMs ? "oui" : "**non**"}`;
  console.log(`| ${engine(r)} | ${n(r.data.programmes)} | ${ms(a.p50)} / ${ms(a.p95)} / ${ms(a.p99)} | ${r.api.requestsPerSecond} | ${c ? `${ms(c.p50)} / ${ms(c.p95)} / ${ms(c.p99)}` : "—"} | ${r.apiCached?.requestsPerSecond ?? "—"} | ${r.httpFloor ? `${ms(r.httpFloor.latency.p50)} / ${ms(r.httpFloor.latency.p95)}` : "—"} | ${r.healthFloor ? `${ms(r.healthFloor.latency.p50)} / ${ms(r.healthFloor.latency.p95)}` : "—"} | ${r.floor ? `${ms(r.floor.sql.latency.p50)} / ${ms(r.floor.sql.latency.p95)}` : "—"} | ${r.targets.floorRatioP95 ?? "—"} | ${r.floor ? `${ms(r.floor.inProcess.latency.p50)} / ${ms(r.floor.inProcess.latency.p95)}` : "—"} | ${r.floor ? (a.p95 / r.floor.inProcess.latency.p95).toFixed(2) : "—"} | ${target} |`);
}
console.log("\nErreurs (toutes mesures) : " + results.map((r) => `${engine(r)} ${n(r.size)} : ${r.api.non2xx + r.api.errors + r.api.timeouts + (r.apiCached ? r.apiCached.non2xx + r.apiCached.errors : 0)}`).join(", ") + ".");
console.log("Charge de la machine (moyenne 1 min avant → après la mesure sans cache) : " + results.map((r) => `${engine(r)} ${n(r.size)} ${r.api.loadAverage?.before} → ${r.api.loadAverage?.after}`).join(", ") + ".");
console.log("Données : " + results.map((r) => `${engine(r)} ${n(r.size)} : ${n(r.data.funders)} financeurs, ${n(r.data.coverage_rows)} couvertures, base ${(r.data.database_bytes / 1e6).toFixed(0)} Mo, insertion ${r.generation.insertSeconds.toFixed(0)} s`).join(" ; ") + ".");

for (const r of results.filter((x) => x.floor)) {
  console.log(`\n#### ${engine(r)}, ${n(r.data.programmes)} programmes : chaque requête seule (médianes, ms)\n`);
  console.log("| requête | HTTP | en processus | SQL nu | dont | résultats |");
  console.log("|---|---:|---:|---:|---|---:|");
  for (const q of r.floor?.perQuery ?? []) {
    const alone = r.alone.find((a) => a.name === q.name);
    console.log(`| ${q.name} | ${ms(alone?.medianMs)} | ${ms(q.inProcessMedianMs)} | ${ms(q.sqlMedianMs)} | ${q.statements.map((s) => `${s.label} ${ms(s.medianMs)}`).join(", ")} | ${alone?.total ?? "—"} |`);
  }
}
const js = results.find((r) => r.jsBudget)?.jsBudget;
if (js) console.log(`\nJavaScript de /financements : ${(js.totalGzip / 1000).toFixed(1)} kB gzip (budget ${(js.budgetGzip / 1000).toFixed(0)} kB) ; non compté : ${(js.legacyNoModule ?? []).map((l) => `${(l.gzip / 1000).toFixed(1)} kB`).join(", ") || "rien"} de polyfills nomodule.`);
const mapJs = results.find((r) => r.mapJs)?.mapJs;
if (mapJs) console.log(`JavaScript de /cartographie : ${(mapJs.totalGzip / 1000).toFixed(1)} kB gzip (budget ${(mapJs.budgetGzip / 1000).toFixed(0)} kB).`);
