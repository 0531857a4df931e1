import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { readDbConfig } from "../db/config";

/**
 * The key that signs and encrypts the session cookies: NEXTAUTH_SECRET, or — on the embedded database
 * only — the file `npm start` created beside the PGlite folder (scripts/start.mjs, mode 0600).
 */
export function secretFilePath(dataDir: string): string {
  return `${dataDir}.nextauth-secret`;
}

let cached: string | undefined;

export function getAuthSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (cached) return cached;
  const config = readDbConfig();
  if (config.kind === "pglite" && config.dataDir) {
    try {
      const fromFile = fs.readFileSync(secretFilePath(config.dataDir), "utf8").trim();
      if (fromFile) {
        cached = fromFile;
        process.env.NEXTAUTH_SECRET = fromFile;
        return fromFile;
      }
    } catch {
      // absent: created below under next dev, else the error
    }
    if (process.env.NODE_ENV !== "production") {
      // `npm run dev` does not go through scripts/start.mjs: the same file, made here.
      const secret = randomBytes(32).toString("base64url");
      try {
        fs.writeFileSync(secretFilePath(config.dataDir), `${secret}\n`, { mode: 0o600, flag: "wx" });
        console.log(`NEXTAUTH_SECRET absente : clé de session créée dans ${secretFilePath(config.dataDir)}.`);
        cached = secret;
        return secret;
      } catch {
        // another process created it meanwhile: read it (or fall through to the error)
        const again = (() => {
          try {
            return fs.readFileSync(secretFilePath(config.dataDir!), "utf8").trim();
          } catch {
            return "";
          }
        })();
        if (again) return (cached = again);
      }
    }
  }
  throw new Error(
    "NEXTAUTH_SECRET manque : définissez-la (par exemple `openssl rand -base64 32`) ou démarrez avec `npm start`, qui en crée une pour la base embarquée.",
  );
}
