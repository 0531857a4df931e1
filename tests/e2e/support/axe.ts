import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";

/**
 * Runs axe-core in the page (WCAG 2.1 A and AA rules) and fails on any violation, listing each
 * rule and the elements it found. (@axe-core/playwright needs Node 22: axe-core is injected as is.)
 */
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function expectNoAccessibilityViolations(page: Page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      elements: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`),
    }));
  }, WCAG_21_AA);
  expect(violations, `axe-core (WCAG 2.1 AA) sur ${page.url()}`).toEqual([]);
}
