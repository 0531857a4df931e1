import type { Page } from "@playwright/test";
import { accounts } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { firstFunderPath } from "./support/pages";

/**
 * The curator's workspace as a person uses it: the dashboard, the programmes table searched and
 * filtered with the keyboard, a programme's history with a restore, and all activity; axe-core on each.
 */

async function signInWithKeyboard(page: Page, account: { email: string; password: string }, callbackUrl = "/admin") {
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Adresse e-mail").focus();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Mot de passe")).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === callbackUrl);
}

/** A draft of our own through the JSON API, then one change to it: two revisions to look at. */
async function draftWithTwoRevisions(page: Page, baseURL: string) {
  const funderSlug = (await firstFunderPath(page)).split("/").pop()!;
  const title = `Programme de l'historique ${Date.now().toString(36)}`;
  const headers = { origin: baseURL };
  const created = await page.request.post("/api/v1/admin/programmes", {
    headers,
    data: {
      title,
      summary: "Un résumé de départ, pour l'historique.",
      description: "Une description suffisamment longue pour le schéma.",
      funder: funderSlug,
      aidKinds: ["subvention"],
      isNational: true,
      // Every run's drafts share this title: not duplicates (POST answers 409 possible_duplicate otherwise).
      confirmDuplicate: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const body = (await created.json()) as { data?: { slug: string; version: number }; slug?: string; version?: number };
  const { slug, version } = (body.data ?? body) as { slug: string; version: number };
  const patched = await page.request.patch(`/api/v1/admin/programmes/${slug}`, {
    headers,
    data: { version, summary: "Un résumé corrigé après relecture de la source." },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  return { slug, title };
}

test.describe("the curation workspace", () => {
  test.beforeEach(async ({ page }) => {
    // Each test is a journey over several pages with a sign-in and up to three axe-core runs.
    test.slow();
    await signInWithKeyboard(page, accounts.curator);
  });

  test("the dashboard shows each block and the signed-in curator, with the current page marked", async ({ page }) => {
    await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Espace de curation" });
    await expect(nav.getByRole("link", { name: "Tableau de bord" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Programmes" })).not.toHaveAttribute("aria-current", "page");
    await expect(page.getByText(accounts.curator.name, { exact: true })).toBeVisible();
    for (const name of [/Fiches par statut/, /Mes brouillons/, /À relire/, /Clôtures dans les 30 jours/, /À vérifier/, /Activité récente/]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    await expect(page.getByRole("table", { name: /Nombre de fiches par type et par statut/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Se déconnecter" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("the programmes table is filtered and searched with the keyboard, the state kept in the URL", async ({ page }) => {
    await page.getByRole("navigation", { name: "Espace de curation" }).getByRole("link", { name: "Programmes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Programmes" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nouveau programme" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Filter: the « Publié » box, checked with the space bar, then the « Filtrer » button with Enter.
    await page.getByRole("checkbox", { name: "Publié" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Filtrer" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/status=published/);
    const table = page.getByRole("table", { name: /Programmes correspondant aux filtres/ });
    await expect(table).toBeVisible();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const badge of await rows.locator("td:nth-child(3)").allInnerTexts()) expect(badge.trim()).toBe("Publié");

    // Search: the first row's title typed in the search box, submitted with Enter; the filter stays.
    const title = (await rows.first().getByRole("rowheader").getByRole("link").innerText()).trim();
    await page.getByLabel(/Rechercher un programme/).focus();
    await page.keyboard.type(title);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === title && url.searchParams.get("status") === "published");
    await expect(page.getByRole("checkbox", { name: "Publié" })).toBeChecked();
    await expect(table.getByRole("rowheader").getByRole("link", { name: title, exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Nothing matches: the empty state says so and offers the way back.
    await page.goto("/admin/programmes?q=zzzz-aucun-programme-zzzz");
    await expect(page.getByText("Aucun programme ne correspond à ces critères.")).toBeVisible();
    await expect(page.getByRole("link", { name: "réinitialisez les filtres" })).toHaveAttribute("href", "/admin/programmes");
  });

  test("a programme's history shows each change field by field, and restoring a version makes a new one", async ({ page, baseURL }) => {
    const { slug, title } = await draftWithTwoRevisions(page, baseURL!);
    await page.goto(`/admin/programmes/${slug}/historique`);
    await expect(page.getByRole("heading", { level: 1, name: /Historique/ })).toBeVisible();
    await expect(page.getByText(title).first()).toBeVisible();

    const revisions = page.getByRole("main").getByRole("article");
    await expect(revisions).toHaveCount(2);
    const update = revisions.first();
    await expect(update.getByRole("heading", { name: /Modification/ })).toBeVisible();
    await expect(update.getByText("Résumé", { exact: true })).toBeVisible();
    await expect(update.locator("del")).toContainText("Un résumé de départ, pour l'historique.");
    await expect(update.locator("ins")).toContainText("Un résumé corrigé après relecture de la source.");
    await expectNoAccessibilityViolations(page);

    // Restore the first version: a confirmation step, then a new revision.
    const creation = revisions.last();
    await expect(creation.getByRole("heading", { name: /Création/ })).toBeVisible();
    await creation.getByRole("link", { name: /Restaurer cette version/ }).click();
    const confirmation = page.getByRole("region", { name: /Restaurer la version 1/ });
    await expect(confirmation).toBeVisible();
    await expect(confirmation.locator("ins")).toContainText("Un résumé de départ, pour l'historique.");
    await expectNoAccessibilityViolations(page);
    await confirmation.getByLabel(/Note/).fill("Retour au résumé d'origine.");
    await confirmation.getByRole("button", { name: "Confirmer la restauration" }).click();

    await expect(page.getByRole("status")).toContainText("La version 1 a été restaurée");
    await expect(revisions).toHaveCount(3);
    const restore = revisions.first();
    await expect(restore.getByRole("heading", { name: /Restauration/ })).toBeVisible();
    await expect(restore.getByText("Retour au résumé d'origine.")).toBeVisible();
    await expect(restore.locator("ins")).toContainText("Un résumé de départ, pour l'historique.");
    await expectNoAccessibilityViolations(page);
  });

  test("all activity is listed and filtered by entity type with the keyboard", async ({ page, baseURL }) => {
    const { title } = await draftWithTwoRevisions(page, baseURL!);
    await page.goto("/admin/historique");
    await expect(page.getByRole("heading", { level: 1, name: "Historique" })).toBeVisible();
    await expect(page.getByRole("main").getByText(title).first()).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Type de fiche").focus();
    await page.keyboard.press("ArrowDown"); // « Programmes »
    await page.getByRole("button", { name: "Filtrer" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/entityType=programme/);
    await expect(page.getByRole("main").getByText(title).first()).toBeVisible();
    await expect(page.getByRole("main").getByText(/· Financeur /)).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });
});
