import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { getAuthSecret } from "./secret";

/**
 * The next-auth session cookie: its name (with the __Secure- prefix behind HTTPS) and how to read it
 * from any cookie source (next/headers in pages, the Cookie header in route handlers).
 */
export const secureCookies = (): boolean => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const sessionCookieName = (): string =>
  `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;

/** The cookie's value, joined again when next-auth split it in chunks (`name.0`, `name.1`…). */
export function readSessionCookie(get: (name: string) => string | undefined): string | undefined {
  const name = sessionCookieName();
  const whole = get(name);
  if (whole) return whole;
  let joined = "";
  for (let i = 0; ; i++) {
    const chunk = get(`${name}.${i}`);
    if (chunk === undefined) break;
    joined += chunk;
  }
  return joined || undefined;
}

/** The decoded session (null when absent, expired, or signed with another secret). */
export async function decodeSession(raw: string | undefined): Promise<JWT | null> {
  if (!raw) return null;
  try {
    return await decode({ token: raw, secret: getAuthSecret() });
  } catch {
    return null;
  }
}

/** Parses a Cookie header into a lookup function. */
export function cookieLookup(header: string | null): (name: string) => string | undefined {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    if (!jar.has(key)) {
      const value = part.slice(eq + 1).trim();
      try {
        jar.set(key, decodeURIComponent(value));
      } catch {
        jar.set(key, value);
      }
    }
  }
  return (name) => jar.get(name);
}
