"use client";

import { useActionState } from "react";
import { SelectField, TextField } from "@/components/admin/form/fields";
import { SubmitButton } from "@/components/admin/form/submit-button";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/account-profile";
import { initialAccountState } from "@/lib/actions/account-state";
import { TOKEN_LIFETIMES, tokenLifetimeLabels } from "@/lib/validation/account";
import { AccountFeedback } from "../../utilisateurs/_components/account-feedback";

const labels = { name: "Nom du jeton", lifetime: "Validité" };

/** Create a personal API token: shown once, right here, then only its prefix. */
export function CreateTokenForm() {
  const [state, action] = useActionState(createTokenAction, initialAccountState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? `ok-${state.attempt}` : "form"}>
      <AccountFeedback state={state} labels={labels} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="name" label="Nom du jeton" required maxLength={100} defaultValue={values.name} error={state.fieldErrors?.name} hint="Pour le reconnaître : « Import depuis notre tableur »." />
        <SelectField
          name="lifetime"
          label="Validité"
          defaultValue={values.lifetime ?? "90"}
          error={state.fieldErrors?.lifetime}
          options={TOKEN_LIFETIMES.map((v) => ({ value: v, label: tokenLifetimeLabels[v] }))}
        />
      </div>
      <SubmitButton pendingLabel="Création…">Créer un jeton</SubmitButton>
    </form>
  );
}

export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action] = useActionState(revokeTokenAction, initialAccountState);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton variant="secondary">
        Révoquer<span className="sr-only"> le jeton « {name} »</span>
      </SubmitButton>
      <AccountFeedback state={state} labels={{}} />
    </form>
  );
}
