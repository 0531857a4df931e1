import { expect, test } from "./support/fixtures";
import { accounts } from "./support/accounts";
import { PROCONNECT_AGENT } from "./support/oidc-server";

/**
 * Sign-in through a real OpenID provider (tests/e2e/support/oidc-server.ts, oidc-provider) standing in for
 * ProConnect: discovery, PKCE, state, nonce, userinfo as a signed JWT, end_session. The app under test is
 * started with PROCONNECT_* pointing at it (.ci/run, or tests/e2e/support/start-app.ts locally).
 */

/** The provider's own sign-in page (any login; the login names the identity). */
async function signInAtProvider(page: import("@playwright/test").Page, login: string) {
  await page.goto("/connexion?callbackUrl=%2Fadmin%2Fprofil");
  await page.getByRole("button", { name: "S'identifier avec ProConnect" }).click();
  await page.waitForURL(/\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("peu importe");
  await page.locator('button[type="submit"]').first().click();
}

test.describe("ProConnect", () => {
  test("an invited agent signs in through the OpenID provider, is bound to their sub, and signs out of both", async ({ page }) => {
    await signInAtProvider(page, PROCONNECT_AGENT.login);
    await page.waitForURL((url) => url.pathname === "/admin/profil");
    const main = page.getByRole("main");
    await expect(main).toContainText(accounts.proconnect.email);
    await expect(main).toContainText(`Lié (SIRET ${PROCONNECT_AGENT.siret})`);

    await page.goto("/deconnexion");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    // end_session at the provider, which asks, then comes back to /deconnexion.
    await page.waitForURL(/\/session\/end/);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL((url) => url.pathname === "/deconnexion");
    await expect(page.getByRole("status")).toContainText("Vous êtes déconnecté");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/connexion/);
  });

  test("an identity without an invited account is refused, in French", async ({ page }) => {
    await signInAtProvider(page, `personne-${Date.now()}`);
    await page.waitForURL((url) => url.pathname === "/connexion");
    await expect(page.locator("#erreurs")).toContainText("Aucun compte de l'espace de curation n'existe pour cette identité ProConnect");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/connexion/);
  });
});
