// Serves the production build (`next start`) in as many processes as the machine has cores, all on
// one port (Node's cluster module: the primary process accepts the connections and hands them to the
// workers in turn). One Node process runs JavaScript on one core: a second process doubles what a
// 2-core machine answers (BENCHMARKS.md). Each worker keeps its own programme index and search cache,
// both checked against the catalogue's version in the database on every search, so a change made
// through one process is seen by the next search of every process.
//
// Usage: node scripts/serve.mjs [-p PORT] [-H HOST]   (used by `npm start` and `npm run bench`)
// WEB_CONCURRENCY sets the number of processes (default: the number of cores). The embedded database
// (PGlite, no DATABASE_URL) lives inside one process: it is always served by one.
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

const argv = process.argv.slice(2);
const option = (short, long, fallback) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const port = option("-p", "--port", process.env.PORT ?? "3000");
const host = option("-H", "--hostname", null);

/** How many processes: WEB_CONCURRENCY, else one per core; one for the embedded database. */
function workerCount(env = process.env, cores = os.availableParallelism()) {
  if (!env.DATABASE_URL?.trim()) return 1;
  const asked = Number.parseInt(env.WEB_CONCURRENCY ?? "", 10);
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, 64) : Math.max(1, cores);
}

const count = workerCount();
if (!process.env.DATABASE_URL?.trim() && Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) > 1) {
  console.log("WEB_CONCURRENCY ignoré : la base embarquée (PGlite) ne s'ouvre que dans un processus.");
}
console.log(`${count} processus serveur${count > 1 ? "s" : ""} (${os.availableParallelism()} cœurs)`);

cluster.setupPrimary({
  exec: nextBin,
  args: ["start", "-p", port, ...(host ? ["-H", host] : [])],
  // The workers' output goes where the primary's goes.
  silent: false,
});

let stopping = false;
let listening = 0;
const startedAt = new Map();

function fork() {
  const worker = cluster.fork({ NEXT_TELEMETRY_DISABLED: "1" });
  startedAt.set(worker.id, Date.now());
  worker.once("listening", () => {
    listening += 1;
  });
  return worker;
}

for (let i = 0; i < count; i++) fork();

cluster.on("exit", (worker, code, signal) => {
  const uptime = Date.now() - (startedAt.get(worker.id) ?? Date.now());
  startedAt.delete(worker.id);
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
    return;
  }
  // A worker that dies before serving (port taken, build missing) would die again: stop everything.
  if (listening === 0 || uptime < 10_000) {
    console.error(`Le serveur s'est arrêté au démarrage (code ${code ?? signal}) : arrêt.`);
    stop("SIGTERM", code || 1);
    return;
  }
  console.error(`Un processus serveur s'est arrêté (code ${code ?? signal}) : il est relancé.`);
  fork();
});

function stop(signal, exitCode = 0) {
  stopping = true;
  process.exitCode = exitCode;
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit();
  for (const worker of workers) worker?.process.kill(signal);
  // Whatever still runs after 10 s is stopped for good.
  setTimeout(() => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    process.exit();
  }, 10_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
