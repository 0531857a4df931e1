"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/admin/form/fields";
import { SubmitButton } from "@/components/admin/form/submit-button";
import { inviteUserAction } from "@/lib/actions/account";
import { initialAccountState } from "@/lib/actions/account-state";
import { ROLES, roleLabels } from "@/lib/auth/policy";
import { AccountFeedback } from "./account-feedback";

const labels = { email: "Adresse e-mail", name: "Nom", role: "Rôle" };

/** Invite someone: the account is created with an initial password shown once (or they use ProConnect). */
export function InviteForm() {
  const [state, action] = useActionState(inviteUserAction, initialAccountState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? `ok-${state.attempt}` : "form"}>
      <AccountFeedback state={state} labels={labels} />
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="email" type="email" label="Adresse e-mail" required autoComplete="off" defaultValue={values.email} error={state.fieldErrors?.email} hint="Professionnelle, la même que chez ProConnect." />
        <TextField name="name" label="Nom" required defaultValue={values.name} error={state.fieldErrors?.name} hint="Prénom et nom." />
        <SelectField
          name="role"
          label="Rôle"
          required
          defaultValue={values.role ?? "contributor"}
          error={state.fieldErrors?.role}
          options={ROLES.map((r) => ({ value: r, label: roleLabels[r] }))}
          hint="Modifiable ensuite."
        />
      </div>
      <SubmitButton pendingLabel="Invitation…">Inviter</SubmitButton>
    </form>
  );
}
