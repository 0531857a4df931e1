import { isSameOrigin, passwordSignIn } from "../../../../lib/auth/sign-in-flow";

/** The /connexion form (e-mail and password): a plain HTML form post, so it works without JavaScript. */
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!isSameOrigin(req)) {
    return new Response("Requête refusée : elle ne vient pas de ce site.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const form = await req.formData().catch(() => null);
  if (!form) return new Response("Formulaire illisible.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return passwordSignIn(req, form);
}
