import { hash, verify } from "@node-rs/argon2";
import { MAX_PASSWORD_LENGTH } from "./password-rules";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "./password-rules";

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
