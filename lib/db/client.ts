import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { readDbConfig } from "./config";
import { type Database, openDatabase } from "./connect";

/**
 * The app's one database handle, opened on first use and kept across hot reloads.
 * The database was migrated and seeded by `npm start` (scripts/prepare-db.ts) before the server started.
 */
const holder = globalThis as unknown as { __finDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__finDatabase ??= openDatabase(readDbConfig());
  return holder.__finDatabase;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** For tests: serve this database instead of the configured one. */
export function useDatabase(db: Database): void {
  holder.__finDatabase = Promise.resolve(db);
}
