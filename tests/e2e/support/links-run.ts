import { expect, type Page } from "@playwright/test";

/** What the summary of a finished run says (RunStatus on /admin/liens). */
export interface LinkRunSummary {
  total: number;
  ok: number;
  redirected: number;
  broken: number;
  unreachable: number;
}

const count = (text: string) => Number(text.replace(/\s/g, ""));

const SUMMARY =
  /Dernière vérification \(lancée depuis cette page\) terminée le .+ : ([\d\s]+) adresses? vérifiées? : ([\d\s]+) valides?, ([\d\s]+) redirigées?, ([\d\s]+) cassées?, ([\d\s]+) injoignables?\./;

/**
 * Presses « Lancer une vérification maintenant » on /admin/liens as a curator would, follows the progress
 * the page shows (it refreshes itself every 3 s) and returns the summary of the finished run. A run
 * already going on (another process, the end of the previous one) is waited for first, by the page.
 */
export async function runLinkCheckFromPage(page: Page, { timeoutMs }: { timeoutMs: number }): Promise<LinkRunSummary> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1_000, deadline - Date.now());
  const button = page.getByRole("button", { name: "Lancer une vérification maintenant" });
  const status = page.getByRole("status");
  const progress = page.getByRole("progressbar", { name: "Progression de la vérification" });

  await page.goto("/admin/liens");
  for (;;) {
    await expect(button, "aucune vérification ne devrait être en cours avant de lancer la suivante").toBeVisible({ timeout: left() });
    await button.click();
    await expect(status).toBeVisible();
    if ((await status.textContent())?.includes("La vérification est lancée")) break;
    // « déjà en cours »: the previous run was still letting go of its lock; the page shows it, try again.
    await expect(status).toHaveText("Une vérification est déjà en cours : elle n'a pas été relancée.");
    if (Date.now() > deadline) throw new Error("La vérification n'a jamais pu être lancée.");
    await page.waitForTimeout(1_000);
    await page.goto("/admin/liens");
  }

  // The progress, then (the page follows the run by itself) the summary.
  await expect(progress).toBeVisible();
  await expect(page.getByText(/Vérification en cours \(lancée depuis cette page, commencée le .+\) : [\d\s]+ adresses vérifiées sur [\d\s]+ \(\d+ %\)\./)).toBeVisible();
  await expect(button).toHaveCount(0);
  const summary = page.getByText(SUMMARY);
  await expect(summary).toBeVisible({ timeout: left() });
  await expect(progress).toHaveCount(0);
  await expect(button).toBeVisible();
  const match = SUMMARY.exec((await summary.textContent()) ?? "");
  if (!match) throw new Error("Résumé de la vérification illisible.");
  const [total, ok, redirected, broken, unreachable] = match.slice(1, 6).map(count) as [number, number, number, number, number];
  return { total, ok, redirected, broken, unreachable };
}
