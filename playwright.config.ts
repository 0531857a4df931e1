import { defineConfig } from "@playwright/test";

/**
 * Browser tests, in the Debian Chromium (no Playwright browser download on this network).
 * E2E_BASE_URL points at a running app (what .ci/run does); without it, the app is started on port 3000
 * (tests/e2e/support/start-app.ts: the e2e accounts, the local OpenID provider standing in for ProConnect,
 * then `npm start`), or reused when something already answers there.
 */
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? "http://127.0.0.1:3000";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0, // a flaky test is a bug to fix, not to retry
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    browserName: "chromium",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: external
    ? undefined
    : {
        command: "npx tsx tests/e2e/support/start-app.ts",
        url: baseURL,
        env: { PORT: "3000" },
        reuseExistingServer: true,
        timeout: 300_000,
        stdout: "pipe",
      },
});
