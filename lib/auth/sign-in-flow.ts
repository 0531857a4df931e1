import "server-only";
import { createHash, randomBytes } from "node:crypto";
import NextAuth from "next-auth";
import { getPrisma } from "../db/client";
import { safeCallbackPath } from "./guard";
import { auditRateLimited, clientAddress, loginLimitState, RATE_LIMITED_MESSAGE } from "./login-limit";
import { getAuthOptions } from "./options";
import { cookieLookup, secureCookies } from "./session-cookie";

export { isSameOrigin } from "../security/same-origin";

/**
 * The sign-in forms of /connexion post here (app/api/auth/connexion, app/api/auth/proconnect): plain HTML
 * forms, so they work without JavaScript. The routes check the request's origin (CSRF), then hand the
 * request to next-auth's own handler in this process — the credentials provider or the ProConnect provider —
 * with a CSRF token made for it, and return next-auth's cookies. next-auth stays the session system.
 */

const headersObject = (req: Request): Record<string, string> => Object.fromEntries(req.headers.entries());

/** What next-auth answered: status, Location and the Set-Cookie lines. */
export interface NextAuthAnswer {
  status: number;
  location: string | null;
  setCookies: string[];
}

/**
 * Calls next-auth's handler as a POST of its own (with a fresh, valid CSRF token and cookie), through its
 * documented (req, res, options) form, and collects what it answers.
 */
export async function callNextAuth(
  req: Request,
  action: "callback" | "signin",
  providerId: string,
  body: Record<string, string>,
): Promise<NextAuthAnswer> {
  const options = getAuthOptions();
  const csrfToken = randomBytes(32).toString("hex");
  const csrfHash = createHash("sha256").update(`${csrfToken}${options.secret}`).digest("hex");
  const csrfCookieName = `${secureCookies() ? "__Host-" : ""}next-auth.csrf-token`;
  const lookup = cookieLookup(req.headers.get("cookie"));
  const cookies: Record<string, string> = {};
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const name = part.split("=")[0]?.trim();
    if (name) cookies[name] = lookup(name) ?? "";
  }
  cookies[csrfCookieName] = `${csrfToken}|${csrfHash}`;

  const answer: NextAuthAnswer = { status: 200, location: null, setCookies: [] };
  const headers = new Map<string, string | string[]>();
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
      if (name.toLowerCase() === "location") answer.location = String(value);
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: () => undefined,
    json: () => undefined,
    send: () => undefined,
  };
  const fakeReq = {
    method: "POST",
    query: { nextauth: [action, providerId] },
    headers: headersObject(req),
    cookies,
    body: { ...body, csrfToken },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(fakeReq, res, options);
  const setCookie = headers.get("set-cookie");
  answer.setCookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return answer;
}

/**
 * A 303 redirect (relative: it stays on the host the browser used) carrying next-auth's cookies.
 * Add further cookies with headers.append (response.cookies.set would drop the appended lines).
 */
export function redirectWithCookies(location: string, answer?: NextAuthAnswer): Response {
  const response = new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  for (const line of answer?.setCookies ?? []) response.headers.append("Set-Cookie", line);
  return response;
}

/** The sign-in limit's answer: HTTP 429 with a French sentence (HTML for forms, JSON for programs). */
export function rateLimitedResponse(req: Request, retryAfterSeconds: number): Response {
  const headers = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };
  if ((req.headers.get("accept") ?? "").includes("application/json") && !(req.headers.get("accept") ?? "").includes("text/html")) {
    return Response.json({ error: { code: "rate_limited", message: RATE_LIMITED_MESSAGE } }, { status: 429, headers });
  }
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trop de tentatives — Connexion</title></head><body><main><h1>Trop de tentatives</h1><p role="alert">${RATE_LIMITED_MESSAGE}</p><p><a href="/connexion">Revenir à la page de connexion</a> · <a href="/">Accueil</a></p></main></body></html>`;
  return new Response(page, { status: 429, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** The limit, checked before any password is looked at; when reached, records the audit entry. */
export async function checkLoginLimit(req: Request, email: string): Promise<Response | null> {
  const prisma = await getPrisma();
  const ip = clientAddress(req.headers);
  const state = await loginLimitState(prisma, { email, ip });
  if (!state.limited) return null;
  await auditRateLimited(prisma, { email, ip, state });
  return rateLimitedResponse(req, state.retryAfterSeconds);
}

const FLASH_EMAIL_COOKIE = "connexion-email";
export const flashEmailCookieName = FLASH_EMAIL_COOKIE;
/** The e-mail typed, kept two minutes for the form shown again after an error (never the password). */
const flashCookie = (value: string, maxAge: number) =>
  `${FLASH_EMAIL_COOKIE}=${value}; Path=/connexion; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;

/** E-mail and password from the /connexion form: limit → next-auth's credentials provider → redirect. */
export async function passwordSignIn(req: Request, form: FormData): Promise<Response> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const callbackPath = safeCallbackPath(String(form.get("callbackUrl") ?? ""));
  const back = (erreur: string) => {
    const query = new URLSearchParams({ erreur });
    if (callbackPath !== "/admin") query.set("callbackUrl", callbackPath);
    const response = redirectWithCookies(`/connexion?${query}`);
    if (email) response.headers.append("Set-Cookie", flashCookie(encodeURIComponent(email.slice(0, 320)), 120));
    return response;
  };
  if (!email && !password) return back("champs-vides");
  if (!email) return back("email-vide");
  if (!password) return back("mot-de-passe-vide");

  const limited = await checkLoginLimit(req, email);
  if (limited) return limited;

  const internal = await callNextAuth(req, "callback", "credentials", { email, password, callbackUrl: callbackPath });
  const signedIn = internal.setCookies.some((line) => /^(__Secure-)?next-auth\.session-token(\.0)?=[^;]+/.test(line));
  if (!signedIn) return back("identifiants");
  const response = redirectWithCookies(callbackPath, internal);
  response.headers.append("Set-Cookie", flashCookie("", 0));
  return response;
}
