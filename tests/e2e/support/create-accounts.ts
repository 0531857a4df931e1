// Creates (or resets) the e2e accounts of accounts.ts in the app's database with `npm run user:create`,
// before the server starts (the embedded database is then free). Same environment as `npm start`.
//   npx tsx tests/e2e/support/create-accounts.ts
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { accounts } from "./accounts";

export function createE2eAccounts(env: NodeJS.ProcessEnv = process.env): void {
  for (const account of Object.values(accounts)) {
    const result = spawnSync(
      "npm",
      ["run", "-s", "user:create", "--", "--email", account.email, "--name", account.name, "--role", account.role],
      { stdio: "inherit", env: { ...env, USER_PASSWORD: account.password } },
    );
    if (result.status !== 0) throw new Error(`npm run user:create a échoué pour ${account.email} (code ${result.status}).`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    createE2eAccounts();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
