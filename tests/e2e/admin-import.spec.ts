import { accounts } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sign-in";

/**
 * An import as a contributor does it: upload a small CSV (semicolons, as Excel in French writes it),
 * read the dry run's report, confirm, then find the entry in review with the research note beside it.
 * axe-core on the import page and on the report.
 */

test.describe("the bulk import", () => {
  test.slow();

  test("a CSV goes through a dry run, then a confirmation, and its entry waits in review", async ({ page }) => {
    const tag = Date.now().toString(36);
    const title = `Appel à projets importé par le navigateur ${tag}`;
    const csv =
      "\uFEFFtitle;summary;description;funder;aidKinds;isNational;sources;reviewNote\n" +
      `${title};Un appel importé par le test du navigateur.;Fiche écrite par le test de l'import (navigateur).;etat;subvention;oui;https://exemple.test/import-${tag} Page de l'appel;Montant à confirmer auprès du financeur.\n`;

    await signIn(page, accounts.contributor, "/admin/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import et export" })).toBeVisible();
    // Only curators may publish directly.
    await expect(page.getByLabel("Publier directement les fiches importées")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Programmes publiés en CSV" })).toHaveAttribute("href", "/api/v1/programmes.csv");
    await expectNoAccessibilityViolations(page);

    await page.getByLabel("Fichier CSV ou JSON").setInputFiles({ name: "appels.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: /Analyser le fichier/ }).click();
    await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Rapport d'import : appels.csv" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Essai : rien n'a encore été écrit" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("Créé");
    await expect(row).toContainText("fiche en relecture");
    await expect(row).toContainText("Note de la recherche à vérifier : Montant à confirmer auprès du financeur.");
    await expectNoAccessibilityViolations(page);

    await page.getByRole("button", { name: "Confirmer l'import" }).click();
    await expect(page.getByRole("status")).toContainText("Import appliqué");
    await expect(page.getByRole("heading", { name: "Ce qui a été importé" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(/\/admin\/programmes\/appel-a-projets-importe-par-le-navigateur-/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("En relecture").first()).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Note de la recherche à vérifier :" })).toContainText("Montant à confirmer auprès du financeur.");
  });

  test("a file with a rejected row cannot be confirmed, and says why", async ({ page }) => {
    const csv = "title,summary,description,funder,aidKinds,isNational\nAppel au financeur inconnu,Un résumé assez long.,Une description de test.,fondation-inexistante,subvention,oui\n";
    await signIn(page, accounts.curator, "/admin/import");
    await expect(page.getByLabel("Publier directement les fiches importées")).toBeVisible();
    await page.getByLabel("Fichier CSV ou JSON").setInputFiles({ name: "rejet.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: /Analyser le fichier/ }).click();
    await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("row").filter({ hasText: "Appel au financeur inconnu" })).toContainText("Financeur principal : financeur inconnu « fondation-inexistante »");
    await expect(page.getByRole("button", { name: "Confirmer l'import" })).toHaveCount(0);
    await page.getByRole("button", { name: "Abandonner" }).click();
    await expect(page.getByRole("status")).toContainText("Import abandonné");
  });
});
