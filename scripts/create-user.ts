// `npm run user:create -- --email … --name … --role admin|curator|contributor`
// Creates an account (or, for an existing e-mail, sets its password, and its role and name when given).
// The password comes from USER_PASSWORD, or is asked without echo. The database is migrated and seeded
// first if needed, so this works before the first `npm start`.
import { parseArgs } from "node:util";
import { cliUserSchema, upsertUserFromCli } from "../lib/auth/cli-user";
import { readDbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/connect";
import { DbSetupError } from "../lib/db/errors";
import { prepareDatabase } from "../lib/db/prepare";
import { roleLabels } from "../lib/auth/policy";

const USAGE =
  "Usage : npm run user:create -- --email prenom.nom@exemple.fr --name \"Prénom Nom\" --role admin|curator|contributor\n" +
  "        (mot de passe : variable USER_PASSWORD, sinon demandé sans écho ; un compte existant voit son mot de passe remplacé)";

function fail(message: string): never {
  console.error(`Erreur : ${message}`);
  process.exit(1);
}

/** Reads a line from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    fail("aucun terminal pour saisir le mot de passe : définissez la variable USER_PASSWORD.");
  }
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          process.stdout.write("\n");
          process.exit(130);
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

let args;
try {
  args = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const parsed = cliUserSchema.safeParse(args);
if (!parsed.success) fail(`${parsed.error.issues.map((i) => i.message).join(" ")}\n${USAGE}`);

let password = process.env.USER_PASSWORD ?? "";
if (!password) {
  password = await askHidden("Mot de passe (12 caractères au moins) : ");
  const again = await askHidden("Le même, pour confirmer : ");
  if (again !== password) fail("les deux saisies du mot de passe diffèrent.");
}

let db;
try {
  db = await openDatabase(readDbConfig());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DbSetupError && /déjà ouverte/.test(message)) {
    fail(
      "la base embarquée est utilisée par le serveur en marche : arrêtez-le (Ctrl+C sur npm start) le temps de créer le compte, ou utilisez un serveur PostgreSQL (DATABASE_URL).",
    );
  }
  fail(message);
}
try {
  await prepareDatabase(db, { log: (line) => console.log(`  ${line}`) });
  const result = await upsertUserFromCli(db.prisma, { ...parsed.data, password });
  const role = roleLabels[result.role as keyof typeof roleLabels] ?? result.role;
  console.log(
    result.created
      ? `Compte créé : ${parsed.data.email} (${role}). Connexion sur /connexion.`
      : `Compte mis à jour : ${parsed.data.email} (${role}) — nouveau mot de passe enregistré.`,
  );
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await db.close();
}
