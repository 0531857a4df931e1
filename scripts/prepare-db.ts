// Migrates the configured database and loads the seed when it is empty (`--force`: reload it anyway).
// Run by `npm start` before the server; `npm run db:prepare` and `npm run db:seed` run it alone.
import { readDbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/connect";
import { DbSetupError } from "../lib/db/errors";
import { prepareDatabase } from "../lib/db/prepare";

const started = Date.now();
try {
  const config = readDbConfig();
  const db = await openDatabase(config);
  console.log(`Base de données : ${db.description}`);
  try {
    await prepareDatabase(db, { force: process.argv.includes("--force"), log: (line) => console.log(`  ${line}`) });
  } finally {
    await db.close();
  }
  console.log(`  Base prête en ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  const message = error instanceof DbSetupError || error instanceof Error ? error.message : String(error);
  console.error(`Erreur : ${message}`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
}
