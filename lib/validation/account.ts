import { z } from "zod";
import { MAX_PASSWORD_LENGTH, passwordProblem } from "../auth/password-rules";
import { ROLES } from "../auth/policy";

/**
 * The account forms' inputs (/admin/utilisateurs and /admin/profil), shared by the server actions and
 * the data functions. Messages in French, each starting with what the field is.
 */

const uuid = z.uuid({ error: "Compte inconnu." });
const version = z.coerce.number({ error: "Version manquante." }).int().min(1, { error: "Version manquante." });

export const emailSchema = z
  .string({ error: "L'adresse e-mail est obligatoire." })
  .trim()
  .toLowerCase()
  .min(1, { error: "L'adresse e-mail est obligatoire." })
  .max(320, { error: "L'adresse e-mail est trop longue (320 caractères au plus)." })
  .pipe(z.email({ error: "L'adresse e-mail n'est pas valide (format attendu : nom@domaine.fr)." }));

export const roleSchema = z.enum(ROLES, { error: "Le rôle choisi n'existe pas." });

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: z
    .string({ error: "Le nom est obligatoire." })
    .trim()
    .min(1, { error: "Le nom est obligatoire." })
    .max(200, { error: "Le nom est trop long (200 caractères au plus)." }),
  role: roleSchema,
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

export const changeRoleSchema = z.object({ userId: uuid, role: roleSchema, version });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setDisabledSchema = z.object({
  userId: uuid,
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
  version,
});
export type SetDisabledInput = z.infer<typeof setDisabledSchema>;

export const resetPasswordSchema = z.object({ userId: uuid, version });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, { error: "Le mot de passe actuel est obligatoire." })
      .max(MAX_PASSWORD_LENGTH, { error: "Le mot de passe actuel est incorrect." }),
    newPassword: z.string().min(1, { error: "Le nouveau mot de passe est obligatoire." }),
    confirmPassword: z.string().min(1, { error: "La confirmation du nouveau mot de passe est obligatoire." }),
  })
  .superRefine((value, ctx) => {
    const problem = value.newPassword ? passwordProblem(value.newPassword) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: `Le nouveau mot de passe : ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` });
    if (value.newPassword && value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "La confirmation ne correspond pas au nouveau mot de passe." });
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Le nouveau mot de passe doit différer de l'actuel." });
    }
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const TOKEN_LIFETIMES = ["30", "90", "365", "aucune"] as const;
export const tokenLifetimeLabels: Record<(typeof TOKEN_LIFETIMES)[number], string> = {
  "30": "30 jours",
  "90": "90 jours",
  "365": "1 an",
  aucune: "Sans expiration",
};

export const createTokenSchema = z.object({
  name: z
    .string({ error: "Le nom du jeton est obligatoire." })
    .trim()
    .min(1, { error: "Le nom du jeton est obligatoire (par exemple : « Import depuis notre tableur »)." })
    .max(100, { error: "Le nom du jeton est trop long (100 caractères au plus)." }),
  lifetime: z.enum(TOKEN_LIFETIMES, { error: "La durée de validité choisie n'existe pas." }),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: z.uuid({ error: "Jeton inconnu." }) });

/** zod issues → { field: first message } for the forms. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}
