/**
 * The security headers of every response (issue 12, « Safety »). Pure functions, without imports,
 * so that both next.config.ts (static headers, in Node, outside the bundle) and proxy.ts (the
 * per-request Content-Security-Policy of the pages) can use them.
 *
 * Who sets what:
 * - next.config.ts, on every path: the static headers below, a strict CSP for responses without
 *   scripts (JSON, files) and HSTS when the request came through HTTPS (`x-forwarded-proto`);
 * - proxy.ts, on pages (and the 404 page, and next-auth's own pages under /api/auth): a CSP with a
 *   fresh nonce, which replaces next.config's one (proxy headers are applied after config headers).
 *   Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
 */

/** Headers sent on every response, whatever its type. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "x-content-type-options", value: "nosniff" },
  { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
  { key: "x-frame-options", value: "DENY" },
  { key: "permissions-policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "cross-origin-opener-policy", value: "same-origin" },
];

export const HSTS_HEADER = { key: "strict-transport-security", value: "max-age=63072000; includeSubDomains" } as const;

/**
 * `x-forwarded-proto` values that mean the browser spoke HTTPS to the first proxy (for next.config's
 * `has`, an anchored regular expression): `https`, or a list whose first hop is https.
 */
export const FORWARDED_HTTPS_PATTERN = "\\s*https\\s*(,.*)?";

/** True when the request reached us over HTTPS, directly or through a TLS-terminating proxy. */
export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto !== null && new RegExp(`^${FORWARDED_HTTPS_PATTERN}$`, "i").test(forwardedProto);
}

/** A strict CSP for what holds no script and no markup to run: JSON, images, style sheets, files. */
export const NO_CONTENT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A nonce: 128 random bits, base64 (fresh for every request). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The origin of an OpenID issuer URL (`https://auth.example.gouv.fr/api/v2` → `https://auth.example.gouv.fr`), or null. */
export function issuerOrigin(issuer: string | undefined): string | null {
  if (!issuer?.trim()) return null;
  try {
    const url = new URL(issuer.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

export type PageCspOptions = {
  nonce: string;
  /** `next dev`: React needs eval for its debugging information, and dev styles are injected unsigned. */
  dev?: boolean;
  /** The request came over HTTPS: ask the browser to upgrade any http:// sub-resource. */
  https?: boolean;
  /** Origins a form may post to (or be redirected to after posting) besides ours: ProConnect's issuer. */
  formActionOrigins?: readonly string[];
  /**
   * Inline `<style>` elements allowed without a nonce (next-auth's built-in pages carry one and no
   * script). Pages rendered by Next.js get the nonce on theirs.
   */
  unsignedInlineStyles?: boolean;
};

/**
 * The CSP of an HTML page. Scripts: only those carrying the request's nonce (Next.js signs its own),
 * and what they load ('strict-dynamic'); never 'unsafe-inline'. Style elements: ours or signed;
 * style attributes stay allowed (React and Next.js set some; they cannot run code).
 * `'self'` in script-src only serves browsers without CSP 3 ('strict-dynamic' makes others ignore it).
 */
export function pageContentSecurityPolicy(options: PageCspOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const inlineStyleElements = options.dev || options.unsignedInlineStyles ? "'unsafe-inline'" : nonce;
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce} 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // CSP 2 browsers (no -elem/-attr directives) fall back on this one.
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' ${inlineStyleElements}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    ["form-action 'self'", ...(options.formActionOrigins ?? [])].join(" "),
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
