import type { Role } from "../../../lib/auth/policy";

/**
 * The accounts that exist in the app under test: created with `npm run user:create` before the server
 * starts, by .ci/run and by the local Playwright path (tests/e2e/support/start-app.ts).
 * `proconnect` has no password: it signs in through the local OpenID provider (support/oidc-server.ts).
 */
export interface E2eAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export const accounts = {
  admin: { email: "admin.e2e@example.test", name: "Adèle Admin", role: "admin", password: "admin-e2e-mot-de-passe" },
  curator: { email: "curateur.e2e@example.test", name: "Camille Curatrice", role: "curator", password: "curateur-e2e-mot-de-passe" },
  contributor: { email: "contributeur.e2e@example.test", name: "Côme Contributeur", role: "contributor", password: "contributeur-e2e-mot-de-passe" },
  /** Signs in with ProConnect only (the test OpenID provider knows this e-mail). */
  proconnect: { email: "agent.proconnect@example.test", name: "Agathe Agent", role: "curator", password: "proconnect-e2e-mot-de-passe" },
  /** Only for the wrong-password and login-limit tests (another account would get limited). */
  limited: { email: "limite.e2e@example.test", name: "Lou Limite", role: "contributor", password: "limite-e2e-mot-de-passe" },
} as const satisfies Record<string, E2eAccount>;
