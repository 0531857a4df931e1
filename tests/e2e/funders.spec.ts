import { expect, test } from "./support/fixtures";
import { firstFunderPath } from "./support/pages";

test.describe("the funders", () => {
  test("are listed by type", async ({ page }) => {
    await page.goto("/financeurs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les financeurs de l'inclusion numérique");
    const types = page.getByRole("navigation", { name: "Types de financeurs" }).getByRole("link");
    expect(await types.count()).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole("heading", { level: 2, name: "État" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Région" })).toBeVisible();

    // The type links jump to their section.
    await types.first().click();
    await expect(page).toHaveURL(/#[a-z-]+$/);
  });

  test("each have a page with their programmes", async ({ page }) => {
    await page.goto("/financeurs");
    const link = page.getByRole("main").locator('a[href^="/financeurs/"]').first();
    const name = (await link.textContent())?.trim();
    await link.click();

    await expect(page).toHaveURL(/\/financeurs\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name!);
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: "Financeurs" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^\d+ programmes? financés?$/ })).toBeVisible();
  });

  test("a funder's programmes lead back to the programme pages", async ({ page }) => {
    // A funder with several programmes: the État's first one in the list.
    await page.goto("/financeurs");
    const etat = page.getByRole("region", { name: "État" });
    await etat.locator('a[href^="/financeurs/"]').first().click();
    const card = page.getByRole("region", { name: /programmes? financés?/ }).getByRole("article").first();
    const title = (await card.getByRole("heading").textContent())?.trim();
    await card.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  });

  test("answer 404 for an unknown funder", async ({ page }) => {
    const response = await page.goto("/financeurs/financeur-inconnu");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    expect(response?.status()).toBe(404);
  });

  test("first one's path is a funder page", async ({ page }) => {
    const path = await firstFunderPath(page);
    expect((await page.goto(path))?.status()).toBe(200);
  });
});
