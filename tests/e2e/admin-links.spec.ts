import { randomUUID } from "node:crypto";
import pg from "pg";
import { accounts } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { runLinkCheckFromPage } from "./support/links-run";
import { signIn } from "./support/sign-in";

/**
 * /admin/liens as a person uses it. The link_check rows are written straight into the app's database
 * when the test can reach it (E2E_DATABASE_URL, the PostgreSQL database the app under test uses): the
 * app's own check would ask the real funders' sites. Without it (CI: `npm start` on the embedded
 * database, which the server holds, and no internet), a curator runs the real check twice from the page:
 * every catalogue URL then fails twice in a row, which lists them, puts the public notice on the
 * programme pages and fills the quality queue's « lien cassé » kind, as the nightly run would.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;

/**
 * Exactly one of the two ways of checking the list runs, by where the test can write (never a skipped test):
 * with the app's database, rows written by the test; without it (CI, embedded database held by the server),
 * two real runs started from the page.
 */
const describeWhen = (condition: boolean) => (condition ? test.describe : (_title: string, _body: () => void) => undefined);

test.describe("the checked links page", () => {
  test("a contributor sees the list but may not start a check", async ({ page }) => {
    await signIn(page, accounts.contributor, "/admin/liens");
    await expect(page.getByRole("heading", { level: 1, name: "Liens vérifiés" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Dernière vérification" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Lancer une vérification maintenant" })).toHaveCount(0);
    await expect(page.getByText("Seuls les curateurs peuvent lancer une vérification")).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  describeWhen(Boolean(databaseUrl))("with links in the database", () => {
    // One set of rows for the two tests, written once and put back after: one worker, in order.
    test.describe.configure({ mode: "serial" });

    let client: pg.Client;
    const word = `e2e${Date.now().toString(36)}`;
    const seeded: string[] = [];
    const runIds: string[] = [];
    let broken: { slug: string; title: string; url: string };
    let redirected: { slug: string; title: string; url: string };

    test.beforeAll(async () => {
      client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ slug: string; title: string; application_url: string }>(
        `select slug, title, application_url from programme
         where status = 'published' and application_url like 'http%'
           and application_url not in (select url from programme_source)
           and application_url not in (select application_url from programme where application_url is not null group by 1 having count(*) > 1)
         order by slug limit 2`,
      );
      if (rows.length < 2) throw new Error("Il faut deux programmes publiés avec un lien de candidature.");
      const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
      broken = { slug: a.slug, title: a.title, url: a.application_url };
      redirected = { slug: b.slug, title: b.title, url: b.application_url };
      // Kept as they were, to put them back afterwards.
      const before = await client.query("select * from link_check where url = any($1)", [[broken.url, redirected.url]]);
      seeded.push(JSON.stringify(before.rows));
      const since = new Date(Date.now() - 3 * 86_400_000);
      await client.query(
        `insert into link_check (id, url, outcome, http_status, final_url, error, consecutive_failures, checked_at, failing_since, last_ok_at)
         values ($1, $2, 'broken', 404, null, 'page introuvable (404)', 3, now(), $3, null),
                ($4, $5, 'redirected', 200, $6, null, 0, now(), null, now())
         on conflict (url) do update set outcome = excluded.outcome, http_status = excluded.http_status, final_url = excluded.final_url,
           error = excluded.error, consecutive_failures = excluded.consecutive_failures, checked_at = excluded.checked_at,
           failing_since = excluded.failing_since, last_ok_at = excluded.last_ok_at`,
        [randomUUID(), broken.url, since, randomUUID(), redirected.url, `${redirected.url.replace(/\/?$/, "/")}nouvelle-adresse-${word}`],
      );
    });

    test.afterAll(async () => {
      if (!client) return;
      await client.query("delete from link_check where url = any($1)", [[broken.url, redirected.url]]);
      for (const row of JSON.parse(seeded[0] ?? "[]") as Record<string, unknown>[]) {
        const columns = Object.keys(row);
        await client.query(
          `insert into link_check (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
          columns.map((c) => row[c]),
        );
      }
      await client.query("delete from job_run where id = any($1::uuid[])", [runIds]);
      await client.end();
    });

    test("a curator finds the broken and the redirected link with their programmes, and filters them", async ({ page }) => {
      test.slow();
      await signIn(page, accounts.curator, "/admin/liens");
      const table = page.getByRole("table");
      const brokenRow = table.getByRole("row").filter({ has: page.getByRole("link", { name: broken.url, exact: true }) });
      await expect(brokenRow.getByText("Cassé", { exact: true })).toBeVisible();
      await expect(brokenRow.getByText("page introuvable (404)")).toBeVisible();
      await expect(brokenRow.getByText("3 échecs de suite")).toBeVisible();
      await expect(brokenRow.getByRole("link", { name: broken.title })).toHaveAttribute("href", `/admin/programmes/${broken.slug}`);
      await expectNoAccessibilityViolations(page);

      await page.getByLabel("Résultat").selectOption("redirected");
      await page.getByRole("button", { name: "Filtrer" }).click();
      await expect(page).toHaveURL(/outcome=redirected/);
      const redirectedRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: redirected.url, exact: true }) });
      await expect(redirectedRow.getByText("Redirigé", { exact: true })).toBeVisible();
      await expect(redirectedRow.getByRole("link", { name: new RegExp(`nouvelle-adresse-${word}$`) })).toBeVisible();
      await expect(page.getByRole("link", { name: broken.url, exact: true })).toHaveCount(0);

      await page.getByLabel("Rechercher (adresse ou titre du programme)").fill(`aucun-${word}`);
      await page.getByRole("button", { name: "Filtrer" }).click();
      await expect(page.getByText("Aucun lien ne correspond à ces critères.")).toBeVisible();
      await expectNoAccessibilityViolations(page);

      await brokenRowOnPublicPage(page);
    });

    async function brokenRowOnPublicPage(page: import("@playwright/test").Page) {
      await page.goto(`/financements/${broken.slug}`);
      await expect(page.getByText(/^Lien signalé comme inaccessible le \d{1,2} \S+ \d{4}$/)).toBeVisible();
      await expectNoAccessibilityViolations(page);
    }

    test("a run in progress shows its progress, and the button says when one already runs", async ({ page }) => {
      await signIn(page, accounts.curator, "/admin/liens");
      const button = page.getByRole("button", { name: "Lancer une vérification maintenant" });
      await expect(button).toBeVisible();
      // Another process starts a run meanwhile (its heartbeat is fresh).
      const id = randomUUID();
      runIds.push(id);
      await client.query(`insert into job_run (id, job, trigger, status, total, done) values ($1, 'links:check', 'schedule', 'running', 200, 50)`, [id]);
      try {
        await button.click();
        await expect(page.getByRole("status")).toHaveText("Une vérification est déjà en cours : elle n'a pas été relancée.");
        await expect(page.getByText(/Vérification en cours \(vérification quotidienne/)).toBeVisible();
        await expect(page.getByText("50 adresses vérifiées sur 200 (25 %).", { exact: false })).toBeVisible();
        await expect(page.getByRole("progressbar", { name: "Progression de la vérification" })).toBeVisible();
        await expect(button).toHaveCount(0);
        await expectNoAccessibilityViolations(page);
        // The page follows the run by itself.
        await client.query(`update job_run set done = 120, heartbeat_at = now() where id = $1`, [id]);
        await expect(page.getByText("120 adresses vérifiées sur 200 (60 %).", { exact: false })).toBeVisible();
        await client.query(
          `update job_run set status = 'succeeded', done = 200, finished_at = now(),
                  detail = '{"ok": 190, "redirected": 5, "broken": 4, "unreachable": 1, "durationMs": 65000}'::jsonb where id = $1`,
          [id],
        );
        await expect(page.getByText(/terminée le .* en 1 min 05 s : 200 adresses vérifiées : 190 valides, 5 redirigées, 4 cassées, 1 injoignable\./)).toBeVisible();
        await expect(button).toBeVisible();
      } finally {
        await client.query(`update job_run set status = 'failed', finished_at = now() where id = $1 and status = 'running'`, [id]);
      }
    });
  });

  describeWhen(!databaseUrl)("after two real runs started from the page (no database access: CI)", () => {

    test("a curator runs the check twice: the failing links are listed with their programmes and the public page shows the notice", async ({ page }) => {
      // Two full runs (~25 s each on the embedded database, one request at a time per host) plus the pages.
      test.setTimeout(420_000);
      const day = (date: Date) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric" }).format(date);
      const firstDay = day(new Date());
      await signIn(page, accounts.curator, "/admin/liens");

      const first = await runLinkCheckFromPage(page, { timeoutMs: 180_000 });
      expect(first.total, "le catalogue a des liens à vérifier").toBeGreaterThan(10);
      expect(first.ok + first.redirected + first.broken + first.unreachable).toBe(first.total);
      expect(first.broken + first.unreachable, "sans accès à internet, des liens sont en échec").toBeGreaterThan(0);

      // After one run: an unreachable application link of a published programme, with its failure count.
      await page.goto("/admin/liens?outcome=failing");
      const rows = page.getByRole("table").getByRole("row");
      const candidate = rows
        .filter({ has: page.getByRole("listitem").filter({ hasText: "Publié" }).filter({ hasText: "comme lien de candidature" }) })
        .filter({ has: page.getByText("Injoignable", { exact: true }) })
        .first();
      await expect(candidate).toBeVisible();
      const url = (await candidate.getByRole("rowheader").getByRole("link").first().textContent())!.trim();
      const failuresText = (await candidate.getByText(/^\d+ échecs? de suite$|^\d+ échec$/).textContent())!;
      const failuresBefore = Number(/^\d+/.exec(failuresText)![0]);
      const programme = candidate.getByRole("listitem").filter({ hasText: "Publié" }).filter({ hasText: "comme lien de candidature" }).first();
      const title = (await programme.getByRole("link").first().textContent())!.trim();
      const adminHref = (await programme.getByRole("link").first().getAttribute("href"))!;
      const slug = /^\/admin\/programmes\/([^/?#]+)$/.exec(adminHref)?.[1];
      expect(slug, `lien d'édition du programme : ${adminHref}`).toBeTruthy();

      const second = await runLinkCheckFromPage(page, { timeoutMs: 180_000 });
      expect(second.total).toBe(first.total);
      expect(second.broken + second.unreachable).toBeGreaterThan(0);
      await expectNoAccessibilityViolations(page);

      // The list: the link, unreachable one more time in a row, with its programme (searched by its address).
      await page.getByLabel("Rechercher (adresse ou titre du programme)").fill(url);
      await page.getByLabel("Résultat").selectOption("unreachable");
      await page.getByRole("button", { name: "Filtrer" }).click();
      await expect(page).toHaveURL(/outcome=unreachable/);
      const row = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("link", { name: url, exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row.getByText("Injoignable", { exact: true })).toBeVisible();
      await expect(row.getByText(`${failuresBefore + 1} échecs de suite`, { exact: true })).toBeVisible();
      await expect(row.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", adminHref);
      await expect(row.getByText("aucun succès enregistré")).toBeVisible();

      // The filter by outcome: only unreachable links under « Injoignables », not this one under « Redirigés ».
      await page.goto("/admin/liens?outcome=unreachable");
      const badges = page.getByRole("table").locator("tbody tr td:first-of-type > span:first-child");
      await expect(badges.first()).toBeVisible();
      expect(new Set(await badges.allTextContents())).toEqual(new Set(["Injoignable"]));
      await page.getByLabel("Résultat").selectOption("redirected");
      await page.getByLabel("Rechercher (adresse ou titre du programme)").fill(url);
      await page.getByRole("button", { name: "Filtrer" }).click();
      await expect(page).toHaveURL(/outcome=redirected/);
      await expect(page.getByRole("link", { name: url, exact: true })).toHaveCount(0);
      await expect(page.getByText("Aucun lien ne correspond à ces critères.")).toBeVisible();
      await expectNoAccessibilityViolations(page);

      // The public page: failing twice in a row (or more) shows the notice, dated from the first failure.
      await page.goto(`/financements/${slug}`);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      const notice = page.getByText(/^Lien signalé comme inaccessible le \d{1,2} \S+ \d{4}$/);
      await expect(notice).toBeVisible();
      if (failuresBefore === 1) await expect(notice).toHaveText(new RegExp(`le (${firstDay}|${day(new Date())})$`));
      await expectNoAccessibilityViolations(page);
    });
  });
});
