import type { NextConfig } from "next";
import { FORWARDED_HTTPS_PATTERN, HSTS_HEADER, NO_CONTENT_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: the 403 page of lib/auth/guard.ts's requireActor.
  experimental: { authInterrupts: true },
  // NEXT_DIST_DIR lets two builds of the same checkout live side by side (e.g. a second server for tests).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Loaded from node_modules at run time: PGlite reads its WebAssembly and data files beside its code.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "@node-rs/argon2"],
  // Security headers of every response (lib/security/headers.ts). The CSP here is the strict one of
  // responses without scripts (the JSON API, files); proxy.ts replaces it on pages by one with a
  // nonce. Static headers stay here rather than in the proxy: the API does not pay for a proxy call.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS, { key: "content-security-policy", value: NO_CONTENT_CSP }] },
      // HSTS only where the browser came through HTTPS (a TLS-terminating proxy says so).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: FORWARDED_HTTPS_PATTERN }],
        headers: [HSTS_HEADER],
      },
    ];
  },
};

export default nextConfig;
