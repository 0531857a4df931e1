import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DbSetupError } from "../../lib/db/errors";
import { acquirePGliteLock } from "../../lib/db/pglite-lock";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const dataDir = () => path.join(tmp, `data-${++n}`);

/** The PID of a process that has exited. */
const deadPid = () => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout);

describe("the embedded database lock", () => {
  it("writes this process's PID beside the data folder, and removes it on release", () => {
    const dir = dataDir();
    const release = acquirePGliteLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("refuses, in French, a folder that another running process holds", () => {
    const dir = dataDir();
    fs.writeFileSync(`${dir}.lock`, String(process.ppid)); // the parent process: alive
    expect(() => acquirePGliteLock(dir)).toThrow(DbSetupError);
    expect(() => acquirePGliteLock(dir)).toThrow(
      `La base embarquée ${dir} est déjà ouverte par le processus ${process.ppid} : arrêtez-le (ou choisissez un autre PGLITE_DATA_DIR) avant de relancer.`,
    );
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock left by a process that has stopped", () => {
    const dir = dataDir();
    fs.writeFileSync(`${dir}.lock`, String(deadPid()));
    const release = acquirePGliteLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });

  it("does not remove a lock another process took after this one released it", () => {
    const dir = dataDir();
    const release = acquirePGliteLock(dir);
    fs.writeFileSync(`${dir}.lock`, String(process.ppid));
    release();
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.ppid));
  });
});
