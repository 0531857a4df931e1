import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/**
 * The security headers of every kind of response (proxy.ts, next.config.ts, lib/security/headers.ts),
 * read from the running app, and the page CSP at work in the browser.
 */

/** The directives of a CSP, by name. */
function directives(csp: string | undefined): Map<string, string[]> {
  expect(csp, "Content-Security-Policy").toBeTruthy();
  return new Map(
    csp!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStaticHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"], "HSTS only behind HTTPS").toBeUndefined();
}

/** The CSP of a page: a nonce, no 'unsafe-inline' for scripts, no framing, forms to ourselves. */
function expectPageCsp(response: APIResponse): string {
  const csp = directives(response.headers()["content-security-policy"]);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).toContain("'strict-dynamic'");
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, "a nonce in script-src").toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(csp.get("script-src-elem"), "no script-src-elem that would loosen script-src").toBeUndefined();
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("form-action")?.[0]).toBe("'self'");
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.has("upgrade-insecure-requests")).toBe(false);
  return nonce!;
}

/** The CSP of what runs nothing (JSON, files): nothing allowed at all. */
function expectNoContentCsp(response: APIResponse) {
  const csp = directives(response.headers()["content-security-policy"]);
  expect(csp.get("default-src")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
}

test.describe("security headers", () => {
  test("a page has the static headers and a CSP whose nonce is on every script of the page", async ({ request }) => {
    const response = await request.get("/financements");
    expect(response.status()).toBe(200);
    expectStaticHeaders(response);
    const nonce = expectPageCsp(response);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) {
      // JSON-LD is data, not code: the browser does not run it, the CSP does not apply to it.
      if (tag.includes('type="application/ld+json"')) continue;
      expect(tag).toContain(`nonce="${nonce}"`);
    }
  });

  test("every request gets a fresh nonce", async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add(expectPageCsp(await request.get("/")));
    expect(nonces.size).toBe(5);
  });

  test("the API's answers, errors included, have the static headers and a CSP that allows nothing", async ({ request }) => {
    for (const path of ["/api/v1/programmes?perPage=1", "/api/health", "/api/v1/programmes/nexiste-pas", "/api/v1/programmes?inconnu=1"]) {
      const response = await request.get(path);
      expect(response.headers()["content-type"], path).toContain("application/json");
      expectStaticHeaders(response);
      expectNoContentCsp(response);
    }
  });

  test("the 404 page is a page like the others", async ({ request }) => {
    const response = await request.get("/cette-page-n-existe-pas");
    expect(response.status()).toBe(404);
    expectStaticHeaders(response);
    const nonce = expectPageCsp(response);
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  });

  test("static files and metadata files have the static headers and a CSP that allows nothing", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const assets = [...html.matchAll(/\/_next\/static\/[^"]+\.(?:css|js)/g)].map((m) => m[0]);
    expect(assets.length).toBeGreaterThan(1);
    for (const path of [assets.find((a) => a.endsWith(".css"))!, assets.find((a) => a.endsWith(".js"))!, "/robots.txt", "/icon.svg", "/sitemap.xml"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectStaticHeaders(response);
      expectNoContentCsp(response);
    }
  });

  test("a badly encoded address answers 400 with the headers", async ({ request }) => {
    for (const path of ["/financements/%FF", "/api/v1/programmes/%FF"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expectStaticHeaders(response);
      expectNoContentCsp(response);
    }
  });

  test("HSTS, and the upgrade of insecure requests, only when the request came through HTTPS", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    const assetPath = (await (await request.get("/")).text()).match(/\/_next\/static\/[^"]+\.css/)![0];
    for (const path of ["/", "/api/health", assetPath, "/cette-page-n-existe-pas"]) {
      const response = await request.get(path, { headers: https });
      expect(response.headers()["strict-transport-security"], path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      const plain = await request.get(path, { headers: { "x-forwarded-proto": "http" } });
      expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
    }
    const page = await request.get("/", { headers: { "x-forwarded-proto": "https, http" } });
    expect(page.headers()["strict-transport-security"]).toBeTruthy();
    expect(directives(page.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
  });
});

test.describe("the page CSP in the browser", () => {
  test("runs the page's own scripts and blocks an injected inline script", async ({ page, cspViolations }) => {
    await page.goto("/financements");
    // The territory picker is a client component: its suggestions come only if its script runs.
    const place = page.getByRole("combobox", { name: /Commune, intercommunalité/ });
    await place.fill("Brest");
    await expect(page.getByRole("listbox", { name: "Territoires suggérés" }).getByRole("option").first()).toContainText("Brest");
    expect(cspViolations).toEqual([]);

    // What an injection would add (markup with an inline handler): the browser refuses to run it.
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/x" onerror="window.__injected = true">'));
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(cspViolations.join("\n")).toContain("script-src");
    cspViolations.length = 0; // provoked on purpose, checked above
  });

  test("refuses to be shown in another site's frame", async ({ page, baseURL }) => {
    await page.route("http://autre-site.test/", (route) =>
      route.fulfill({ contentType: "text/html", body: `<!doctype html><title>Autre site</title><iframe title="cadre" src="${baseURL}/"></iframe>` }),
    );
    await page.goto("http://autre-site.test/");
    // Chromium replaces a refused frame by its error page (and tells no console).
    await expect.poll(() => page.frames().find((frame) => frame !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
    const framed = page.frames().find((frame) => frame !== page.mainFrame())!;
    await expect(framed.getByText("Trouver un financement")).toHaveCount(0);
  });
});
