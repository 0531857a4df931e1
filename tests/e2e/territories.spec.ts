import { expect, test } from "./support/fixtures";
import { programmeCards } from "./support/pages";

test.describe("a territory page", () => {
  test("shows a commune within its hierarchy, what is available there by funder type and need, and leads to the search", async ({ page }) => {
    await page.goto("/territoires/commune/29019");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Brest");
    const trail = page.getByRole("navigation", { name: "Fil d'Ariane" });
    await expect(trail.getByRole("link", { name: "Bretagne" })).toHaveAttribute("href", "/territoires/region/53");
    await expect(trail.getByRole("link", { name: "Finistère" })).toHaveAttribute("href", "/territoires/departement/29");

    const available = Number((await page.getByText(/financements? accessibles? aujourd'hui/).textContent())?.match(/(\d+)/)?.[1]);
    expect(available).toBeGreaterThan(0);
    await expect(page.getByRole("heading", { name: "Par type de financeur" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Par dépense financée" })).toBeVisible();
    await expect(programmeCards(page).first()).toBeVisible();

    await page.getByRole("link", { name: "Chercher parmi ces financements" }).click();
    await expect(page).toHaveURL(/\/financements\?territory=commune%3A29019/);
    await expect(page.getByRole("heading", { level: 2, name: /financements? trouvés? pour Brest/ })).toContainText(`${available} financement`);
  });

  test("of a région lists its départements, each with its own page", async ({ page }) => {
    await page.goto("/territoires/region/53");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bretagne");
    await page.getByRole("heading", { name: "Départements" }).locator("xpath=..").getByRole("link", { name: "Morbihan" }).click();
    await expect(page).toHaveURL(/\/territoires\/departement\/56$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Morbihan");
  });

  test("answers 404 for an unknown code or level", async ({ page }) => {
    expect((await page.goto("/territoires/commune/99999"))?.status()).toBe(404);
    expect((await page.goto("/territoires/canton/29019"))?.status()).toBe(404);
  });
});
