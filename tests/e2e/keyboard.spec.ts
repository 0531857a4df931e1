import { expect, test } from "./support/fixtures";
import { firstProgrammePath } from "./support/pages";

test.describe("keyboard users", () => {
  for (const name of ["home", "programme list", "programme page"] as const) {
    test(`reach a visible skip link first on the ${name}, and it moves focus to the main content`, async ({ page }) => {
      const path = name === "home" ? "/" : name === "programme list" ? "/financements" : await firstProgrammePath(page);
      await page.goto(path);

      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Aller au contenu" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      const box = await skip.boundingBox();
      expect(box!.width).toBeGreaterThan(20);
      expect(box!.height).toBeGreaterThan(10);

      await page.keyboard.press("Enter");
      await expect(page.getByRole("main")).toBeFocused();

      // The next Tab goes into the content, not back to the header.
      await page.keyboard.press("Tab");
      const inMain = await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement));
      expect(inMain).toBe(true);
    });
  }
});
