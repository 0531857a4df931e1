import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Two tiers (tests/README.md):
 *   unit — pure logic, no database, files in parallel;
 *   db   — against a real database, one file at a time: an in-memory PGlite loaded from a
 *          snapshot prepared once per run, or a fresh database on the server named by
 *          TEST_DATABASE_URL (created and dropped by tests/db/support/global-setup.ts).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@/": `${root}/`,
      // lib/ modules guard against client bundles with `import "server-only"`; tests are the server.
      "server-only": `${root}/tests/support/server-only.ts`,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/db/support/global-setup.ts"],
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
