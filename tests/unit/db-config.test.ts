import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PGLITE_DIR, describeDb, readDbConfig, redactUrl } from "../../lib/db/config";

/** An environment with only these variables (NODE_ENV is required by Next's types). */
const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });

describe("readDbConfig", () => {
  it("uses the embedded database in .data/pglite when nothing is set", () => {
    expect(readDbConfig(env({}))).toEqual({ kind: "pglite", dataDir: path.resolve(".data/pglite") });
    expect(DEFAULT_PGLITE_DIR).toBe(".data/pglite");
  });

  it("treats a blank DATABASE_URL as unset", () => {
    expect(readDbConfig(env({ DATABASE_URL: "  " }))).toEqual({ kind: "pglite", dataDir: path.resolve(".data/pglite") });
  });

  it("puts the embedded database where PGLITE_DATA_DIR says, as an absolute path", () => {
    expect(readDbConfig(env({ PGLITE_DATA_DIR: "tmp/base" }))).toEqual({ kind: "pglite", dataDir: path.resolve("tmp/base") });
    expect(readDbConfig(env({ PGLITE_DATA_DIR: "/var/lib/fin" }))).toEqual({ kind: "pglite", dataDir: "/var/lib/fin" });
  });

  it("uses the server when DATABASE_URL is a PostgreSQL URL, whatever PGLITE_DATA_DIR says", () => {
    const url = "postgresql://app:secret@db.example:5432/financements";
    expect(readDbConfig(env({ DATABASE_URL: url, PGLITE_DATA_DIR: "x" }))).toEqual({ kind: "postgres", url });
    expect(readDbConfig(env({ DATABASE_URL: "postgres://localhost/db" }))).toEqual({ kind: "postgres", url: "postgres://localhost/db" });
  });

  it.each(["mysql://root@localhost/db", "localhost:5432", "file:./dev.db"])(
    "refuses DATABASE_URL=%s with one French sentence",
    (url) => {
      expect(() => readDbConfig(env({ DATABASE_URL: url }))).toThrow(
        new Error("DATABASE_URL doit commencer par postgresql:// (ou postgres://)."),
      );
    },
  );
});

describe("describing the database for logs", () => {
  it("never prints the password", () => {
    expect(redactUrl("postgresql://app:secret@db.example:5432/fin")).toBe("postgresql://app:***@db.example:5432/fin");
    expect(describeDb({ kind: "postgres", url: "postgresql://app:secret@db.example/fin" })).not.toContain("secret");
  });

  it("says where the embedded database lives, or that it is in memory", () => {
    expect(describeDb({ kind: "pglite", dataDir: "/srv/data" })).toBe("PostgreSQL embarqué (PGlite) dans /srv/data");
    expect(describeDb({ kind: "pglite", dataDir: null })).toBe("PostgreSQL embarqué (PGlite) en mémoire");
  });
});
