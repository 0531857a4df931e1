// `npm start`: builds the production app when the build is missing or older than the sources,
// migrates (and on first start seeds) the database, then serves on PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = process.cwd();
const require = createRequire(import.meta.url);
// Run the tools with this Node directly (not through npx) so that signals reach them.
const nextBin = require.resolve("next/dist/bin/next");
const tsxBin = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "proxy.ts", "instrumentation.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (entry === path.join("lib", "generated")) return 0;
  return fs.readdirSync(full).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const run = (command, args, extraEnv = {}) => {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/**
 * NEXTAUTH_SECRET signs and encrypts the session cookies. From the environment; on the embedded database,
 * when missing, one is created once beside the data folder (mode 0600) and reused at every start.
 * With DATABASE_URL (a real deployment), it must be given. NEXTAUTH_URL defaults to http://localhost:PORT.
 */
function ensureAuthEnvironment() {
  const port = process.env.PORT ?? "3000";
  if (!process.env.NEXTAUTH_URL?.trim()) process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  if (process.env.NEXTAUTH_SECRET?.trim()) return;
  if (process.env.DATABASE_URL?.trim()) {
    console.error(
      "Erreur : NEXTAUTH_SECRET manque. Avec DATABASE_URL, définissez-la (par exemple : export NEXTAUTH_SECRET=\"$(openssl rand -base64 32)\") et gardez-la d'un démarrage à l'autre.",
    );
    process.exit(1);
  }
  const dataDir = path.resolve(process.env.PGLITE_DATA_DIR?.trim() || path.join(".data", "pglite"));
  const file = `${dataDir}.nextauth-secret`; // read again by lib/auth/secret.ts
  const shown = path.relative(root, file).startsWith("..") ? file : path.relative(root, file);
  let secret = "";
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  if (secret) {
    console.log(`NEXTAUTH_SECRET : clé de session reprise de ${shown}.`);
  } else {
    secret = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    console.log(
      `NEXTAUTH_SECRET absente : clé de session créée dans ${shown} (lisible par vous seul), reprise aux prochains démarrages.`,
    );
  }
  process.env.NEXTAUTH_SECRET = secret;
}
ensureAuthEnvironment();

const started = Date.now();
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (built === 0 || sources.some((s) => newestMtime(s) > built)) {
  console.log(built === 0 ? "Première construction de l'application (next build)…" : "Sources modifiées : reconstruction (next build)…");
  run(process.execPath, [nextBin, "build"], { NEXT_TELEMETRY_DISABLED: "1" });
}
run(process.execPath, [tsxBin, "scripts/prepare-db.ts"]);

const port = process.env.PORT ?? "3000";
console.log(`Prêt en ${((Date.now() - started) / 1000).toFixed(1)} s — démarrage du serveur sur http://localhost:${port}`);
// scripts/serve.mjs: `next start` in one process per core (one for the embedded database).
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", port], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
