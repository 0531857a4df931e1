import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

test.describe("the financial effort", () => {
  test("shows its charts with their tables, and is clean for axe-core", async ({ page }) => {
    await page.goto("/effort-financier");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("L'effort financier pour l'inclusion numérique");
    for (const caption of ["Montants par année ou période", "Montants par type de financeur", "Montants par département"]) {
      const table = page.getByRole("table", { name: caption });
      await expect(table).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "Engagé ou dépensé", exact: true })).toBeVisible();
    }
    // Disputed figures are ranges that say so, planned money is labelled, spans are one amount for their years.
    await expect(page.getByText("les sources divergent").first()).toBeVisible();
    await expect(page.getByText("prévu (loi de finances)").first()).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "2021–2022" }).first()).toBeVisible();
    await expect(page.getByText("(un montant pour toute la période)").first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test("a département of the map is reached with the keyboard, named with its figure, and opens its amounts", async ({ page }) => {
    await page.goto("/effort-financier");
    let label: string | null = null;
    for (let i = 0; i < 400 && !label; i++) {
      await page.keyboard.press("Tab");
      label = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el.closest("svg") && el.getAttribute("href")?.includes("territory=departement") ? el.getAttribute("aria-label") : null;
      });
    }
    expect(label).toMatch(/^[^:]+ : .*€.*par habitant$/);
    const name = label!.split(" : ")[0]!;
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/territory=departement%3A|territory=departement:/);
    await expect(page.getByRole("heading", { level: 2, name: `Les montants : ${name}` })).toBeVisible();
    await expect(page.getByRole("link", { name: /source de/ }).first()).toBeVisible();
  });

  test("every record links to its sources", async ({ page }) => {
    await page.goto("/effort-financier");
    const records = page.locator("li[id^='montant-']");
    const count = await records.count();
    expect(count).toBeGreaterThanOrEqual(48);
    for (let i = 0; i < count; i += 7) {
      await expect(records.nth(i).getByRole("link", { name: /source de/ }).first()).toHaveAttribute("href", /^https?:\/\//);
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("renders the charts, the map and the tables, and its CSV links answer CSV", async ({ page }) => {
      await page.goto("/effort-financier");
      await expect(page.getByRole("img", { name: /Montants par année/ })).toBeVisible();
      await expect(page.getByRole("group", { name: /Carte des départements/ })).toBeVisible();
      await expect(page.getByRole("table", { name: "Montants par région (y compris ceux de leurs départements et communes)" })).toBeVisible();
      const links = page.getByRole("link", { name: "Télécharger ce tableau (CSV)" });
      expect(await links.count()).toBe(6);
      for (const href of [await links.first().getAttribute("href"), await page.getByRole("link", { name: "Télécharger ces montants (CSV)" }).getAttribute("href")]) {
        const answer = await page.request.get(href!);
        expect(answer.status()).toBe(200);
        expect(answer.headers()["content-type"]).toBe("text/csv; charset=utf-8");
        expect((await answer.text()).split("\r\n").length).toBeGreaterThan(2);
      }
    });

    test("filters the amounts through the address, from a table's link", async ({ page }) => {
      await page.goto("/effort-financier");
      await page.getByRole("table", { name: "Montants par type de financeur" }).getByRole("link", { name: "Fondation" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Les montants : Fondation" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Voir tous les montants" })).toBeVisible();
    });
  });

  test("the home page gives the observatory's headline and leads to it", async ({ page }) => {
    await page.goto("/");
    const headline = page.getByRole("region", { name: "L'effort financier documenté" });
    await expect(headline).toContainText(/engagés ou dépensés pour l'inclusion numérique de \d{4} à \d{4}/);
    await headline.getByRole("link").click();
    await expect(page).toHaveURL(/\/effort-financier$/);
  });
});
