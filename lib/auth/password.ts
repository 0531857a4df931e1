import { hash, verify } from "@node-rs/argon2";

/**
 * Password hashing: argon2id at OWASP's recommended minimum (m=19 MiB, t=2, p=1), in PHC format
 * ($argon2id$v=19$m=19456,t=2,p=1$…). Passwords are never logged nor stored in clear.
 */
export const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

/** A hash to verify against when the account is unknown, so that both cases take the same time. */
let dummyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; false (after the same work) when there is no hash. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (!passwordHash) {
    dummyHash ??= hashPassword("mot de passe factice pour égaliser les durées");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A French sentence when the new password is too weak, else null. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Le mot de passe doit contenir au plus ${MAX_PASSWORD_LENGTH} caractères.`;
  }
  const local = email?.toLowerCase().split("@")[0] ?? "";
  if (local.length >= 6 && password.toLowerCase().includes(local)) {
    return "Le mot de passe ne doit pas contenir votre adresse e-mail.";
  }
  if (new Set(password).size < 4) return "Le mot de passe est trop répétitif.";
  return null;
}
