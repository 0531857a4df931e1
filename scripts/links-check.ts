// `npm run links:check [-- --only-broken]`
// Checks every application and source URL of the programmes (not archived), prints progress and a French
// summary. Exit code 0 when the run ends (even with broken links), 1 when it cannot run or crashes.
// A run already going on elsewhere (the served app, another terminal) is left alone: message, exit 0.
import { parseArgs } from "node:util";
import { readDbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/connect";
import { DbSetupError } from "../lib/db/errors";
import { prepareDatabase } from "../lib/db/prepare";
import { plural } from "../lib/format";
import { readLinkCheckConfig } from "../lib/links/config";
import { startLinkCheck } from "../lib/links/run";
import { formatDuration, outcomeLabels, summarizeCounts } from "../lib/links/summary";

const USAGE =
  "Usage : npm run links:check [-- --only-broken]\n" +
  "        --only-broken  ne revérifie que les adresses en échec à la dernière vérification";

function fail(message: string): never {
  console.error(`Erreur : ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ options: { "only-broken": { type: "boolean" }, help: { type: "boolean" } }, strict: true }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

let db;
try {
  db = await openDatabase(readDbConfig());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DbSetupError && /déjà ouverte/.test(message)) {
    fail(
      "la base embarquée est utilisée par le serveur en marche : lancez la vérification depuis /admin/liens (« Lancer une vérification maintenant »), ou arrêtez le serveur le temps de la commande.",
    );
  }
  fail(message);
}

let exitCode = 0;
try {
  await prepareDatabase(db, { log: (line) => console.log(`  ${line}`) });
  const config = readLinkCheckConfig();
  console.log(`User-Agent : ${config.userAgent}`);
  console.log(
    `Délai par requête ${config.timeoutMs / 1000} s, ${config.concurrency} requêtes à la fois au plus, une seule par site (pause de ${config.hostDelayMs} ms).`,
  );
  let lastShown = 0;
  const start = await startLinkCheck(db, {
    trigger: "cli",
    onlyFailing: Boolean(args["only-broken"]),
    config,
    onResult: ({ url, result, done, total }) => {
      if (result.outcome === "broken" || result.outcome === "unreachable") {
        console.log(`  ✗ ${outcomeLabels[result.outcome]} : ${url} — ${result.error ?? ""}${result.httpStatus ? ` [${result.httpStatus}]` : ""}`);
      } else if (result.outcome === "redirected") {
        console.log(`  → Redirigé : ${url} → ${result.finalUrl}`);
      }
      const now = Date.now();
      if (done === total || now - lastShown > 5_000) {
        lastShown = now;
        console.log(`[${done}/${total}] ${Math.round((done / Math.max(1, total)) * 100)} %`);
      }
    },
  });
  if (!start.started) {
    console.log("Une vérification des liens est déjà en cours (serveur ou autre terminal) : rien n'est lancé. Sa progression est sur /admin/liens.");
  } else {
    console.log(
      args["only-broken"]
        ? `Revérification de ${plural(start.total, "adresse", "adresses")} en échec…`
        : `Vérification de ${plural(start.total, "adresse", "adresses")} (candidatures et sources des programmes non archivés)…`,
    );
    const summary = await start.finished;
    console.log(`Vérification terminée en ${formatDuration(summary.durationMs)} : ${summarizeCounts(summary, summary.total)}`);
    if (summary.broken + summary.unreachable > 0) console.log("Les liens en échec sont listés sur /admin/liens.");
  }
} catch (error) {
  console.error(`Erreur : la vérification a échoué (${error instanceof Error ? error.message : String(error)}).`);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
