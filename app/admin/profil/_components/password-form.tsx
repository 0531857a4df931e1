"use client";

import { useActionState } from "react";
import { FieldMessage } from "@/components/admin/form/fields";
import { describedBy, fieldId, hintId } from "@/components/admin/form/field-ids";
import { SubmitButton } from "@/components/admin/form/submit-button";
import { changePasswordAction } from "@/lib/actions/account-profile";
import { initialAccountState } from "@/lib/actions/account-state";
import { AccountFeedback } from "../../utilisateurs/_components/account-feedback";

const labels = {
  currentPassword: "Mot de passe actuel",
  newPassword: "Nouveau mot de passe",
  confirmPassword: "Confirmation du nouveau mot de passe",
};

function PasswordField({ name, error, hint, autoComplete }: { name: keyof typeof labels; error?: string; hint?: string; autoComplete: string }) {
  return (
    <div>
      <label htmlFor={fieldId(name)} className="block font-semibold">
        {labels[name]}
        <span className="text-accent"> *<span className="sr-only"> (obligatoire)</span></span>
      </label>
      {hint && <p id={hintId(name)} className="text-sm text-muted">{hint}</p>}
      <input
        id={fieldId(name)}
        name={name}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, { hint, error })}
        className={`mt-1 w-full rounded-t border-b-2 bg-surface px-3 py-2 ${error ? "border-accent" : "border-ink"}`}
      />
      <FieldMessage path={name} error={error} />
    </div>
  );
}

/** Change my password: the current one is required. Passwords are never sent back to the page. */
export function PasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, initialAccountState);
  return (
    <form action={action} className="space-y-4" noValidate key={state.attempt}>
      <AccountFeedback state={state} labels={labels} />
      {/* Helps password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" defaultValue={email} hidden readOnly />
      <PasswordField name="currentPassword" autoComplete="current-password" error={state.fieldErrors?.currentPassword} />
      <PasswordField name="newPassword" autoComplete="new-password" error={state.fieldErrors?.newPassword} hint="12 caractères au moins ; une phrase de plusieurs mots est plus sûre et plus facile à retenir." />
      <PasswordField name="confirmPassword" autoComplete="new-password" error={state.fieldErrors?.confirmPassword} />
      <SubmitButton pendingLabel="Enregistrement…">Changer mon mot de passe</SubmitButton>
    </form>
  );
}
