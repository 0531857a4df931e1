import { test as base, expect, type ConsoleMessage } from "@playwright/test";

/**
 * Playwright's `test`, with one automatic check: a test fails when the browser reports a
 * Content-Security-Policy violation in any tab of its context (a blocked script, style, image, form
 * target…). The pages' CSP is strict (proxy.ts): a violation means a page is broken for real users.
 *
 *   import { expect, test } from "./support/fixtures";   // instead of "@playwright/test"
 *
 * A test that provokes a violation on purpose reads them with the `cspViolations` fixture and
 * empties the array once it has checked them.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const listen = (message: ConsoleMessage) => {
        if (isCspViolation(message)) violations.push(`${message.page()?.url() ?? "?"} — ${message.text()}`);
      };
      context.on("console", listen);
      await use(violations);
      context.off("console", listen);
      expect(violations, "violations de la Content-Security-Policy signalées par le navigateur").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Chromium reports each blocked load or execution as a console error naming the policy. */
export function isCspViolation(message: ConsoleMessage): boolean {
  return message.type() === "error" && /Content Security Policy/i.test(message.text());
}
