// `npm run import -- FICHIER [--dry-run] [--publish] [--as prenom.nom@exemple.fr]`
// Imports programmes from a JSON file (the API's shape, the seed's, or the research's) or a CSV file, and
// prints the report (per row: créé / mis à jour / inchangé / rejeté, with the reasons). A real run is all or
// nothing: one rejected row and nothing is written (exit code 1). --as names the account the revisions
// are credited to (a contributor's entries land in review); without it, nobody is credited and the
// entries may be published (--publish), as the seed does.
// Run with `--conditions=react-server` (package.json): the duplicate check is a server-only module of lib/data.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { actorSelect, toActor } from "../lib/auth/actor";
import { canPublishImport } from "../lib/auth/policy";
import { findSimilarProgrammes } from "../lib/data/admin/duplicates";
import { readDbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/connect";
import { DbSetupError } from "../lib/db/errors";
import { prepareDatabase } from "../lib/db/prepare";
import { hasRejections, reportLines } from "../lib/import/report";
import { runImport } from "../lib/import/run";

const USAGE = "Usage : npm run import -- FICHIER [--dry-run] [--publish] [--as prenom.nom@exemple.fr]";

function fail(message: string, code = 2): never {
  console.error(`Erreur : ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, publish: { type: "boolean" }, as: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail(`un fichier, et un seul, est attendu.\n${USAGE}`);
const file = path.resolve(positionals[0]!);
let content: string;
try {
  content = fs.readFileSync(file, "utf8");
} catch {
  fail(`fichier illisible : ${file}`);
}

let db;
try {
  db = await openDatabase(readDbConfig());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DbSetupError && /déjà ouverte/.test(message)) {
    fail(
      "la base embarquée est utilisée par le serveur en marche : arrêtez-le (Ctrl+C sur npm start) le temps de l'import, importez depuis /admin/import, ou utilisez un serveur PostgreSQL (DATABASE_URL).",
    );
  }
  fail(message);
}
let exitCode = 0;
try {
  await prepareDatabase(db, { log: (line) => console.log(`  ${line}`) });
  let actor = null;
  if (values.as) {
    actor = toActor(await db.prisma.user.findUnique({ where: { email: values.as.trim().toLowerCase() }, select: actorSelect }));
    if (!actor) fail(`aucun compte actif n'a l'adresse ${values.as}.`);
  }
  if (values.publish && actor && !canPublishImport(actor)) {
    console.log(`  ${actor.email} est contributeur : les fiches créées iront en relecture (--publish ignoré).`);
  }
  const dryRun = !!values["dry-run"];
  const report = await runImport(
    db.prisma,
    { fileName: path.basename(file), content },
    {
      actor,
      dryRun,
      publish: !!values.publish,
      note: `Import du fichier ${path.basename(file)}`,
      findDuplicates: (query, tx) => findSimilarProgrammes(query, tx),
    },
  );
  console.log(`${dryRun ? "Essai (rien n'est écrit)" : "Import"} de ${path.basename(file)} (${report.format ?? "format inconnu"})${actor ? `, par ${actor.email}` : ""} :`);
  for (const line of reportLines(report)) console.log(line);
  if (hasRejections(report)) {
    if (!dryRun) console.log("Rien n'a été écrit : corrigez les lignes rejetées puis relancez l'import.");
    exitCode = dryRun ? 0 : 1;
  } else if (!dryRun) {
    console.log("Import enregistré.");
  }
} catch (error) {
  console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 2;
} finally {
  await db.close();
}
process.exit(exitCode);
