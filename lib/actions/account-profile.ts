"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/guard";
import { createApiToken, revokeApiToken } from "../data/api-tokens";
import { changeOwnPassword } from "../data/users";
import { revokeTokenSchema } from "../validation/account";
import { failure, success, text } from "./account-outcome";
import type { AccountActionState } from "./account-state";

/** /admin/profil: my password, my personal API tokens. Every role; each acts on the signed-in account only. */

const PAGE = "/admin/profil";

export async function changePasswordAction(previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const actor = await requireActor();
  try {
    await changeOwnPassword(actor, {
      currentPassword: text(form, "currentPassword"),
      newPassword: text(form, "newPassword"),
      confirmPassword: text(form, "confirmPassword"),
    });
    return success(previous, "Mot de passe modifié. Il servira dès votre prochaine connexion.");
  } catch (error) {
    return failure(error, previous);
  }
}

export async function createTokenAction(previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const actor = await requireActor();
  const values = { name: text(form, "name"), lifetime: text(form, "lifetime") };
  try {
    const { token } = await createApiToken(actor, values);
    revalidatePath(PAGE);
    return success(previous, `Jeton « ${values.name.trim()} » créé. Copiez-le maintenant : il ne sera plus affiché.`, {
      label: "Votre nouveau jeton d'API",
      value: token,
    });
  } catch (error) {
    return failure(error, previous, values);
  }
}

export async function revokeTokenAction(previous: AccountActionState, form: FormData): Promise<AccountActionState> {
  const actor = await requireActor();
  const parsed = revokeTokenSchema.safeParse({ tokenId: text(form, "tokenId") });
  try {
    if (!parsed.success) throw parsed.error;
    await revokeApiToken(actor, parsed.data.tokenId);
    revalidatePath(PAGE);
    return success(previous, "Jeton révoqué : il ne donne plus accès à l'API.");
  } catch (error) {
    if (!parsed.success) return { ok: false, attempt: previous.attempt + 1, message: "Jeton inconnu." };
    return failure(error, previous);
  }
}
