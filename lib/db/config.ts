import path from "node:path";
import { z } from "zod";

/** Where the data lives: a PostgreSQL server (DATABASE_URL) or the embedded PGlite folder. */
export type DbConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string | null };

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL doit commencer par postgresql:// (ou postgres://).",
    }),
  PGLITE_DATA_DIR: z.string().trim().optional(),
});

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** Reads the database settings from the environment; throws a one-sentence French error if they are wrong. */
export function readDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
  const { DATABASE_URL, PGLITE_DATA_DIR } = parsed.data;
  if (DATABASE_URL) return { kind: "postgres", url: DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ PGLITE_DATA_DIR || DEFAULT_PGLITE_DIR) };
}

/** A connection URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(adresse illisible)";
  }
}

export function describeDb(config: DbConfig): string {
  return config.kind === "postgres"
    ? `serveur PostgreSQL ${redactUrl(config.url)}`
    : config.dataDir
      ? `PostgreSQL embarqué (PGlite) dans ${config.dataDir}`
      : "PostgreSQL embarqué (PGlite) en mémoire";
}
