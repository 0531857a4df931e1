"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { roleLabels } from "../auth/policy";
import { changeUserRole, inviteUser, resetUserPassword, setUserDisabled } from "../data/users";
import { failure, success, text } from "./account-outcome";
import type { AccountActionState } from "./account-state";

/**
 * /admin/utilisateurs (admin only): invite, change a role, disable or re-enable, set a new password.
 * Each action: requireActor("admin") → the data function (parse, authorize, versioned update, audit).
 */

const PAGE = "/admin/utilisateurs";

export async function inviteUserAction(previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const actor = await requireActor("admin");
  const values = { email: text(form, "email"), name: text(form, "name"), role: text(form, "role") };
  try {
    const { email, initialPassword } = await inviteUser(actor, values);
    revalidatePath(PAGE);
    return success(
      previous,
      `Compte créé pour ${email}. Transmettez-lui ce mot de passe initial par un canal sûr : il ne sera plus affiché. La personne peut aussi s'identifier avec ProConnect si son adresse y est la même.`,
      { label: `Mot de passe initial de ${email}`, value: initialPassword },
    );
  } catch (error) {
    return failure(error, previous, values);
  }
}

export async function changeRoleAction(previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const actor = await requireActor("admin");
  try {
    const role = text(form, "role");
    await changeUserRole(actor, { userId: text(form, "userId"), role, version: text(form, "version") });
    revalidatePath(PAGE);
    return success(previous, `Rôle enregistré : ${roleLabels[role as keyof typeof roleLabels] ?? role}.`);
  } catch (error) {
    revalidatePath(PAGE);
    return failure(error, previous);
  }
}

export async function setDisabledAction(previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const actor = await requireActor("admin");
  try {
    const disabled = text(form, "disabled");
    await setUserDisabled(actor, { userId: text(form, "userId"), disabled, version: text(form, "version") });
    revalidatePath(PAGE);
    return success(previous, disabled === "true" ? "Compte désactivé : il perd l'accès dès sa prochaine requête." : "Compte réactivé.");
  } catch (error) {
    revalidatePath(PAGE);
    return failure(error, previous);
  }
}

export async function resetPasswordAction(previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const actor = await requireActor("admin");
  try {
    const { password } = await resetUserPassword(actor, { userId: text(form, "userId"), version: text(form, "version") });
    revalidatePath(PAGE);
    return success(previous, "Nouveau mot de passe enregistré. Transmettez-le par un canal sûr : il ne sera plus affiché.", {
      label: "Nouveau mot de passe",
      value: password,
    });
  } catch (error) {
    revalidatePath(PAGE);
    return failure(error, previous);
  }
}
