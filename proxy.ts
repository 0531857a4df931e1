import { NextResponse, type NextRequest } from "next/server";

/**
 * Addresses whose path is not valid percent-encoded UTF-8 (`/financements/%FF`) would make Next.js
 * answer 500 while decoding the dynamic segment: they get a clear 400 instead, in JSON for the API.
 * Only the paths with a dynamic segment pass through here (see `config.matcher`).
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    const message = "Adresse invalide : elle contient des caractères mal encodés.";
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json(
        { error: { code: "invalid_parameter", message, parameter: null } },
        { status: 400, headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" } },
      );
    }
    const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Adresse invalide</title></head><body><main><h1>Adresse invalide</h1><p>${message}</p><p><a href="/">Retour à l'accueil</a> · <a href="/financements">Trouver un financement</a></p></main></body></html>`;
    return new NextResponse(page, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  }
}

export const config = {
  matcher: ["/financements/:path+", "/financeurs/:path+", "/territoires/:path+", "/api/v1/programmes/:path+"],
};
