import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Next.js' recommended rules (Core Web Vitals, TypeScript), plus the house rule that keeps the
 * Prisma client and the database handle inside the data layer: pages and components receive
 * plain objects from lib/data/*, never Prisma models (STYLE.md, practice 1).
 */
const dataLayerOnly =
  "Le client Prisma et la base ne s'utilisent que dans lib/ (lib/data/* pour les pages), scripts/ et tests/ : importez une fonction de lib/data/ qui renvoie des objets simples.";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "coverage/**",
    "lib/generated/**",
    ".data/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // `_name` marks a parameter or variable kept on purpose.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
    ignores: ["lib/**", "scripts/**", "tests/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)generated/prisma(/|$)", message: dataLayerOnly },
            { regex: "(^@/|(^|/))lib/db/client$", message: dataLayerOnly },
          ],
        },
      ],
    },
  },
  {
    // No React in tests; Playwright fixtures call `use()` and the db helpers call `useDatabase()`.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
