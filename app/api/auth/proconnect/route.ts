import { safeCallbackPath } from "../../../../lib/auth/guard";
import { isProConnectEnabled } from "../../../../lib/auth/proconnect";
import { callNextAuth, isSameOrigin, redirectWithCookies } from "../../../../lib/auth/sign-in-flow";

/**
 * The « S'identifier avec ProConnect » button: next-auth's OAuth sign-in (state, PKCE and nonce cookies,
 * then a redirect to ProConnect's authorization endpoint). A plain form post: works without JavaScript.
 */
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!isSameOrigin(req)) {
    return new Response("Requête refusée : elle ne vient pas de ce site.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (!isProConnectEnabled()) return redirectWithCookies("/connexion?erreur=proconnect-indisponible");
  const form = await req.formData().catch(() => null);
  const callbackUrl = safeCallbackPath(String(form?.get("callbackUrl") ?? ""));
  try {
    const answer = await callNextAuth(req, "signin", "proconnect", { callbackUrl });
    const own = new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000").origin;
    if (!answer.location || !/^https?:\/\//.test(answer.location) || new URL(answer.location).origin === own) {
      return redirectWithCookies("/connexion?erreur=proconnect-indisponible", answer);
    }
    return redirectWithCookies(answer.location, answer);
  } catch (error) {
    console.error("[auth] ProConnect :", error instanceof Error ? error.message : error);
    return redirectWithCookies("/connexion?erreur=proconnect-indisponible");
  }
}
