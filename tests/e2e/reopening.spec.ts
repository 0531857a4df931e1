import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoAccessibilityViolations } from "./support/axe";
import { programmeCards } from "./support/pages";

const resultsHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /financements? trouvés?/ });

test.describe("predicted reopenings", () => {
  test("a person filters « Réouverture attendue » with the keyboard, reads the predictions, and opens one", async ({ page }) => {
    test.slow(); // two pages, each checked by axe-core
    await page.goto("/financements");
    const box = page.getByRole("group", { name: "Calendrier" }).getByRole("checkbox", { name: /Réouverture attendue/ });
    const label = await page.getByRole("group", { name: "Calendrier" }).locator("label").filter({ hasText: "Réouverture attendue" }).textContent();
    const announced = Number(label?.match(/\((\d+)\)/)?.[1]);
    expect(announced, "programmes expected to reopen in the seeded catalogue").toBeGreaterThan(0);

    await box.focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/status=expected/);
    await expect(resultsHeading(page)).toContainText(`${announced} financement`);
    await expect(page.getByRole("group", { name: "Filtres actifs" })).toContainText("Réouverture attendue");

    // Every card is a closed call with its prediction, marked as such and never as an announced date.
    const cards = programmeCards(page);
    await expect(cards).toHaveCount(Math.min(announced, 20));
    for (const card of await cards.all()) {
      await expect(card).toContainText("Clos");
      await expect(card).toContainText("Prévision");
      await expect(card).toContainText(/Reprise (attendue|possible|annuelle attendue)/);
      await expect(card).toContainText("date non annoncée par le financeur");
    }
    await expectNoAccessibilityViolations(page);

    // The first one's page, reached with the keyboard, says the same near its calendar.
    const first = cards.first().getByRole("link").first();
    const title = (await first.textContent())?.trim() ?? "";
    await first.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const notice = page.getByTestId("reopening-notice");
    await expect(notice).toContainText("Prévision");
    await expect(notice).toContainText(/Reprise (attendue|possible|annuelle attendue)/);
    await expect(notice).toContainText("le financeur n'a annoncé aucune date");
    await expect(page.getByRole("heading", { level: 2, name: "Calendrier" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("the API answers the same filter, each prediction marked as not announced", async ({ request }) => {
    const response = await request.get("/api/v1/programmes?status=expected&perPage=100");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { total: number; items: { status: string; predictedReopening: { announced: boolean; text: string } | null }[] };
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.status).toBe("closed");
      expect(item.predictedReopening).toMatchObject({ announced: false });
      expect(item.predictedReopening?.text).toContain("date non annoncée par le financeur");
    }
  });
});
