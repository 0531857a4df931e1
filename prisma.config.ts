import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `prisma generate` (see scripts/prisma-generate.mjs):
// migrations are applied by the app itself (lib/db/migrate.ts), because the CLI's schema engine
// is a native binary downloaded at run time.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://unused@127.0.0.1:1/unused" },
});
