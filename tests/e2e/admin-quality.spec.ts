import { accounts } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";

/**
 * The quality queue (/admin/qualite) as a curator uses it, with the keyboard: a kind chosen from the
 * counts, an item verified with a note; and the duplicate check when creating a programme that looks
 * like a seeded one. axe-core on each page.
 */

test.describe("the quality queue", () => {
  test("a curator filters the queue with the keyboard and marks an item verified today", async ({ page }) => {
    test.slow(); // sign-in, three pages, a server action and two axe-core runs
    await signIn(page, accounts.curator, "/admin/qualite");
    await expect(page.getByRole("heading", { level: 1, name: "File qualité" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The counts are links: reach « Non vérifiée depuis 6 mois » with Tab and open it with Enter.
    const kindLink = page.getByRole("list", { name: /Par type de problème/ }).getByRole("link", { name: /Non vérifiée depuis 6 mois/ });
    await kindLink.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/kind=unverified/);
    await expect(page.getByRole("heading", { level: 2, name: "Non vérifiée depuis 6 mois" })).toBeVisible();

    const first = page.getByRole("article").first();
    const title = (await first.getByRole("heading", { level: 3 }).textContent())!.trim();
    await first.getByText("Vérifié aujourd'hui…").focus();
    await page.keyboard.press("Enter"); // opens the <details>
    const note = first.getByLabel(/Ce que vous avez vérifié/);
    await expect(note).toBeVisible();
    await note.focus();
    await page.keyboard.type("Page officielle relue, dates et montants inchangés.");
    await page.keyboard.press("Enter");

    await page.waitForURL(/resultat=verifiee/);
    const notice = page.getByRole("status").filter({ hasText: "vérifiée auprès de la source" });
    await expect(notice).toBeVisible();
    await expect(page.locator("#resultat")).toBeFocused();
    await expect(page).toHaveURL(/kind=unverified/);
    await expect(page.getByRole("heading", { level: 3, name: title, exact: true })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });

  test("« Archiver » asks for a confirmation first, which can be cancelled", async ({ page }) => {
    test.slow();
    await signIn(page, accounts.curator, "/admin/qualite");
    const first = page.getByRole("article").first();
    const title = (await first.getByRole("heading", { level: 3 }).textContent())!.trim();
    await first.getByRole("link", { name: /^Archiver/ }).click();
    const confirm = page.getByRole("group", { name: `Archiver « ${title} » ?` });
    await expect(confirm).toBeFocused();
    await expect(confirm.getByRole("button", { name: "Confirmer l'archivage" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await confirm.getByRole("link", { name: "Annuler" }).click();
    await expect(page.getByRole("button", { name: "Confirmer l'archivage" })).toHaveCount(0);
  });
});

test.describe("creating a programme that looks like an existing one", () => {
  test("the form shows the similar programme, keeps the values typed, and creates once confirmed", async ({ page }) => {
    test.slow();
    await signIn(page, accounts.curator, "/admin/programmes/nouveau");
    const title = "Appel à projets « Pass numérique » 2021";
    await page.getByLabel("Titre").first().fill(title);
    await page.getByLabel("Résumé").fill("Une nouvelle édition de l'appel à projets Pass numérique, saisie par le test.");
    await page.getByLabel("Description").fill("Description de test, assez longue pour le schéma du formulaire.");
    await page.getByLabel("Financeur principal").selectOption("anct");
    await page.getByRole("group", { name: "Nature de l'aide" }).getByLabel("Subvention").check();
    await page.getByLabel("Programme national (ouvert sur tout le territoire)").check();
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();

    const panel = page.getByRole("region", { name: /semblables? existen?t? déjà/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("link", { name: "Appel à projets Pass numérique 2020" })).toHaveAttribute("href", /^\/admin\/programmes\//);
    await expect(panel).toContainText(/titre très proche \(similarité 0,\d\d\) chez le même financeur/);
    await expect(page.getByLabel("Titre").first()).toHaveValue(title);
    await expect(page).toHaveURL(/\/admin\/programmes\/nouveau$/);
    await expectNoAccessibilityViolations(page);

    await panel.getByRole("button", { name: "Ce n'est pas un doublon, créer quand même" }).click();
    await page.waitForURL(/\/admin\/programmes\/[a-z0-9-]+\?cree=1$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });

  test("without JavaScript, the same panel comes back with the page and the values typed", async ({ browser }) => {
    test.slow();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, accounts.curator, "/admin/programmes/nouveau");
    const title = "Appels à projets annuels de la Fondation Afnic – solidarité numérique";
    await page.getByLabel("Titre").first().fill(title);
    await page.getByLabel("Résumé").fill("Saisie sans JavaScript par le test des doublons.");
    await page.getByLabel("Description").fill("Description de test, assez longue pour le schéma du formulaire.");
    const afnic = await page.getByLabel("Financeur principal").locator("option", { hasText: /Fondation Afnic/ }).first().getAttribute("value");
    await page.getByLabel("Financeur principal").selectOption(afnic!);
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
    const panel = page.getByRole("region", { name: /semblables? existen?t? déjà/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("link", { name: /Fondation Afnic pour la solidarité numérique/ })).toBeVisible();
    await expect(page.getByLabel("Titre").first()).toHaveValue(title);
    await expect(page.getByLabel("Résumé")).toHaveValue("Saisie sans JavaScript par le test des doublons.");
    await context.close();
  });
});
