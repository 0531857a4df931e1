// Runs `prisma generate` offline. The Prisma CLI downloads its native schema engine before any
// command unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; `generate` never executes it,
// so pointing the variable at this very script is enough (see README, « Prisma hors ligne »).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? self,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
