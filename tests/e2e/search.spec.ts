import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoAccessibilityViolations } from "./support/axe";
import { programmeCards } from "./support/pages";
import { seededRandom } from "../support/random";

const resultsHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /financements? trouvés?/ });
const resultCount = async (page: Page) => Number((await resultsHeading(page).textContent())?.match(/^\s*(\d+)/)?.[1]);

test.describe("an association looking for funding", () => {
  test("types words, picks its commune with the keyboard, filters, opens a programme and reaches its application link", async ({ page }) => {
    await page.goto("/financements");

    // Words, then the commune: typed, chosen from the suggestions with the arrow keys and Enter.
    await page.getByLabel("Mots-clés").fill("numérique");
    const place = page.getByRole("combobox", { name: /Commune, intercommunalité/ });
    await place.focus();
    await page.keyboard.type("Brest", { delay: 30 });
    const options = page.getByRole("listbox", { name: "Territoires suggérés" }).getByRole("option");
    await expect(options.first()).toContainText("Brest");
    await expect(options.first()).toContainText("Finistère");
    await page.keyboard.press("ArrowDown");
    await expect(place).toHaveAttribute("aria-activedescendant", /.+/);
    await page.keyboard.press("Enter");

    // The search runs by itself, and everything it did is in the address.
    await expect(page).toHaveURL(/territory=commune%3A29019/);
    await expect(page).toHaveURL(/q=num%C3%A9rique/);
    await expect(resultsHeading(page)).toContainText("pour Brest");
    const withCommune = await resultCount(page);
    expect(withCommune).toBeGreaterThan(0);

    // A filter, with the keyboard: the first public that has results (the catalogue changes, the test
    // should not); the count it announced is the count it gives.
    const group = page.getByRole("group", { name: "Qui peut candidater" });
    const labels = await group.locator("label").allTextContents();
    const index = labels.findIndex((text) => Number(text.match(/\((\d+)\)/)?.[1]) > 0);
    expect(index, `a public with results among ${labels.join(", ")}`).toBeGreaterThanOrEqual(0);
    const announced = Number(labels[index]!.match(/\((\d+)\)/)![1]);
    const value = await group.getByRole("checkbox").nth(index).getAttribute("value");
    await group.getByRole("checkbox").nth(index).focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(new RegExp(`beneficiary=${value}`));
    await expect(resultsHeading(page)).toContainText(`${announced} financement`);
    await expect(page.getByRole("group", { name: "Qui peut candidater" }).locator(`input[value="${value}"]`)).toBeChecked();

    // Back returns to the search before the filter.
    await page.goBack();
    await expect(page).not.toHaveURL(/beneficiary=/);
    await expect(resultsHeading(page)).toContainText(`${withCommune} financement`);
    await page.goForward();
    await expect(page).toHaveURL(/beneficiary=association/);

    // The first programme, then its application link (to the funder's site).
    const first = programmeCards(page).first().getByRole("link").first();
    const title = (await first.textContent())?.trim();
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
    const apply = page.getByRole("link", { name: /^(Candidater|Voir la page de candidature)/ });
    await expect(apply).toBeVisible();
    expect(await apply.getAttribute("href")).toMatch(/^https?:\/\//);
    await expectNoAccessibilityViolations(page);
  });

  test("is told why nothing matched, and offered to widen the search", async ({ page }) => {
    await page.goto("/financements?q=xylophone%20quantique");
    await expect(resultsHeading(page)).toContainText(/^\s*0 financement/);
    await expect(page.getByRole("main")).toContainText(/Aucun financement/);
    await expectNoAccessibilityViolations(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("searches by words and commune name with the plain form", async ({ page }) => {
      await page.goto("/financements");
      await page.getByLabel("Mots-clés").fill("conseillers numériques");
      await page.getByRole("combobox", { name: /Commune, intercommunalité/ }).fill("Brest");
      await page.getByRole("button", { name: "Rechercher" }).click();
      await expect(page).toHaveURL(/lieu=Brest/);
      await expect(resultsHeading(page)).toContainText("pour Brest");
      expect(await resultCount(page)).toBeGreaterThan(0);
      await expect(programmeCards(page).first()).toBeVisible();
    });
  });
});

test.describe("the pages never fail, whatever the address", () => {
  // Deterministic, so that a failure can be replayed (FUZZ_SEED).
  const seed = Number(process.env.FUZZ_SEED ?? 20261202);
  const next = seededRandom(seed);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const names = ["q", "lieu", "territory", "funderType", "funder", "beneficiary", "finances", "aidKind", "status", "amountMin", "sort", "page", "perPage", "x"];
  const values = [
    "médiation", "CNFS", "mediaton numerique", "Brest", "29200", "commune:29019", "region:53", "epci:242900314", "etat",
    "association", "equipement", "subvention", "open", "closed", "closing", "amount", "2", "10000", "100", "", " ", "'",
    "\"", "\\", "%", "%00", "%ED%A0%80", "%FF", "'; drop table programme; --", "&|!()<->:*", "<script>alert(1)</script>",
    "-1", "1e309", "99999999999999999999", "🇫🇷", "\u202e", "commune:", "region:53:1", "a".repeat(3000), "__proto__",
  ];
  const encode = (s: string) => (/%[0-9A-Fa-f]{2}/.test(s) ? s : encodeURIComponent(s));
  const addresses = Array.from({ length: 60 }, () => {
    const parts = Array.from({ length: Math.floor(next() * 6) }, () => `${encode(pick(names))}=${encode(pick(values))}`);
    return `${pick(["/financements", "/financements", "/territoires/commune/29019"])}${parts.length ? `?${parts.join("&")}` : ""}`;
  });
  const odd = [
    "/financements/%ED%A0%80", "/financements/'", "/financeurs/%00", "/territoires/commune/99999", "/territoires/planete/1",
    "/territoires/region/%FF", "/financements?page=0", "/financements?page=-5", "/financements?perPage=1000",
  ];

  test(`answer 200, 400 or 404, never 500 (seed ${seed})`, async ({ request }) => {
    const failures: string[] = [];
    for (const address of [...addresses, ...odd]) {
      const response = await request.get(address, { maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${response.status()} ${address.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});
