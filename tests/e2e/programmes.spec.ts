import { expect, test } from "./support/fixtures";
import { firstProgrammePath, programmeCards } from "./support/pages";

test.describe("the programme list", () => {
  test("shows programmes, at most twenty a page, and says how many it found", async ({ page }) => {
    await page.goto("/financements");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // « 13 financements trouvés » on the search page (« 64 programmes recensés » on the first list).
    await expect(page.getByText(/^\s*\d+ (financements? trouvés?|programmes? recensés?)/)).toBeVisible();
    const count = await programmeCards(page).count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(20);
  });

  test("pages through the closed calls", async ({ page }) => {
    await page.goto("/financements?status=closed");
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination).toContainText(/Page 1 sur \d+/);
    await expect(programmeCards(page)).toHaveCount(20);
    const firstOfPage1 = await programmeCards(page).first().getByRole("heading").textContent();
    await pagination.getByRole("link", { name: "Page suivante" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/Page 2 sur \d+/);
    await expect(programmeCards(page).first().getByRole("heading")).not.toHaveText(firstOfPage1!);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    // A root loading.tsx would stream every page into <div hidden id="S:0">, revealed only by JavaScript.
    test("still shows the programmes and a programme page", async ({ page }) => {
      await page.goto("/financements");
      await expect(programmeCards(page).first()).toBeVisible({ timeout: 3000 });
      const href = await page.locator('main article a[href^="/financements/"]').first().getAttribute("href");
      await page.goto(href!);
      await expect(page.getByRole("heading", { name: "Qui peut candidater" })).toBeVisible({ timeout: 3000 });
    });
  });
});

test.describe("a programme page", () => {
  test("shows its title, who can apply, and links to its sources", async ({ page }) => {
    await page.goto("/financements");
    const link = page.getByRole("main").locator('article a[href^="/financements/"]').first();
    const title = (await link.textContent())?.trim();
    await link.click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
    await expect(page).toHaveTitle(new RegExp(`^${title!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await expect(page.getByRole("heading", { level: 2, name: "Qui peut candidater" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Fil d'Ariane" })).toContainText(title!);

    const sources = page.getByRole("region", { name: "Sources et vérification" }).getByRole("listitem").getByRole("link");
    expect(await sources.count()).toBeGreaterThanOrEqual(1);
    for (const href of await sources.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(/^https?:\/\//);
    }
  });

  test("links to its funder's page", async ({ page }) => {
    await page.goto(await firstProgrammePath(page));
    const funders = page.getByRole("region", { name: "Financeurs" });
    const main = funders.getByRole("link").first();
    const name = (await main.textContent())?.trim();
    await main.click();
    await expect(page).toHaveURL(/\/financeurs\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name!);
  });

  // A page streamed before notFound() runs (e.g. under a loading.tsx) would answer 200.
  test("answers 404 with a helpful page for an unknown programme", async ({ page }) => {
    const response = await page.goto("/financements/ce-financement-n-existe-pas");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByRole("link", { name: "Voir tous les financements" })).toHaveAttribute("href", "/financements");
    expect(response?.status()).toBe(404);
  });
});
