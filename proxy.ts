import { NextResponse, type NextRequest } from "next/server";
import {
  HSTS_HEADER,
  NO_CONTENT_CSP,
  createNonce,
  isHttpsRequest,
  issuerOrigin,
  pageContentSecurityPolicy,
} from "./lib/security/headers";

/**
 * Runs before every page (see `config.matcher`):
 * - a Content-Security-Policy with a fresh nonce, set on the response and on the request (Next.js
 *   reads the nonce there and puts it on its own scripts; `x-nonce` gives it to server components).
 *   The static headers, and the strict CSP of JSON and files, come from next.config.ts;
 * - addresses whose path is not valid percent-encoded UTF-8 (`/financements/%FF`) would make Next.js
 *   answer 500 while decoding the dynamic segment: they get a clear 400 instead, in JSON for the API.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return badlyEncoded(pathname);
  }
  // The JSON API: next.config.ts's static headers (this proxy only checks its dynamic paths' encoding).
  if (pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/")) return NextResponse.next();

  const https = isHttpsRequest(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const nonce = createNonce();
  const csp = pageContentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https,
    formActionOrigins: formActionOrigins(),
    unsignedInlineStyles: pathname.startsWith("/api/auth/"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The page's own address, for the sign-in redirect's callbackUrl (lib/auth/guard.ts requireActor).
  requestHeaders.set("x-pathname", pathname + request.nextUrl.search);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
}

let proConnectOrigins: string[] | undefined;

/** ProConnect's sign-in button posts to next-auth, which redirects to the issuer: form-action must allow it. */
function formActionOrigins(): string[] {
  if (proConnectOrigins === undefined) {
    const origin = issuerOrigin(process.env.PROCONNECT_ISSUER);
    proConnectOrigins = origin ? [origin] : [];
  }
  return proConnectOrigins;
}

function badlyEncoded(pathname: string) {
  const message = "Adresse invalide : elle contient des caractères mal encodés.";
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "invalid_parameter", message, parameter: null } },
      { status: 400, headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store", "Content-Security-Policy": NO_CONTENT_CSP } },
    );
  }
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Adresse invalide</title></head><body><main><h1>Adresse invalide</h1><p>${message}</p><p><a href="/">Retour à l'accueil</a> · <a href="/financements">Trouver un financement</a></p></main></body></html>`;
  return new NextResponse(page, {
    status: 400,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      // No script, no style: nothing but the page's own links.
      "Content-Security-Policy": NO_CONTENT_CSP,
    },
  });
}

export const config = {
  matcher: [
    // Every page, the 404 page and next-auth's routes; not the JSON API, Next's files nor the metadata files.
    "/((?!api/|_next/static/|_next/image|robots\\.txt$|sitemap\\.xml$|icon\\.svg$|favicon\\.ico$).*)",
    "/api/auth/:path*",
    // The API's dynamic paths, for the encoding check.
    "/api/v1/programmes/:path+",
  ],
};
