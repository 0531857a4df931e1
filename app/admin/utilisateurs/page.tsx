import type { Metadata } from "next";
import { TimeStamp } from "@/components/admin/time-stamp";
import { requireActor } from "@/lib/auth/guard";
import { roleLabels } from "@/lib/auth/policy";
import { listUsers } from "@/lib/data/users";
import { InviteForm } from "./_components/invite-form";
import { UserActions } from "./_components/user-actions";

export const metadata: Metadata = { title: "Utilisateurs" };

/** Accounts (admins only): who may sign in, with which role, and since when. */
export default async function UsersPage() {
  const actor = await requireActor("admin");
  const users = await listUsers(actor);
  const active = users.filter((u) => !u.disabledAt).length;
  return (
    <div>
      <h1 className="text-3xl font-bold">Utilisateurs</h1>
      <p className="mt-2 text-muted">
        {active} compte{active > 1 ? "s" : ""} actif{active > 1 ? "s" : ""} sur {users.length}. Un compte désactivé perd
        l&apos;accès dès sa requête suivante ; rien de ce qu&apos;il a écrit n&apos;est effacé.
      </p>

      <section aria-labelledby="inviter-titre" className="mt-8 rounded border border-line p-4">
        <h2 id="inviter-titre" className="text-xl font-bold">Inviter une personne</h2>
        <p className="mt-1 mb-4 text-sm text-muted">
          Le compte est créé avec un mot de passe initial, affiché une seule fois, à transmettre par un canal sûr ; la
          personne le change dans « Mon profil ». Un agent public peut aussi s&apos;identifier avec ProConnect, avec la
          même adresse e-mail.
        </p>
        <InviteForm />
      </section>

      <div className="mt-8 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Comptes de l&apos;espace de curation</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Personne</th>
              <th scope="col" className="py-2 pr-4">Rôle</th>
              <th scope="col" className="py-2 pr-4">Statut</th>
              <th scope="col" className="py-2 pr-4">Dernière connexion</th>
              <th scope="col" className="py-2">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={`border-b border-line align-top ${user.disabledAt ? "bg-surface" : ""}`}>
                <th scope="row" className="py-3 pr-4 font-normal">
                  <span className="font-semibold">{user.name}</span>
                  {user.id === actor.id && <span className="ml-1 text-sm">(vous)</span>}
                  <span className="block text-sm break-all">{user.email}</span>
                  <span className="block text-sm text-muted">
                    {[user.hasPassword ? "mot de passe" : null, user.proConnectBound ? "ProConnect lié" : null].filter(Boolean).join(" · ") ||
                      "aucun moyen de connexion"}
                    {user.invitedBy && <> · invité par {user.invitedBy}</>}
                  </span>
                </th>
                <td className="py-3 pr-4">{roleLabels[user.role]}</td>
                <td className="py-3 pr-4">
                  {user.disabledAt ? (
                    <span>
                      Désactivé le <TimeStamp date={user.disabledAt} />
                    </span>
                  ) : (
                    "Actif"
                  )}
                </td>
                <td className="py-3 pr-4">{user.lastLoginAt ? <TimeStamp date={user.lastLoginAt} withTime /> : "Jamais"}</td>
                <td className="py-3">
                  <UserActions
                    key={user.id}
                    user={{ id: user.id, name: user.name, role: user.role, disabled: Boolean(user.disabledAt), version: user.version }}
                    isSelf={user.id === actor.id}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
