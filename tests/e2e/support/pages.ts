import { expect, type Page } from "@playwright/test";

/** The programme cards of the page's main content. */
export const programmeCards = (page: Page) => page.getByRole("main").getByRole("article");

/** The path of the first programme /financements shows (the catalogue changes; tests should not). */
export async function firstProgrammePath(page: Page): Promise<string> {
  await page.goto("/financements");
  const href = await page.getByRole("main").locator('article a[href^="/financements/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/financements\/[a-z0-9-]+$/);
  return href!;
}

/** The path of the first funder /financeurs lists. */
export async function firstFunderPath(page: Page): Promise<string> {
  await page.goto("/financeurs");
  const href = await page.getByRole("main").locator('a[href^="/financeurs/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/financeurs\/[a-z0-9-]+$/);
  return href!;
}
