import { expect, test } from "./support/fixtures";
import { programmeCards } from "./support/pages";

test.describe("the home page", () => {
  test("says what the directory is and shows its figures", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Financements de l'inclusion numérique/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Trouver un financement/);

    const figures = page.getByRole("region", { name: "L'annuaire en chiffres" }).getByRole("listitem");
    await expect(figures).toHaveCount(4);
    await expect(figures.first()).toHaveText(/^\s*\d+\s*programmes de financement recensés/);
    const programmes = Number((await figures.first().locator("span").first().textContent())?.trim());
    expect(programmes).toBeGreaterThanOrEqual(40);
    await expect(figures.nth(1)).toHaveText(/\d+\s*financeurs, de \d+ types différents/);
  });

  test("shows programme cards that lead to their pages", async ({ page }) => {
    await page.goto("/");
    const card = page.getByRole("region", { name: "Ouverts ou récents" }).getByRole("article").first();
    await expect(card).toBeVisible();
    const title = (await card.getByRole("heading").textContent())?.trim();
    await card.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/financements\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  });

  test("leads to the programmes and to the funders from the main navigation", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await nav.getByRole("link", { name: "Financements" }).click();
    await expect(page).toHaveURL(/\/financements$/);
    await expect(programmeCards(page).first()).toBeVisible();

    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Financeurs" }).click();
    await expect(page).toHaveURL(/\/financeurs$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("financeurs");
  });
});
