import { expect, test } from "./support/fixtures";
import { expectNoAccessibilityViolations } from "./support/axe";
import { firstFunderPath, firstProgrammePath } from "./support/pages";

test.describe("axe-core finds no WCAG 2.1 A/AA violation", () => {
  test("on the home page", async ({ page }) => {
    await page.goto("/");
    await expectNoAccessibilityViolations(page);
  });

  test("on the programme list", async ({ page }) => {
    await page.goto("/financements");
    await expectNoAccessibilityViolations(page);
  });

  test("on a programme page", async ({ page }) => {
    await page.goto(await firstProgrammePath(page));
    await expectNoAccessibilityViolations(page);
  });

  test("on the funder list", async ({ page }) => {
    await page.goto("/financeurs");
    await expectNoAccessibilityViolations(page);
  });

  test("on a funder page", async ({ page }) => {
    await page.goto(await firstFunderPath(page));
    await expectNoAccessibilityViolations(page);
  });

  test("on the page of a funder with documented amounts", async ({ page }) => {
    // The funder pages with a table of funding records.
    await page.goto("/financeurs");
    const paths = await page.getByRole("main").locator('a[href^="/financeurs/"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute("href")!),
    );
    for (const path of paths) {
      await page.goto(path);
      if (await page.getByRole("table").count()) {
        await expectNoAccessibilityViolations(page);
        return;
      }
    }
    throw new Error("Aucun financeur n'affiche de montants engagés");
  });

  test("on the territory index", async ({ page }) => {
    await page.goto("/territoires");
    await expectNoAccessibilityViolations(page);
  });

  test("on a commune's page", async ({ page }) => {
    await page.goto("/territoires/commune/29019"); // Brest
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Brest");
    await expectNoAccessibilityViolations(page);
  });

  test("on the programme list filtered, with results on several pages", async ({ page }) => {
    await page.goto("/financements?status=closed&page=2");
    await expectNoAccessibilityViolations(page);
  });

  test("on the proposal form and a programme's « Signaler une erreur » form", async ({ page }) => {
    await page.goto("/proposer");
    await expectNoAccessibilityViolations(page);
    await page.goto(`${await firstProgrammePath(page)}/signaler`);
    await expectNoAccessibilityViolations(page);
  });

  test("on the 404 page", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expectNoAccessibilityViolations(page);
  });
});
