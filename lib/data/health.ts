import "server-only";
import { getDatabase } from "../db/client";
import { catalogueVersion } from "./search-cache";

export interface Health {
  status: "ok";
  /** The engine behind the app: the PostgreSQL server (DATABASE_URL) or the embedded one. */
  database: "postgresql" | "pglite";
  /** The catalogue's version (bumped by every change of the catalogue): what the search cache checks. */
  catalogueVersion: string;
}

/**
 * Whether the app answers with its database: one indexed round trip, the one every search makes
 * (the catalogue's version). Throws when the database does not answer.
 */
export async function checkHealth(): Promise<Health> {
  const db = await getDatabase();
  return {
    status: "ok",
    database: db.config.kind === "postgres" ? "postgresql" : "pglite",
    catalogueVersion: await catalogueVersion(db.sql),
  };
}
