import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "../../app/api/health/route";
import { useDatabase } from "../../lib/db/client";
import type { Database } from "../../lib/db/connect";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

describe("GET /api/health", () => {
  it("answers ok with the engine and the catalogue's version, never cached", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const [row] = await db.sql.query<{ version: string }>("SELECT version::text AS version FROM catalogue_version");
    expect(await response.json()).toEqual({
      status: "ok",
      database: db.config.kind === "postgres" ? "postgresql" : "pglite",
      catalogueVersion: row?.version,
    });
  });

  it("answers 503 without the error's details when the database does not answer", async () => {
    const failure = new Error("connect ECONNREFUSED 10.0.0.1:5432 (mot de passe secret)");
    const broken: Database = { ...db, sql: { ...db.sql, prepared: () => Promise.reject(failure) } };
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    useDatabase(broken);
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: "indisponible", message: "La base de données ne répond pas." });
      expect(text).not.toContain("ECONNREFUSED");
      expect(log).toHaveBeenCalledWith(expect.stringContaining("/api/health"), failure);
    } finally {
      useDatabase(db);
      log.mockRestore();
    }
  });
});
