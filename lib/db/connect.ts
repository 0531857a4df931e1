import { createHash } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { type DbConfig, describeDb } from "./config";
import { DbSetupError } from "./errors";
import { acquirePGliteLock } from "./pglite-lock";

/** Raw SQL access shared by the migration runner and the seed, over either engine. */
export interface SqlRunner {
  /** Runs one or several statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * The same, for a statement run at every search: on the server it is prepared once per connection
   * (named after its text), so that PostgreSQL neither parses nor plans it again (it keeps a generic
   * plan when that costs no more than planning each time). PGlite runs it as query().
   */
  prepared<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction: everything or nothing. */
  transaction<R>(fn: (tx: SqlRunner) => Promise<R>): Promise<R>;
}

export interface Database {
  config: DbConfig;
  description: string;
  sql: SqlRunner;
  prisma: PrismaClient;
  close(): Promise<void>;
}

const pgliteRunner = (db: Pick<PGlite, "exec" | "query">): SqlRunner => ({
  async exec(sql) {
    await db.exec(sql);
  },
  async query<T>(sql: string, params: unknown[] = []) {
    return (await db.query<T>(sql, params)).rows;
  },
  async prepared<T>(sql: string, params: unknown[]) {
    return (await db.query<T>(sql, params)).rows;
  },
  async transaction(fn) {
    if (!("transaction" in db)) throw new Error("Transactions imbriquées non prises en charge.");
    return (db as PGlite).transaction((tx) => fn(pgliteRunner(tx)));
  },
});

const statementNames = new Map<string, string>();
/** A prepared statement's name: its text's hash (the same text, the same statement, on any connection). */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `fin_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    if (statementNames.size > 1000) statementNames.clear();
    statementNames.set(sql, name);
  }
  return name;
}

const pgRunner = (pool: pg.Pool | pg.PoolClient, inTransaction = false): SqlRunner => ({
  async exec(sql) {
    await pool.query(sql);
  },
  async query<T>(sql: string, params: unknown[] = []) {
    return (await pool.query(sql, params)).rows as T[];
  },
  async prepared<T>(sql: string, params: unknown[]) {
    return (await pool.query({ name: statementName(sql), text: sql, values: params })).rows as T[];
  },
  async transaction(fn) {
    if (inTransaction) throw new Error("Transactions imbriquées non prises en charge.");
    const client = await (pool as pg.Pool).connect();
    try {
      await client.query("BEGIN");
      const result = await fn(pgRunner(client, true));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  },
});

/** Opens the embedded engine with the extensions the search needs. `dataDir: null` keeps it in memory. */
function ensureWritableDir(dataDir: string) {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch {
    throw new DbSetupError(
      `Le dossier de données ${dataDir} n'est pas accessible en écriture : choisissez-en un autre avec PGLITE_DATA_DIR, ou définissez DATABASE_URL.`,
    );
  }
}

export async function openPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) ensureWritableDir(dataDir);
  try {
    return await PGlite.create({
      dataDir: dataDir ?? undefined,
      extensions: { unaccent, pg_trgm },
      loadDataDir,
    });
  } catch (error) {
    throw new DbSetupError(
      `La base embarquée dans ${dataDir ?? "la mémoire"} n'a pas pu être ouverte (${(error as Error).message}) : est-elle utilisée par un autre processus ?`,
    );
  }
}

export function databaseFromPGlite(config: DbConfig, pglite: PGlite, release: () => void = () => undefined): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    config,
    description: describeDb(config),
    sql: pgliteRunner(pglite),
    prisma,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

/** Connects to the configured database and checks it answers; errors are one clear French sentence. */
export async function openDatabase(config: DbConfig): Promise<Database> {
  if (config.kind === "pglite") {
    if (config.dataDir) ensureWritableDir(config.dataDir);
    const release = config.dataDir ? acquirePGliteLock(config.dataDir) : () => undefined;
    try {
      return databaseFromPGlite(config, await openPGlite(config.dataDir), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  const pool = new pg.Pool({
    connectionString: config.url,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    // The JIT compiler costs tens of milliseconds on every large search and saves nothing on queries
    // this short (measured: BENCHMARKS.md). PGlite has none.
    options: "-c jit=off",
  });
  pool.on("error", () => undefined); // an idle client's error must not crash the process
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DbSetupError(
      `Impossible de joindre le ${describeDb(config)} (${(error as Error).message}) : vérifiez DATABASE_URL et que le serveur est démarré.`,
    );
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    config,
    description: describeDb(config),
    sql: pgRunner(pool),
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
