"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/admin/form/submit-button";
import { changeRoleAction, resetPasswordAction, setDisabledAction } from "@/lib/actions/account";
import { initialAccountState } from "@/lib/actions/account-state";
import { ROLES, roleLabels, type Role } from "@/lib/auth/policy";
import { AccountFeedback } from "./account-feedback";

interface Props {
  user: { id: string; name: string; role: Role; disabled: boolean; version: number };
  isSelf: boolean;
}

/** One account's actions (role, disable or re-enable, new password); each form carries the version. */
export function UserActions({ user, isSelf }: Props) {
  const [roleState, roleAction] = useActionState(changeRoleAction, initialAccountState);
  const [disableState, disableAction] = useActionState(setDisabledAction, initialAccountState);
  const [resetState, resetAction] = useActionState(resetPasswordAction, initialAccountState);
  const roleId = `role-${user.id}`;
  return (
    <div className="space-y-3">
      {isSelf ? (
        <p className="text-sm text-muted">C&apos;est votre compte : un autre administrateur peut changer votre rôle ou le désactiver.</p>
      ) : (
        <>
          <form action={roleAction} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="version" value={user.version} />
            <div>
              <label htmlFor={roleId} className="block text-sm font-semibold">
                Rôle de {user.name}
              </label>
              <select id={roleId} name="role" defaultValue={user.role} className="mt-1 rounded-t border-b-2 border-ink bg-surface px-2 py-1.5">
                {ROLES.map((r) => (
                  <option key={r} value={r}>{roleLabels[r]}</option>
                ))}
              </select>
            </div>
            <SubmitButton variant="secondary" pendingLabel="Enregistrement…">Changer le rôle</SubmitButton>
          </form>
          <AccountFeedback state={roleState} labels={{}} />
          <form action={disableAction}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="version" value={user.version} />
            <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
            <SubmitButton variant="secondary">
              {user.disabled ? "Réactiver" : "Désactiver"}
              <span className="sr-only"> le compte de {user.name}</span>
            </SubmitButton>
          </form>
          <AccountFeedback state={disableState} labels={{}} />
        </>
      )}
      <form action={resetAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="version" value={user.version} />
        <SubmitButton variant="secondary">
          Nouveau mot de passe<span className="sr-only"> pour {user.name}</span>
        </SubmitButton>
      </form>
      <AccountFeedback state={resetState} labels={{}} />
    </div>
  );
}
