import { randomBytes } from "node:crypto";
import pg from "pg";

/** Creating and dropping throw-away databases on the PostgreSQL server named by TEST_DATABASE_URL. */

export const uniqueDatabaseName = (prefix = "fin_test") =>
  `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;

/** The same server and credentials, another database. */
export function urlForDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Nom de base de test inattendu : ${name}`);
  return `"${name}"`;
};

export function createServerDatabase(serverUrl: string, name: string): Promise<string> {
  return withServer(serverUrl, async (client) => {
    await client.query(`create database ${quoteIdent(name)}`);
    return urlForDatabase(serverUrl, name);
  });
}

/** Drops the database and every database whose name starts with `<name>_` (the empty ones tests made). */
export function dropServerDatabases(serverUrl: string, name: string): Promise<string[]> {
  return withServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or starts_with(datname, $1 || '_')`,
      [name],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
    return rows.map((r) => r.datname);
  });
}
