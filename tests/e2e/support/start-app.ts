// What `npm run test:e2e` starts when no app answers (playwright.config.ts webServer): the e2e accounts
// (npm run user:create, while the embedded database is free), the local OpenID provider standing in for
// ProConnect, then `npm start` configured to use it. Stops the provider when npm start ends.
//   PORT=3000 npx tsx tests/e2e/support/start-app.ts
import { spawn } from "node:child_process";
import { createE2eAccounts } from "./create-accounts";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, startOidcServer } from "./oidc-server";

const port = process.env.PORT ?? "3000";
const appUrl = process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${port}`;
const oidcPort = Number(process.env.OIDC_PORT ?? 3199);

createE2eAccounts();
const { issuer, server } = await startOidcServer({ port: oidcPort, appUrls: [appUrl] });
console.log(`Fournisseur OpenID de test : ${issuer}`);

const app = spawn("npm", ["start"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    NEXTAUTH_URL: appUrl,
    PROCONNECT_ISSUER: issuer,
    PROCONNECT_CLIENT_ID: OIDC_CLIENT_ID,
    PROCONNECT_CLIENT_SECRET: OIDC_CLIENT_SECRET,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => server.close(() => process.exit(code ?? 0)));
