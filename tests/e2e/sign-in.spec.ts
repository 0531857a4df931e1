import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { accounts } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { signIn, uniqueAddress } from "./support/sign-in";

test.describe("sign-in with e-mail and password", () => {
  test("a curator signs in with the keyboard, reaches the workspace, and signs out", async ({ page }) => {
    await page.goto("/admin/profil");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion à l'espace de curation");
    await expectNoAccessibilityViolations(page);

    await signIn(page, accounts.curator, "/admin/profil");
    await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(accounts.curator.email);

    // The session cookie: httpOnly, SameSite=Lax (Secure only behind HTTPS).
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.goto("/deconnexion");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("status")).toContainText("Vous êtes déconnecté");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/connexion/);
  });

  test("a wrong password is told in French, focused, and the e-mail is kept", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(accounts.limited.email);
    await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    // (Next.js's route announcer is an alert too: the summary is found by its id.)
    const alert = page.locator("#erreurs");
    await expect(alert).toHaveAttribute("role", "alert");
    await expect(alert).toContainText("Adresse e-mail ou mot de passe incorrect");
    await expect(alert).toBeFocused();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(accounts.limited.email);
    await expect(page.getByLabel("Mot de passe")).toHaveValue("");
    await expectNoAccessibilityViolations(page);
  });

  test("empty fields are listed in the error summary, linked to the fields", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.locator("#erreurs")).toContainText("Le formulaire contient des erreurs");
    await page.getByRole("link", { name: "Saisissez votre adresse e-mail." }).click();
    await expect(page).toHaveURL(/#email$/);
  });

  test("the 11th bad password within 15 minutes answers 429 with a French sentence, through the real form", async ({ page, request }) => {
    const ip = uniqueAddress();
    const email = `limite-${randomUUID()}@example.test`;
    const origin = new URL(page.url() === "about:blank" ? test.info().project.use.baseURL! : page.url()).origin;
    for (let i = 0; i < 10; i++) {
      const response = await request.post("/api/auth/connexion", {
        form: { email, password: `mauvais-${i}` },
        headers: { origin, "x-forwarded-for": ip },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(303);
    }
    await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("encore un mauvais");
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/auth/connexion")),
      page.getByRole("button", { name: "Se connecter" }).click(),
    ]);
    expect(answer.status()).toBe(429);
    await expect(page.getByRole("alert").filter({ hasText: "Trop de tentatives" })).toHaveText(/Trop de tentatives de connexion ont échoué.*15 minutes/);
  });

  test("a sign-in form posted from another site is refused", async ({ request }) => {
    const response = await request.post("/api/auth/connexion", {
      form: { email: accounts.admin.email, password: accounts.admin.password },
      headers: { origin: "https://attaquant.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });

  test("callbackUrl only leads to this site", async ({ page }) => {
    await signIn(page, accounts.contributor, "/admin");
    await page.goto("/connexion?callbackUrl=https://attaquant.example/");
    await expect(page).toHaveURL(/\/admin$/);
  });
});

test.describe("accounts (admin)", () => {
  // Two people, several pages each: longer than one page's test.
  test.describe.configure({ timeout: 90_000 });

  test("an admin invites someone, who signs in with the initial password, then loses access once disabled", async ({ browser, page }) => {
    await signIn(page, accounts.admin, "/admin/utilisateurs");
    await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    const email = `invite-${randomUUID().slice(0, 8)}@example.test`;
    const invite = page.getByRole("region", { name: "Inviter une personne" });
    await invite.getByLabel("Adresse e-mail").fill(email);
    await invite.getByLabel("Nom").fill("Irène Invitée");
    await invite.getByLabel("Rôle").selectOption("contributor");
    await invite.getByRole("button", { name: "Inviter" }).click();
    const secret = invite.getByLabel(`Mot de passe initial de ${email} (affiché une seule fois)`);
    await expect(secret).toBeVisible();
    const password = await secret.inputValue();
    expect(password.length).toBeGreaterThanOrEqual(16);

    const other = await browser.newContext();
    const invited = await other.newPage();
    await signIn(invited, { email, password }, "/admin/profil");
    await expect(invited.getByRole("main")).toContainText("Contributeur");
    // A contributor may not open the accounts page: the 403 page.
    const forbidden = await invited.goto("/admin/utilisateurs");
    expect(forbidden?.status()).toBe(403);
    await expect(invited.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");

    await page.goto("/admin/utilisateurs");
    const row = page.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: /Désactiver/ }).click();
    await expect(row.getByText("Compte désactivé : il perd l'accès dès sa prochaine requête.")).toBeVisible();

    await invited.goto("/admin/profil");
    await expect(invited).toHaveURL(/\/connexion/);
    await other.close();
  });

  test("my profile: a personal API token is shown once and works until revoked", async ({ page, request }) => {
    await signIn(page, accounts.curator, "/admin/profil");
    await expectNoAccessibilityViolations(page);
    const name = `Jeton e2e ${randomUUID().slice(0, 6)}`;
    await page.getByLabel("Nom du jeton").fill(name);
    await page.getByRole("button", { name: "Créer un jeton" }).click();
    const field = page.getByLabel("Votre nouveau jeton d'API (affiché une seule fois)");
    const token = await field.inputValue();
    expect(token).toMatch(/^fin_/);

    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(token.slice(0, 12));
    await expect(row).not.toContainText(token);

    const api = (bearer: string) => request.get("/api/v1/admin/programmes", { headers: { authorization: `Bearer ${bearer}` } });
    expect((await api(token)).status()).toBe(200);
    expect((await api(`${token}x`)).status()).toBe(401);

    await page.goto("/admin/profil");
    await expect(page.getByLabel("Votre nouveau jeton d'API (affiché une seule fois)")).toHaveCount(0);
    await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: /Révoquer/ }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Révoqué");
    expect((await api(token)).status()).toBe(401);
  });
});
