import { afterEach, describe, expect, it, vi } from "vitest";
import { startLinkCheckSchedule, stopLinkCheckSchedule } from "../../lib/links/schedule";

const env = (value?: string) => ({ ...process.env, LINK_CHECK_SCHEDULE: value });

describe("the daily link check's schedule", () => {
  afterEach(() => stopLinkCheckSchedule());

  it("is off when LINK_CHECK_SCHEDULE=off", () => {
    expect(startLinkCheckSchedule(env("off"))).toBeNull();
  });

  it("runs at 04:30 in Paris by default, whatever the server's time zone", () => {
    const cron = startLinkCheckSchedule(env(undefined));
    expect(cron).not.toBeNull();
    const next = cron!.nextRun()!;
    const paris = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(next);
    expect(paris).toBe("04:30");
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3600_000);
    expect(startLinkCheckSchedule(env(undefined))).toBe(cron); // once per process
  });

  it("says so, and schedules nothing, when the expression is wrong", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(startLinkCheckSchedule(env("tous les jours"))).toBeNull();
    expect(error.mock.calls[0]?.[0]).toContain("LINK_CHECK_SCHEDULE invalide");
    error.mockRestore();
  });
});
