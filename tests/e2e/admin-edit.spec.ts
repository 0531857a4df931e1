import type { Browser, Page } from "@playwright/test";
import { accounts, type E2eAccount } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

/**
 * The create and edit forms of the curation workspace, as people use them: keyboard sign-in, a
 * wrong field told by the error summary, publication seen on the public page and in the history, a
 * contributor's draft sent to review, a stale second tab met by the conflict screen, and a submit
 * without JavaScript. Each test creates its own programme through the form (unique title) and
 * archives what it published, so that no other spec sees it.
 */

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signIn(page: Page, account: E2eAccount) {
  await page.goto("/connexion?callbackUrl=%2Fadmin");
  await page.getByLabel("Adresse e-mail").focus();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/admin(\?|$)/);
}

/** Fills the required fields of the new programme form and creates it; returns its edit path. */
async function createProgramme(page: Page, title: string, { national = true }: { national?: boolean } = {}) {
  await page.goto("/admin/programmes/nouveau");
  await page.getByLabel("Titre").first().fill(title);
  await page.getByLabel("Résumé").fill("Un programme créé par le test du formulaire d'édition.");
  await page.getByLabel("Description").fill("Description du programme de test, assez longue pour le schéma.");
  await page.getByLabel("Financeur principal").selectOption("anct");
  await page.getByRole("group", { name: "Nature de l'aide" }).getByLabel("Subvention").check();
  if (national) await page.getByLabel("Programme national (ouvert sur tout le territoire)").check();
  await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
  // An earlier run on the same database left look-alike titles: the duplicate check then asks first.
  const notDuplicate = page.getByRole("button", { name: /Ce n'est pas un doublon/ });
  await Promise.race([page.waitForURL(/\/admin\/programmes\/[a-z0-9-]+\?cree=1$/), notDuplicate.waitFor()]);
  if (await notDuplicate.isVisible()) await notDuplicate.click();
  await page.waitForURL(/\/admin\/programmes\/[a-z0-9-]+\?cree=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Brouillon créé." })).toBeVisible();
  return new URL(page.url()).pathname;
}

const save = (page: Page) => page.getByRole("button", { name: "Enregistrer les modifications" }).first().click();
const summaryBox = (page: Page) => page.getByRole("region", { name: /Le formulaire contient/ });

test.describe("the programme forms", () => {
  test("a curator signs in with the keyboard, fixes a wrong field, publishes and finds the change in public and in the history", async ({ page }) => {
    test.slow(); // several pages, server actions and axe-core runs
    await signIn(page, accounts.curator);
    await page.goto("/admin/programmes/nouveau");
    await expectNoAccessibilityViolations(page);

    const title = unique("Programme e2e curateur");
    const path = await createProgramme(page, title);
    const slug = path.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // A maximum below the minimum: told at the top (focused), and next to the field.
    const marker = unique("Résumé modifié");
    await page.getByLabel("Résumé").fill(`${marker} : un programme de test.`);
    await page.getByLabel("Montant minimal par projet").fill("50 000");
    await page.getByLabel("Montant maximal par projet").fill("10 000");
    await save(page);
    await expect(summaryBox(page)).toBeFocused();
    const link = summaryBox(page).getByRole("link", { name: /Montant maximal : il doit être supérieur ou égal au montant minimal/ });
    await expect(link).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await link.click();
    const amountMax = page.getByLabel("Montant maximal par projet");
    await expect(amountMax).toBeFocused();
    await expect(amountMax).toHaveAttribute("aria-invalid", "true");
    await expect(amountMax).toHaveAccessibleDescription(/il doit être supérieur ou égal au montant minimal/);
    // Nothing typed is lost.
    await expect(page.getByLabel("Résumé")).toHaveValue(`${marker} : un programme de test.`);
    await expect(page.getByLabel("Montant minimal par projet")).toHaveValue("50 000");

    await amountMax.fill("120 000");
    await save(page);
    await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
    await expect(summaryBox(page)).toHaveCount(0);
    await expect(page.getByLabel("Montant maximal par projet")).toHaveValue("120000");

    await page.getByLabel("Note de vérification").fill("Règlement relu sur le site du financeur.");
    await page.getByRole("button", { name: "Vérifié aujourd'hui" }).click();
    await expect(page.getByText("Fiche marquée « vérifiée auprès de la source » aujourd'hui.")).toBeFocused();
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date());
    await expect(page.getByLabel("Vérifié auprès de la source le")).toHaveValue(today);

    await page.getByLabel("Note pour l'historique").fill("Relu et publié par le test.");
    await page.getByRole("button", { name: "Publier" }).click();
    await expect(page.getByText("Programme publié")).toBeVisible();
    await expect(page.getByText("Statut :").locator("..")).toContainText("Publié");

    await page.getByRole("link", { name: "Voir la page publique" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/financements/${slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(marker)).toBeVisible();
    await expect(page.getByRole("main")).toContainText("120 000 €");

    await page.goto(`${path}/historique`);
    await expect(page.getByRole("main")).toContainText("Montant maximal");
    await expect(page.getByRole("main")).toContainText("Relu et publié par le test.");

    // Leave the public catalogue as the other specs know it.
    await page.goto(path);
    await page.getByRole("button", { name: "Archiver" }).click();
    await expect(page.getByText("Programme archivé")).toBeVisible();
  });

  test("a contributor creates a draft with territories and submits it for review", async ({ page }) => {
    test.slow(); // several pages, server actions and axe-core runs
    await signIn(page, accounts.contributor);
    const title = unique("Programme e2e contributeur");
    await page.goto("/admin/programmes/nouveau");
    await page.getByLabel("Titre").first().fill(title);
    await page.getByLabel("Résumé").fill("Un programme proposé par un partenaire, pour relecture.");
    await page.getByLabel("Description").fill("Description proposée par le contributeur du test.");
    await page.getByLabel("Financeur principal").selectOption("anct");
    await page.getByRole("group", { name: "Nature de l'aide" }).getByLabel("Appel à projets").check();
    const picker = page.getByRole("combobox", { name: "Territoires couverts" });
    await picker.fill("Finistère");
    await page.getByRole("listbox", { name: "Territoires suggérés" }).getByRole("option", { name: /Finistère/ }).click();
    await expect(page.getByRole("list", { name: /Territoires couverts/ })).toContainText("Finistère");
    await page.getByRole("button", { name: "Ajouter un critère" }).click();
    await expect(page.getByLabel("Critère 1", { exact: true })).toBeFocused();
    await page.keyboard.type("Être une structure de médiation numérique du Finistère");
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
    await page.waitForURL(/\/admin\/programmes\/[a-z0-9-]+\?cree=1$/);
    await expect(page.getByLabel("Critère 1", { exact: true })).toHaveValue("Être une structure de médiation numérique du Finistère");
    await expect(page.getByRole("button", { name: "Publier" })).toHaveCount(0);

    await page.getByRole("button", { name: "Soumettre à relecture" }).click();
    await expect(page.getByText("Programme soumis à relecture")).toBeVisible();
    await expect(page.getByText("Statut :").locator("..")).toContainText("En relecture");
    await expect(page.getByText("n'est plus modifiable par vous")).toBeVisible();
    await expect(page.getByLabel("Titre").first()).toBeDisabled();
  });

  test("a second tab's stale save gets the conflict screen, and re-applies its changes over the current version", async ({ browser }) => {
    test.slow(); // several pages, server actions and axe-core runs
    const { first, second, close } = await twoTabs(browser);
    const title = unique("Programme e2e conflit");
    const path = await createProgramme(first, title);
    await second.goto(path);

    await first.getByLabel("Titre").first().fill(`${title} (titre changé)`);
    await save(first);
    await expect(first.getByText("Modifications enregistrées.")).toBeVisible();

    const typed = "Résumé saisi dans le second onglet, sur une version dépassée.";
    await second.getByLabel("Résumé").fill(typed);
    await save(second);
    const conflict = second.getByRole("region", { name: /Cette fiche a été modifiée par Camille Curatrice le .* pendant que vous l'éditiez/ });
    await expect(conflict).toBeFocused();
    await expect(conflict.getByRole("definition").first()).toContainText(`${title} (titre changé)`);
    await expect(conflict.getByRole("term")).toHaveText(["Titre"]);
    await expect(conflict.getByRole("listitem")).toHaveText(["Résumé"]);
    await expect(second.getByLabel("Résumé")).toHaveValue(typed);
    await expectNoAccessibilityViolations(second);

    await conflict.getByRole("button", { name: "Réappliquer mes modifications sur la version actuelle" }).click();
    await expect(second.getByText(/Vos modifications sont reportées sur la version actuelle/)).toBeVisible();
    await expect(second.getByLabel("Titre").first()).toHaveValue(`${title} (titre changé)`);
    await expect(second.getByLabel("Résumé")).toHaveValue(typed);
    await save(second);
    await expect(second.getByText("Modifications enregistrées.")).toBeVisible();

    await first.goto(path);
    await expect(first.getByLabel("Titre").first()).toHaveValue(`${title} (titre changé)`);
    await expect(first.getByLabel("Résumé")).toHaveValue(typed);
    await close();
  });

  test("works without JavaScript: errors shown with the typed values, order by positions, territories by id", async ({ browser }) => {
    test.slow(); // several pages, server actions and axe-core runs
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, accounts.curator);
    await page.goto("/admin/programmes/nouveau");
    const title = unique("Programme e2e sans JavaScript");
    await page.getByLabel("Titre").first().fill(title);
    await page.getByLabel("Financeur principal").selectOption("anct");
    await page.getByLabel("Territoires couverts").fill("departement:29 region:53");
    await page.getByLabel("Critère 1", { exact: true }).fill("Deuxième critère");
    await page.getByLabel("Position de la ligne Critère 1").fill("2");
    await page.getByLabel("Critère 2", { exact: true }).fill("Premier critère");
    await page.getByLabel("Position de la ligne Critère 2").fill("1");
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();

    // Résumé, description and nature de l'aide missing: the page comes back with the summary.
    const box = summaryBox(page);
    await expect(box).toBeFocused();
    await expect(box.getByRole("link", { name: /Résumé : 10 caractères au moins/ })).toHaveAttribute("href", "#champ-summary");
    await expect(box.getByRole("link", { name: /Nature de l'aide/ })).toHaveAttribute("href", "#champ-aidKinds");
    await expect(page.getByLabel("Titre").first()).toHaveValue(title);
    await expect(page.getByLabel("Territoires couverts")).toHaveValue("departement:29 region:53");
    await expect(page.getByLabel("Critère 1", { exact: true })).toHaveValue("Premier critère");
    await expect(page.getByLabel("Critère 2", { exact: true })).toHaveValue("Deuxième critère");

    await page.getByLabel("Résumé").fill("Un programme créé sans JavaScript par le test.");
    await page.getByLabel("Description").fill("Description du programme créé sans JavaScript.");
    await page.getByRole("group", { name: "Nature de l'aide" }).getByLabel("Subvention").check();
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
    await page.waitForURL(/\/admin\/programmes\/[a-z0-9-]+\?cree=1$/);
    await expect(page.getByLabel("Territoires couverts")).toHaveValue("departement:29 region:53");
    await expect(page.getByLabel("Critère 1", { exact: true })).toHaveValue("Premier critère");
    await context.close();
  });
});

test.describe("the funder forms", () => {
  test("a curator creates a funder, is told about a javascript: address, and fixes it", async ({ page }) => {
    test.slow(); // several pages, server actions and axe-core runs
    await signIn(page, accounts.curator);
    await page.goto("/admin/financeurs/nouveau");
    await expectNoAccessibilityViolations(page);
    const name = unique("Fondation e2e");
    await page.getByLabel(/^Nom \*/).fill(name);
    await page.getByLabel("Type de financeur").selectOption("fondation-privee");
    await page.getByLabel("Site web").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
    await expect(summaryBox(page)).toBeFocused();
    await summaryBox(page).getByRole("link", { name: /Site web/ }).click();
    await expect(page.getByLabel("Site web")).toBeFocused();
    await page.getByLabel("Site web").fill("https://fondation.example.org");
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
    await page.waitForURL(/\/admin\/financeurs\/[a-z0-9-]+\?cree=1$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByLabel("Site web")).toHaveValue("https://fondation.example.org");
    await expectNoAccessibilityViolations(page);
  });
});

/** Two tabs of one signed-in curator (the same session). */
async function twoTabs(browser: Browser) {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, accounts.curator);
  const second = await context.newPage();
  return { first, second, close: () => context.close() };
}
