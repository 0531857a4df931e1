// A local OpenID Connect provider standing in for ProConnect in the browser tests (oidc-provider, the
// certified implementation): discovery, authorization code with PKCE, state and nonce, userinfo returned as
// a signed JWT (application/jwt, RS256) like ProConnect's, RP-initiated logout (end_session).
//
//   npx tsx tests/e2e/support/oidc-server.ts            (OIDC_PORT=3199, APP_URLS="http://127.0.0.1:3000")
//
// Its sign-in page (oidc-provider's development interactions) accepts any login: the login is the account.
// `agent` is the ProConnect identity of accounts.proconnect; any other login `x` is `x@example.test`.
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";
import { accounts } from "./accounts";

export const OIDC_CLIENT_ID = "annuaire-financements-e2e";
export const OIDC_CLIENT_SECRET = "secret-du-client-de-test-e2e-0123456789";
export const OIDC_DEFAULT_PORT = 3199;

export const PROCONNECT_AGENT = {
  login: "agent",
  sub: "agent",
  email: accounts.proconnect.email,
  given_name: "Agathe",
  usual_name: "Agent",
  siret: "13002603200016",
};

function identity(login: string) {
  if (login === PROCONNECT_AGENT.login) {
    const { login: _login, ...claims } = PROCONNECT_AGENT;
    return claims;
  }
  const safe = login.toLowerCase().replace(/[^a-z0-9.-]/g, "") || "inconnu";
  return { sub: login, email: `${safe}@example.test`, given_name: "Test", usual_name: safe, siret: "00000000000000" };
}

/** Starts the provider on 127.0.0.1; `appUrls` are the app's origins (redirect and post-logout URIs). */
export async function startOidcServer({ port = OIDC_DEFAULT_PORT, appUrls }: { port?: number; appUrls: string[] }): Promise<{ issuer: string; server: Server }> {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "e2e-rs256", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: appUrls.map((u) => `${u}/api/auth/callback/proconnect`),
        post_logout_redirect_uris: appUrls.map((u) => `${u}/deconnexion`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["cle-des-cookies-du-fournisseur-de-test"] },
    scopes: ["openid", "email", "given_name", "usual_name", "siret"],
    claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"], siret: ["siret"] },
    features: {
      devInteractions: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    pkce: { required: () => true },
    // The login typed on the sign-in page is the account's id, hence its `sub`.
    async findAccount(_ctx: unknown, id: string) {
      const claims = identity(id);
      return { accountId: id, claims: async () => claims };
    },
    // No consent screen (ProConnect shows none to agents): every sign-in is granted the scopes asked.
    async loadExistingGrant(ctx: {
      oidc: {
        client: { clientId: string };
        session: { accountId: string };
        provider: { Grant: new (o: object) => { addOIDCScope(s: string): void; save(): Promise<string> } };
      };
    }) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email given_name usual_name siret");
      await grant.save();
      return grant;
    },
  });

  provider.on("server_error", (_ctx, error) => console.error("[oidc] server_error :", error));
  const server = await new Promise<Server>((resolve) => {
    const s = provider.listen(port, "127.0.0.1", () => resolve(s));
  });
  return { issuer, server };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.OIDC_PORT ?? OIDC_DEFAULT_PORT);
  const appUrls = (process.env.APP_URLS ?? "http://127.0.0.1:3000").split(",").map((u) => u.trim().replace(/\/+$/, ""));
  const { issuer, server } = await startOidcServer({ port, appUrls });
  console.log(`Fournisseur OpenID de test prêt : ${issuer} (client ${OIDC_CLIENT_ID}, applications ${appUrls.join(", ")})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}
