import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getPrisma } from "../db/client";
import { DomainError } from "../errors";
import { loadActor } from "./actor";
import { actorFromToken } from "./api-tokens";
import { type Actor, hasRole, type Role } from "./policy";
import { cookieLookup, decodeSession, readSessionCookie } from "./session-cookie";

/**
 * THE entry point of authentication for every admin page, server action and /api/v1/admin route.
 * Each call reads the account from the database (one query by primary key, or by token hash), so that a
 * disabled account or a changed role takes effect at its next request.
 */

/** The signed-in person (session cookie), or null: no session, unknown or disabled account. */
export async function getActor(): Promise<Actor | null> {
  const jar = await cookies();
  const session = await decodeSession(readSessionCookie((name) => jar.get(name)?.value));
  if (!session?.sub) return null;
  return loadActor(await getPrisma(), session.sub);
}

/** A same-origin path to come back to after signing in (anything else becomes /admin). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/admin"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://localhost");
    if (url.origin !== "http://localhost") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/** The path of the page being rendered, when the request says it (x-pathname from proxy.ts, or next-url). */
async function currentPath(): Promise<string> {
  const h = await headers();
  return safeCallbackPath(h.get("x-pathname") ?? h.get("next-url"));
}

/**
 * For pages, layouts and server actions: the signed-in person, with at least `minimum` as role.
 * Anonymous → redirect to /connexion?callbackUrl=…; a role too low → the 403 page (app/forbidden.tsx).
 */
export async function requireActor(minimum: Role = "contributor"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?callbackUrl=${encodeURIComponent(await currentPath())}`);
  if (!hasRole(actor.role, minimum)) forbidden();
  return actor;
}

/** For route handlers: a personal API token (Authorization: Bearer …) or else the session cookie. */
export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const prisma = await getPrisma();
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    // A credential was given: it alone decides (a bad token never falls back to the cookie).
    return match?.[1] ? actorFromToken(prisma, match[1]) : null;
  }
  const session = await decodeSession(readSessionCookie(cookieLookup(req.headers.get("cookie"))));
  return session?.sub ? loadActor(prisma, session.sub) : null;
}

/** For route handlers: like actorFromRequest, but throws DomainError unauthenticated (401) or forbidden (403). */
export async function requireApiActor(req: Request, minimum: Role = "contributor"): Promise<Actor> {
  const actor = await actorFromRequest(req);
  if (!actor) {
    throw new DomainError(
      "unauthenticated",
      "Authentification requise : connectez-vous ou fournissez un jeton d'API valide (en-tête Authorization: Bearer …).",
    );
  }
  if (!hasRole(actor.role, minimum)) {
    throw new DomainError("forbidden", "Votre rôle ne permet pas cette opération.");
  }
  return actor;
}
