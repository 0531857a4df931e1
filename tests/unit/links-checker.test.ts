import { describe, expect, it } from "vitest";
import { checkUrl, type CheckContext } from "../../lib/links/check-url";
import { DEFAULT_SCHEDULE, linkCheckerUserAgent, readLinkCheckConfig, readLinkCheckSchedule } from "../../lib/links/config";
import { HostGate } from "../../lib/links/host-gate";
import { httpStatusMessage, networkErrorMessage } from "../../lib/links/http-messages";
import { formatDuration, summarizeCounts } from "../../lib/links/summary";

const env = (values: Record<string, string>) => ({ ...process.env, SITE_URL: "", PORT: "", LINK_CHECK_CONTACT: "", ...values });

describe("the link checker's settings", () => {
  it("names the site and a contact in the User-Agent, the site's address by default", () => {
    expect(linkCheckerUserAgent(env({ SITE_URL: "https://financements.example.test/" }))).toBe(
      "FinancementsInclusionNumerique-LinkChecker/1.0 (+https://financements.example.test; contact: https://financements.example.test)",
    );
    expect(linkCheckerUserAgent(env({ SITE_URL: "https://f.example.test", LINK_CHECK_CONTACT: "equipe (at) example.test" }))).toBe(
      "FinancementsInclusionNumerique-LinkChecker/1.0 (+https://f.example.test; contact: equipe  at  example.test)",
    );
  });

  it("reads the numbers from the environment, and falls back on the defaults when they are wrong", () => {
    expect(readLinkCheckConfig(env({}))).toMatchObject({ timeoutMs: 15_000, concurrency: 6, hostDelayMs: 1_000, maxRedirects: 5 });
    expect(readLinkCheckConfig(env({ LINK_CHECK_TIMEOUT_MS: "5000", LINK_CHECK_CONCURRENCY: "2", LINK_CHECK_HOST_DELAY_MS: "0" }))).toMatchObject({
      timeoutMs: 5_000,
      concurrency: 2,
      hostDelayMs: 0,
    });
    expect(readLinkCheckConfig(env({ LINK_CHECK_TIMEOUT_MS: "vite", LINK_CHECK_CONCURRENCY: "500" }))).toMatchObject({ timeoutMs: 15_000, concurrency: 6 });
  });

  it("schedules at 04:30 unless LINK_CHECK_SCHEDULE says otherwise or off", () => {
    expect(readLinkCheckSchedule(env({}))).toBe(DEFAULT_SCHEDULE);
    expect(readLinkCheckSchedule(env({ LINK_CHECK_SCHEDULE: "off" }))).toBeNull();
    expect(readLinkCheckSchedule(env({ LINK_CHECK_SCHEDULE: "OFF" }))).toBeNull();
    expect(readLinkCheckSchedule(env({ LINK_CHECK_SCHEDULE: "0 3 * * 1" }))).toBe("0 3 * * 1");
  });
});

describe("the host gate", () => {
  it("runs one task at a time per host, with the pause between them, and hosts side by side", async () => {
    const gate = new HostGate(40);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name} ${Date.now()}`);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return name;
    };
    const started = Date.now();
    const results = await Promise.all([gate.run("a", task("a1")), gate.run("a", task("a2")), gate.run("b", task("b1"))]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(most).toBe(2); // a1 and b1 together, never a1 and a2
    const a2Start = Number(log.find((l) => l.startsWith("start a2"))!.split(" ")[2]);
    expect(a2Start - started).toBeGreaterThanOrEqual(20 + 40 - 2);
    expect(gate.isIdle("a")).toBe(false); // still in its pause
    await new Promise((r) => setTimeout(r, 50));
    expect(gate.isIdle("a")).toBe(true);
  });

  it("releases the host when a task throws", async () => {
    const gate = new HostGate(0);
    await expect(gate.run("a", async () => Promise.reject(new Error("boum")))).rejects.toThrow("boum");
    expect(await gate.run("a", async () => "suite")).toBe("suite");
  });
});

describe("checking one URL without a network", () => {
  const ctx = (fetchImpl: typeof fetch): CheckContext => ({
    gate: new HostGate(0),
    timeoutMs: 1000,
    maxRedirects: 5,
    userAgent: "test",
    deadHosts: new Map(),
    fetch: fetchImpl,
  });

  it("refuses what is not a web address without asking anyone", async () => {
    const never = (() => Promise.reject(new Error("no request expected"))) as unknown as typeof fetch;
    expect(await checkUrl("pas une adresse", ctx(never))).toMatchObject({ outcome: "broken", error: "adresse invalide" });
    expect(await checkUrl("ftp://example.test/fichier", ctx(never))).toMatchObject({ outcome: "broken" });
  });

  it("asks a host whose name did not resolve only once per run", async () => {
    let calls = 0;
    const dns = (async () => {
      calls++;
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } });
    }) as unknown as typeof fetch;
    const c = ctx(dns);
    expect(await checkUrl("https://inconnu.example.test/a", c)).toEqual({ outcome: "unreachable", httpStatus: null, finalUrl: null, error: "nom de domaine introuvable" });
    expect(await checkUrl("https://inconnu.example.test/b", c)).toMatchObject({ outcome: "unreachable", error: "nom de domaine introuvable" });
    expect(calls).toBe(1);
  });
});

describe("French messages", () => {
  it("says why a link failed", () => {
    expect(httpStatusMessage(404)).toBe("page introuvable (404)");
    expect(httpStatusMessage(503)).toBe("serveur indisponible (503)");
    expect(httpStatusMessage(418)).toBe("réponse en erreur (418)");
    expect(networkErrorMessage(Object.assign(new Error("x"), { name: "TimeoutError" }), 15_000)).toBe("délai dépassé après 15 s");
    expect(networkErrorMessage({ cause: { code: "ECONNREFUSED" } }, 15_000)).toBe("connexion refusée par le serveur");
    expect(networkErrorMessage({ cause: { code: "CERT_HAS_EXPIRED" } }, 15_000)).toBe("certificat ou connexion sécurisée invalide (CERT_HAS_EXPIRED)");
  });

  it("sums a run up", () => {
    expect(summarizeCounts({ ok: 220, redirected: 12, broken: 6, unreachable: 1 }, 239)).toBe(
      "239 adresses vérifiées : 220 valides, 12 redirigées, 6 cassées, 1 injoignable.",
    );
    expect(formatDuration(133_000)).toBe("2 min 13 s");
    expect(formatDuration(4_000)).toBe("4 s");
  });
});
