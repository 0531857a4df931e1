import NextAuth from "next-auth";
import { getAuthOptions } from "../../../../lib/auth/options";
import { checkLoginLimit } from "../../../../lib/auth/sign-in-flow";

/**
 * next-auth's own endpoints (csrf, session, providers, OAuth callbacks, signout). A direct POST of
 * e-mail and password to /api/auth/callback/credentials goes through the same sign-in limit (429) as the
 * /connexion form (app/api/auth/connexion).
 */
type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, context: Context) =>
  (NextAuth as unknown as (req: Request, context: Context, options: unknown) => Promise<Response>)(
    req,
    context,
    getAuthOptions(),
  );

export const dynamic = "force-dynamic";

export const GET = handler;

export async function POST(req: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth?.[0] === "callback" && nextauth[1] === "credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = typeof form?.get("email") === "string" ? String(form.get("email")) : "";
    const limited = await checkLoginLimit(req, email);
    if (limited) return limited;
  }
  return handler(req, context);
}
