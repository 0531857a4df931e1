import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  FORWARDED_HTTPS_PATTERN,
  createNonce,
  isHttpsRequest,
  issuerOrigin,
  pageContentSecurityPolicy,
} from "@/lib/security/headers";

/** The directives of a CSP, by name. */
const directives = (csp: string) =>
  new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("the page CSP", () => {
  it("allows only the nonce's scripts and what they load, never inline ones", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "abc" }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(csp.get("style-src-elem")).toEqual(["'self'", "'nonce-abc'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    for (const [name, values] of csp) {
      if (name.startsWith("script-src")) expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
    }
  });

  it("lets forms go to ProConnect's issuer when it is configured", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "n", formActionOrigins: ["https://auth.example.gouv.fr"] }));
    expect(csp.get("form-action")).toEqual(["'self'", "https://auth.example.gouv.fr"]);
  });

  it("upgrades insecure requests behind HTTPS", () => {
    expect(directives(pageContentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval and unsigned style elements under next dev only", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "n", dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("style-src-elem")).toContain("'unsafe-inline'");
  });
});

describe("nonces", () => {
  it("are 128 random bits in base64, never twice the same", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("HTTPS detection", () => {
  it.each([
    ["http://localhost/", null, false],
    ["https://localhost/", null, true],
    ["http://localhost/", "https", true],
    ["http://localhost/", "https, http", true],
    ["http://localhost/", "http", false],
    ["http://localhost/", "http, https", false],
    ["http://localhost/", "", false],
  ])("%s with x-forwarded-proto %j: %s", (url, proto, https) => {
    expect(isHttpsRequest(new URL(url), proto)).toBe(https);
  });

  it("uses the same rule as next.config.ts's HSTS condition (an anchored regular expression there)", async () => {
    const { default: config } = await import("@/next.config");
    const rules = await config.headers!();
    const hsts = rules.find((rule) => rule.headers.some((h) => h.key === "strict-transport-security"))!;
    expect(hsts.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: FORWARDED_HTTPS_PATTERN }]);
    const matches = (value: string) => new RegExp(`^${FORWARDED_HTTPS_PATTERN}$`).test(value);
    expect(["https", "https, http", "https,https"].every(matches)).toBe(true);
    expect(["http", "http, https", "httpsx", ""].some(matches)).toBe(false);
    // The other rule, on every path: static headers and the CSP of what runs nothing.
    const all = rules.find((rule) => !rule.has)!;
    expect(all.source).toBe("/:path*");
    expect(all.headers.find((h) => h.key === "content-security-policy")?.value).toMatch(/^default-src 'none'/);
  });
});

describe("issuerOrigin", () => {
  it.each([
    ["https://auth.agentconnect.gouv.fr/api/v2", "https://auth.agentconnect.gouv.fr"],
    ["http://127.0.0.1:9400/oidc", "http://127.0.0.1:9400"],
    [" https://auth.example.gouv.fr ", "https://auth.example.gouv.fr"],
    ["", null],
    [undefined, null],
    ["pas une adresse", null],
    ["javascript:alert(1)", null],
  ])("%j → %j", (issuer, origin) => {
    expect(issuerOrigin(issuer)).toBe(origin);
  });
});

describe("proxy.ts", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const run = async (url: string, headers: Record<string, string> = {}) => {
    const { proxy } = await import("@/proxy");
    return proxy(new NextRequest(url, { headers }));
  };

  it("gives a page a CSP with a fresh nonce, and hands the same policy and nonce to Next.js on the request", async () => {
    const first = await run("http://localhost/financements");
    const csp = first.headers.get("content-security-policy")!;
    const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
    // NextResponse.next({ request: { headers } }) passes request headers as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("strict-transport-security")).toBeNull();
    const second = await run("http://localhost/financements");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("adds HSTS behind HTTPS", async () => {
    const response = await run("http://localhost/", { "x-forwarded-proto": "https" });
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("allows ProConnect's issuer as a form target when PROCONNECT_ISSUER is set", async () => {
    vi.stubEnv("PROCONNECT_ISSUER", "https://auth.example.gouv.fr/api/v2");
    const response = await run("http://localhost/connexion");
    expect(response.headers.get("content-security-policy")).toContain("form-action 'self' https://auth.example.gouv.fr;");
  });

  it("leaves the JSON API to next.config.ts's headers", async () => {
    const response = await run("http://localhost/api/v1/programmes/un-programme");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers 400 to a badly encoded address, in JSON for the API, with a CSP that allows nothing", async () => {
    const page = await run("http://localhost/financements/%FF");
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    const api = await run("http://localhost/api/v1/programmes/%FF");
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: { code: "invalid_parameter" } });
  });
});
