/** What a new password must be (pure: also imported by client forms through lib/validation/account.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

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
