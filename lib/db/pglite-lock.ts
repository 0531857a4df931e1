import fs from "node:fs";
import path from "node:path";
import { DbSetupError } from "./errors";

/**
 * The embedded database lives in one process at a time: two would corrupt it. A lock file holds the
 * owner's PID; a lock left by a process that no longer runs is taken over.
 */
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

export function acquirePGliteLock(dataDir: string): () => void {
  const file = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(file, "utf8"));
      if (owner === process.pid) return () => undefined;
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new DbSetupError(
          `La base embarquée ${dataDir} est déjà ouverte par le processus ${owner} : arrêtez-le (ou choisissez un autre PGLITE_DATA_DIR) avant de relancer.`,
        );
      }
      fs.rmSync(file, { force: true }); // left by a process that has stopped
    }
  }
  throw new DbSetupError(`Impossible de verrouiller la base embarquée ${dataDir}.`);
}
