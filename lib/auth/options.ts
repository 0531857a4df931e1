import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "../db/client";
import { authenticateWithPassword } from "./credentials";
import { clientAddress, normaliseEmail } from "./login-limit";
import { type ProConnectProfile, proConnectProvider, proConnectSettings } from "./proconnect";
import { getAuthSecret } from "./secret";
import { secureCookies } from "./session-cookie";

/**
 * next-auth 4: sessions are signed and encrypted JWTs in an httpOnly, SameSite=Lax cookie (Secure and
 * __Secure- prefixed when NEXTAUTH_URL is https). The token carries only the account's id (`sub`), how it
 * signed in, and ProConnect's id_token (for end_session); lib/auth/guard.ts reads the account itself
 * from the database on every request.
 */

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Why a ProConnect sign-in was refused: shown in French by /connexion (?erreur=…). */
export type ProConnectRefusal = "proconnect-inconnu" | "proconnect-desactive" | "proconnect-autre-identite";

/**
 * The account a ProConnect identity may open: the one already bound to this `sub`, or the invited
 * account with this e-mail and no `sub` yet (bound now). Anything else is refused.
 */
export async function bindProConnectAccount(
  profile: ProConnectProfile,
  now = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false; reason: ProConnectRefusal }> {
  const prisma = await getPrisma();
  const select = { id: true, oidcSub: true, disabledAt: true } as const;
  const email = normaliseEmail(profile.email ?? "");
  const user =
    (await prisma.user.findUnique({ where: { oidcSub: profile.sub }, select })) ??
    (email ? await prisma.user.findUnique({ where: { email }, select }) : null);
  const refuse = async (reason: ProConnectRefusal) => {
    await prisma.auditEvent.create({
      data: { action: "login.proconnect_refused", actorId: user?.id ?? null, email, detail: { reason, sub: profile.sub } },
    });
    return { ok: false as const, reason };
  };
  if (!user) return refuse("proconnect-inconnu");
  if (user.oidcSub && user.oidcSub !== profile.sub) return refuse("proconnect-autre-identite");
  if (user.disabledAt) return refuse("proconnect-desactive");
  const first = !user.oidcSub;
  await prisma.user.update({
    where: { id: user.id },
    data: { oidcSub: profile.sub, lastLoginAt: now, ...(profile.siret ? { siret: profile.siret } : {}) },
  });
  if (first) {
    await prisma.auditEvent.create({
      data: { action: "user.proconnect_bound", actorId: user.id, email, detail: { sub: profile.sub } },
    });
  }
  return { ok: true, userId: user.id };
}

export function buildAuthOptions(): AuthOptions {
  const proconnect = proConnectSettings();
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/connexion", signOut: "/deconnexion", error: "/connexion" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Adresse e-mail et mot de passe",
        credentials: {
          email: { label: "Adresse e-mail", type: "email" },
          password: { label: "Mot de passe", type: "password" },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password) return null;
          const actor = await authenticateWithPassword(await getPrisma(), {
            email,
            password,
            ip: clientAddress((req?.headers ?? {}) as Record<string, string>),
          });
          return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
        },
      }),
      ...(proconnect ? [proConnectProvider(proconnect)] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "proconnect") return true;
        const result = await bindProConnectAccount(profile as unknown as ProConnectProfile);
        if (!result.ok) return `/connexion?erreur=${result.reason}`;
        // The session's sub must be the account's id, not ProConnect's sub (see the jwt callback).
        account.appUserId = result.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (account && user) {
          // A new sign-in: keep only what the app needs.
          const id =
            account.provider === "proconnect"
              ? ((account.appUserId as string | undefined) ??
                (await (await getPrisma()).user.findUnique({ where: { oidcSub: account.providerAccountId } }))?.id)
              : user.id;
          return {
            sub: id,
            provider: account.provider,
            ...(account.provider === "proconnect" && account.id_token ? { idToken: account.id_token } : {}),
          };
        }
        return token;
      },
      async session({ session, token }) {
        // Only the id: pages ask lib/auth/guard.ts for the account (read from the database).
        void token;
        return { expires: session.expires };
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === new URL(baseUrl).origin) return url;
        } catch {
          // not a URL: home
        }
        return `${baseUrl}/admin`;
      },
    },
    logger: {
      // next-auth's messages may carry request bodies: log codes only, never credentials.
      error: (code, metadata) => {
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        console.error(`[auth] ${code}${error instanceof Error ? ` : ${error.message}` : ""}`);
      },
      warn: (code) => console.warn(`[auth] ${code}`),
      debug: () => {},
    },
  };
}

let cached: AuthOptions | undefined;

/** The options, built once per process (after the environment is read). */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
