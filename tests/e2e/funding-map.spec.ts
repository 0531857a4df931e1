import { expectNoAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

const graph = (page: import("@playwright/test").Page) => page.getByTestId("carte-interactive");
const focusedNode = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-node-id") ?? null);

test.describe("the funding map (/cartographie)", () => {
  test("is moved through with the keyboard: Tab into the graph, arrows between nodes, Enter opens the programme", async ({ page }) => {
    await page.goto("/cartographie");
    await expect(graph(page)).toBeVisible();
    await page.getByRole("button", { name: "Tout replier" }).focus();
    await page.keyboard.press("Tab");
    const first = await focusedNode(page);
    expect(first).toMatch(/^type:/);
    // One tab stop: the other nodes are reached with the arrows.
    await page.keyboard.press("ArrowDown");
    const second = await focusedNode(page);
    expect(second).toMatch(/^type:/);
    expect(second).not.toBe(first);
    await page.keyboard.press("ArrowUp");
    expect(await focusedNode(page)).toBe(first);

    // → unfolds the type and goes to its first funder, then to that funder's first programme.
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(`[data-node-id="${first}"]`)).toHaveAttribute("aria-expanded", "true");
    expect(await focusedNode(page)).toMatch(/^funder:/);
    const funder = await focusedNode(page);
    await page.keyboard.press("ArrowRight");
    const programme = await focusedNode(page);
    expect(programme).toMatch(/^programme:/);
    await page.keyboard.press("ArrowLeft");
    expect(await focusedNode(page)).toBe(funder);
    await page.keyboard.press("ArrowRight");

    // The focused node is visibly marked (its focus ring drawn) and on screen.
    const ring = page.locator(`[data-node-id="${programme}"] rect`).first();
    await expect(ring).toHaveCSS("opacity", "1");
    await expect(page.locator(`[data-node-id="${programme}"]`)).toBeInViewport();

    const title = (await page.locator(`[data-node-id="${programme}"] title`).textContent())!.trim();
    await page.keyboard.press("Enter");
    // (A first visit of a programme page may take a while on a development server: it compiles it.)
    await expect(page).toHaveURL(new RegExp(`/financements/${programme!.slice("programme:".length)}$`), { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });

  test("search highlights the entities named and centres the first, unfolding its type", async ({ page }) => {
    await page.goto("/cartographie");
    // A funder shown on the map (from the lists, which say the same).
    const name = (await page.getByRole("region", { name: "La carte en listes" }).getByRole("heading", { level: 4 }).getByRole("link").last().textContent())!.trim();
    await page.getByLabel("Chercher dans la carte").fill(name);
    const hit = graph(page).locator('[data-kind="funder"][data-match="true"]');
    await expect(hit).toHaveCount(1);
    await expect(hit.locator("title")).toHaveText(name);
    await expect(page.locator('[data-kind="type"][data-match="true"]')).toHaveAttribute("aria-expanded", "true");
    // Centred: well inside the graph's box.
    await expect.poll(async () => {
      const [box, area] = [await hit.boundingBox(), await graph(page).boundingBox()];
      if (!box || !area) return false;
      const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
      return Math.abs(cx - (area.x + area.width / 2)) < 40 && Math.abs(cy - (area.y + area.height / 2)) < 40;
    }).toBe(true);
    await expect(page.getByText(/trouvé/)).toBeVisible();
    // Enter in the search field puts the keyboard on the entity found.
    await page.getByLabel("Chercher dans la carte").press("Enter");
    expect(await focusedNode(page)).toMatch(/^funder:/);

    await page.getByLabel("Chercher dans la carte").fill("zzzzqx");
    await expect(page.getByText("Aucun élément de la carte ne porte ce nom.")).toBeVisible();
    await expect(graph(page).locator('[data-match="true"]')).toHaveCount(0);
  });

  test("zooms with its buttons and the wheel, and pans by dragging", async ({ page }) => {
    await page.goto("/cartographie");
    const view = graph(page).locator("g[data-view]");
    const scale = async () => Number((await view.getAttribute("data-view"))!.split(",")[2]);
    const before = await scale();
    await page.getByRole("button", { name: "Zoomer", exact: true }).click();
    await expect.poll(scale).toBeGreaterThan(before);
    await page.getByRole("button", { name: "Dézoomer" }).click();
    await page.getByRole("button", { name: "Dézoomer" }).click();
    await expect.poll(scale).toBeLessThan(before);
    await graph(page).scrollIntoViewIfNeeded();
    const box = (await graph(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const s = await scale();
    await page.mouse.wheel(0, -300);
    await expect.poll(scale).toBeGreaterThan(s);
    const x = async () => Number((await view.getAttribute("data-view"))!.split(",")[0]);
    const x0 = await x();
    await page.mouse.move(box.x + 40, box.y + box.height - 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 140, box.y + box.height - 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(x).toBe(x0 + 100);
    await expect(page).toHaveURL(/\/cartographie$/);
  });

  test("has no accessibility violation, the graph drawn and a type unfolded, on a computer and on a phone", async ({ page }) => {
    await page.goto("/cartographie");
    await expect(graph(page)).toBeVisible();
    await page.locator('[data-kind="type"]').first().click();
    await expect(page.locator('[data-kind="funder"]').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/cartographie?territory=commune:29019");
    await expect(graph(page)).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});

test.describe("the funding map without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows the same content as nested lists with their counts, and filters them by place, beneficiary and status", async ({ page }) => {
    await page.goto("/cartographie");
    await expect(page.getByRole("heading", { name: "Carte interactive" })).toHaveCount(0);
    const lists = page.getByRole("region", { name: "La carte en listes" });
    const status = page.getByRole("status");
    const total = async () => Number((await status.locator("strong").textContent())!.replace(/\D/g, ""));
    const all = await total();
    expect(all).toBeGreaterThan(0);
    await expect(lists.locator('a[href^="/financements/"]')).toHaveCount(all);
    // Each type states its counts; the funder names lead to their pages.
    await expect(lists.getByRole("heading", { level: 3 }).first()).toContainText(/\(\d+ financeurs?, \d+ programmes?\)/);
    await expect(lists.locator('a[href^="/financeurs/"]').first()).toBeVisible();

    // Filtering by Brest (typed), the closed calls too, for associations.
    await page.getByLabel("Commune, intercommunalité, département ou région").fill("Brest");
    await page.getByRole("checkbox", { name: /^Clos/ }).check();
    await page.getByRole("checkbox", { name: /^Ouvert/ }).check();
    await page.getByRole("checkbox", { name: /^Permanent/ }).check();
    await page.getByRole("checkbox", { name: /^Association/ }).check();
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/lieu=Brest/);
    await expect(status).toContainText("disponibles pour Brest");
    const filtered = await total();
    await expect(lists.locator('a[href^="/financements/"]')).toHaveCount(filtered);
    // The Ville de Brest's own call is among them; a call of another city is not.
    await expect(lists.getByRole("link", { name: "Ville de Brest", exact: true })).toBeVisible();
    await expect(lists.getByRole("link", { name: /Métropole de Lyon/ })).toHaveCount(0);

    // The search says the same.
    await status.getByRole("link", { name: "Les voir dans la recherche" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /financements? trouvés?/ })).toContainText(String(filtered));
  });

  test("says when the place asked for does not exist, and shows every territory", async ({ page }) => {
    await page.goto("/cartographie?lieu=Zzzyxwq");
    await expect(page.getByRole("alert")).toContainText("Aucun territoire ne correspond à « Zzzyxwq »");
    await page.goto("/cartographie?territory=commune:99999");
    await expect(page.getByRole("alert")).toContainText("Le territoire demandé dans l'adresse n'existe pas");
    await expect(page.getByRole("status")).not.toContainText("disponibles pour");
  });

  test("the header's « Observatoire » group opens without JavaScript", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await expect(nav.getByRole("link", { name: "La cartographie des financements" })).toBeHidden();
    await nav.getByText("Observatoire").click();
    await nav.getByRole("link", { name: "La cartographie des financements" }).click();
    await expect(page).toHaveURL(/\/cartographie$/);
  });
});

test.describe("the header on a phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("opens the « Observatoire » group with the keyboard, closes it with Escape, and has no accessibility violation", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    const summary = nav.locator("summary");
    await expect(summary).toBeInViewport();
    await expectNoAccessibilityViolations(page);
    await summary.focus();
    await page.keyboard.press("Enter");
    for (const name of ["L'effort financier", "La cartographie des financements", "Retours d'expérience", "Quels financements pour ma structure ?"]) {
      await expect(nav.getByRole("link", { name })).toBeInViewport();
    }
    await expectNoAccessibilityViolations(page);
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "L'effort financier" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(summary).toBeFocused();
    await expect(nav.getByRole("link", { name: "L'effort financier" })).toBeHidden();

    // After a navigation from the group, it is closed again, the current page marked.
    await summary.click();
    await nav.getByRole("link", { name: "La cartographie des financements" }).click();
    await expect(page).toHaveURL(/\/cartographie$/);
    await expect(nav.getByRole("link", { name: "La cartographie des financements" })).toBeHidden();
    await summary.click();
    await expect(nav.getByRole("link", { name: "La cartographie des financements" })).toHaveAttribute("aria-current", "page");
  });
});
