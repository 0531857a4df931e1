import { cookies } from "next/headers";
import { proConnectDiscovery, proConnectSettings } from "../../../../lib/auth/proconnect";
import { decodeSession, readSessionCookie, secureCookies, sessionCookieName } from "../../../../lib/auth/session-cookie";
import { isSameOrigin, redirectWithCookies } from "../../../../lib/auth/sign-in-flow";

/**
 * Sign-out (the /deconnexion form): clears the session cookie; when the session came from ProConnect,
 * continues to ProConnect's end_session_endpoint (id_token_hint, post_logout_redirect_uri) so that the
 * ProConnect session ends too.
 */
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!isSameOrigin(req)) {
    return new Response("Requête refusée : elle ne vient pas de ce site.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const jar = await cookies();
  const session = await decodeSession(readSessionCookie((name) => jar.get(name)?.value));
  let location = "/deconnexion";

  const settings = proConnectSettings();
  if (settings && session?.provider === "proconnect" && typeof session.idToken === "string") {
    try {
      const endpoint = (await proConnectDiscovery(settings)).end_session_endpoint;
      if (typeof endpoint === "string") {
        const base = process.env.NEXTAUTH_URL ?? new URL(req.url).origin;
        const url = new URL(endpoint);
        url.searchParams.set("id_token_hint", session.idToken);
        url.searchParams.set("state", crypto.randomUUID());
        url.searchParams.set("post_logout_redirect_uri", new URL("/deconnexion", base).toString());
        location = url.toString();
      }
    } catch (error) {
      console.error("[auth] ProConnect end_session :", error instanceof Error ? error.message : error);
    }
  }

  const response = redirectWithCookies(location);
  const name = sessionCookieName();
  for (const cookie of jar.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) {
      response.headers.append(
        "Set-Cookie",
        `${cookie.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`,
      );
    }
  }
  return response;
}
