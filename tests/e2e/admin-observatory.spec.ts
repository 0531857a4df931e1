import type { Page } from "@playwright/test";
import { accounts } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";

/**
 * The curation of the observatory: funding records (/admin/effort) and case studies
 * (/admin/retours-d-experience), with the same forms, workflow and history as programmes. Each
 * test creates its own entry through the form (unique label), publishes it, checks the public page,
 * and archives it at the end so that no other spec sees it.
 */

/** Server actions answer slowly on a busy machine (the dev server, two cores shared): their answers get more time. */
const ANSWER = { timeout: 30_000 };

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Replaces a field's value with the keyboard only: focus, select all, type. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label).focus();
  await page.keyboard.press("ControlOrMeta+a");
  if (text === "") await page.keyboard.press("Delete");
  else await page.keyboard.type(text);
}

test.describe("curating the observatory", () => {
  test("a curator creates a funding record, corrects its amount with the keyboard, publishes it and finds it on /effort-financier", async ({ page }) => {
    test.setTimeout(240_000); // several pages, server actions and axe-core runs
    await signIn(page, accounts.curator, "/admin/effort");
    await expect(page.getByRole("heading", { level: 1, name: "Montants de l'effort financier" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: "Nouveau montant" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nouveau montant" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    const label = unique("Montant e2e de la curation");
    await page.getByLabel(/^Intitulé/).fill(label);
    await page.getByLabel(/^Première année/).fill("2025");
    await page.getByLabel(/^Dernière année/).fill("2024");
    await page.getByLabel("Montant (en euros)").fill("100 000");
    await page.getByLabel("Montant le plus bas (en euros)").fill("90 000");
    await page.getByLabel("Financeur de l'annuaire").selectOption("anct");
    await page.getByRole("button", { name: "Ajouter une source" }).click();
    await page.getByLabel("Source 1 : adresse").fill("https://www.example.gouv.fr/rapport-e2e.pdf");
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();

    // Two rules of the database, told at the top (focused) and next to their fields.
    const summary = page.getByRole("region", { name: /Le formulaire contient/ });
    await expect(summary).toBeFocused(ANSWER);
    await expect(summary).toContainText("Dernière année : elle ne peut pas précéder la première année (2025).");
    await expect(summary).toContainText("donnez soit un montant, soit une fourchette");
    await expectNoAccessibilityViolations(page);

    await typeInto(page, /^Dernière année/, "2025");
    await typeInto(page, "Montant le plus bas (en euros)", "");
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
    await page.waitForURL(/\/admin\/effort\/[a-z0-9-]+\?cree=1$/);
    const path = new URL(page.url()).pathname;
    const slug = path.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The amount corrected with the keyboard only; Enter saves.
    await typeInto(page, "Montant (en euros)", "123 456");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Modifications enregistrées.")).toBeVisible(ANSWER);
    await expect(page.getByLabel("Montant (en euros)")).toHaveValue("123456");

    // Publishing, with the keyboard too.
    await page.getByRole("button", { name: "Publier" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Montant publié")).toBeVisible(ANSWER);

    await page.goto("/effort-financier");
    const record = page.locator(`#montant-${slug}`);
    await expect(record).toContainText(label);
    await expect(record).toContainText(/123\s456\s€/);

    await page.goto(`${path}/historique`);
    await expect(page.getByRole("heading", { level: 1, name: `Historique : ${label}` })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Montant");
    await expect(page.getByRole("main")).toContainText(/123\s456,00\s€/);
    await expectNoAccessibilityViolations(page);

    // Leave the public observatory as the other specs know it.
    await page.goto(path);
    await page.getByRole("button", { name: "Archiver" }).click();
    await expect(page.getByText("Montant archivé")).toBeVisible(ANSWER);
    await page.goto("/effort-financier");
    await expect(page.locator(`#montant-${slug}`)).toHaveCount(0);
  });

  test("a curator writes a case study linked to a programme, publishes it, edits it, and the public pages follow", async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, accounts.curator, "/admin/retours-d-experience");
    await expect(page.getByRole("heading", { level: 1, name: "Retours d'expérience" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: "Nouveau retour d'expérience" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nouveau retour d'expérience" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    const title = unique("Retour e2e de la curation");
    await page.getByLabel(/^Titre/).fill(title);
    await page.getByLabel(/^Résumé/).fill("Un récit écrit par le test de bout en bout de la curation des retours d'expérience.");
    await page.getByLabel(/^Récit/).fill("## Le montage\n\nUne association a réuni trois financeurs pour ouvrir un lieu de médiation numérique <script>alert(1)</script>.");
    await page.getByRole("button", { name: "Ajouter un financeur" }).click();
    await page.getByLabel("Financeur 1").selectOption("anct");
    await page.getByRole("button", { name: "Ajouter une source" }).click();
    await page.getByLabel("Source 1 : adresse").fill("https://www.example.gouv.fr/retour-e2e");
    await page.getByRole("button", { name: "Créer le brouillon" }).first().click();
    await page.waitForURL(/\/admin\/retours-d-experience\/[a-z0-9-]+\?cree=1$/);
    const path = new URL(page.url()).pathname;
    const slug = path.split("/").pop()!;
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Publier" }).click();
    await expect(page.getByText("Retour d'expérience publié")).toBeVisible(ANSWER);

    const edited = `${title} (corrigé)`;
    await typeInto(page, /^Titre/, edited);
    await page.getByRole("button", { name: "Enregistrer les modifications" }).first().click();
    await expect(page.getByText("Modifications enregistrées.")).toBeVisible(ANSWER);

    await page.goto(`/retours-d-experience/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: edited })).toBeVisible();
    // Markdown rendered (components/markdown.tsx puts the body's headings under the page's own).
    await expect(page.getByRole("heading", { name: "Le montage" })).toBeVisible();
    // The Markdown is sanitised: the script is not in the page.
    await expect(page.locator("main script")).toHaveCount(0);
    await page.goto("/financeurs/anct");
    await expect(page.getByRole("link", { name: edited })).toBeVisible();

    await page.goto(`${path}/historique`);
    await expect(page.getByRole("main")).toContainText("Titre");
    await expect(page.getByRole("main")).toContainText("Financeurs de l'annuaire");
    await expectNoAccessibilityViolations(page);

    await page.goto(path);
    await page.getByRole("button", { name: "Archiver" }).click();
    await expect(page.getByText("Retour d'expérience archivé")).toBeVisible(ANSWER);
    await page.goto("/retours-d-experience");
    await expect(page.getByRole("link", { name: edited })).toHaveCount(0);
  });
});
