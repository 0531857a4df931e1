import type { PrismaClient } from "../generated/prisma/client";

/**
 * The sign-in limit, counted in the database (LoginAttempt) so that it holds across server processes:
 * after MAX_FAILURES wrong passwords within WINDOW for one account, or from one address, every further
 * attempt (the 11th…) is refused with HTTP 429 — right password or not — until the window slides past.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 10;

export const RATE_LIMITED_MESSAGE =
  "Trop de tentatives de connexion ont échoué : pour protéger ce compte, réessayez dans 15 minutes.";

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export interface LimitState {
  limited: boolean;
  /** What reached the limit: the account, the address, or both. */
  by: Array<"account" | "address">;
  /** Seconds until the oldest counted failure leaves the window (for Retry-After). */
  retryAfterSeconds: number;
}

/** Counts the failures of the window for this e-mail and this address (two indexed queries, in parallel). */
export async function loginLimitState(
  prisma: PrismaClient,
  { email, ip }: { email: string; ip: string },
  now = new Date(),
): Promise<LimitState> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failures = (where: { email: string } | { ip: string }) =>
    prisma.loginAttempt.findMany({
      where: { ...where, succeeded: false, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES,
    });
  const [byAccount, byAddress] = await Promise.all([failures({ email: normaliseEmail(email) }), failures({ ip })]);
  const by: LimitState["by"] = [];
  let oldest = Infinity;
  for (const [kind, rows] of [["account", byAccount], ["address", byAddress]] as const) {
    if (rows.length >= MAX_FAILURES) {
      by.push(kind);
      oldest = Math.min(oldest, rows[rows.length - 1]!.createdAt.getTime());
    }
  }
  const retryAfterSeconds = by.length ? Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - now.getTime()) / 1000)) : 0;
  return { limited: by.length > 0, by, retryAfterSeconds };
}

export async function recordLoginAttempt(
  prisma: PrismaClient,
  { email, ip, succeeded }: { email: string; ip: string; succeeded: boolean },
): Promise<void> {
  await prisma.loginAttempt.create({ data: { email: normaliseEmail(email).slice(0, 320), ip: ip.slice(0, 64), succeeded } });
}

/** The audit entry of a refused attempt (the account's id when it exists). */
export async function auditRateLimited(
  prisma: PrismaClient,
  { email, ip, state }: { email: string; ip: string; state: LimitState },
): Promise<void> {
  const normalised = normaliseEmail(email).slice(0, 320);
  const user = await prisma.user.findUnique({ where: { email: normalised }, select: { id: true } });
  await prisma.auditEvent.create({
    data: {
      action: "login.rate_limited",
      actorId: user?.id ?? null,
      email: normalised,
      ip: ip.slice(0, 64),
      detail: { by: state.by, windowMinutes: LOGIN_WINDOW_MS / 60_000, maxFailures: MAX_FAILURES },
    },
  });
}

/**
 * The client's address: the last entry of X-Forwarded-For (the one the nearest proxy — or Next.js itself,
 * which sets it from the socket when absent — saw), else "inconnue".
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ? last.replace(/^::ffff:/, "") : "inconnue";
}
