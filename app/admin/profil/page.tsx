import type { Metadata } from "next";
import { TimeStamp } from "@/components/admin/time-stamp";
import { requireActor } from "@/lib/auth/guard";
import { roleLabels } from "@/lib/auth/policy";
import { listMyTokens } from "@/lib/data/api-tokens";
import { getMyAccount } from "@/lib/data/users";
import { PasswordForm } from "./_components/password-form";
import { CreateTokenForm, RevokeTokenForm } from "./_components/token-forms";

export const metadata: Metadata = { title: "Mon profil" };

function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date) {
  if (token.revokedAt) return <>Révoqué le <TimeStamp date={token.revokedAt} /></>;
  if (token.expiresAt && token.expiresAt <= now) return <>Expiré le <TimeStamp date={token.expiresAt} /></>;
  if (token.expiresAt) return <>Actif jusqu&apos;au <TimeStamp date={token.expiresAt} /></>;
  return <>Actif, sans expiration</>;
}

/** My account: who I am, my password, my personal API tokens. */
export default async function ProfilePage() {
  const actor = await requireActor();
  const [account, tokens] = await Promise.all([getMyAccount(actor), listMyTokens(actor)]);
  const now = new Date();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-3xl font-bold">Mon profil</h1>
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Nom</dt>
          <dd>{account.name}</dd>
          <dt className="font-semibold">Adresse e-mail</dt>
          <dd className="break-all">{account.email}</dd>
          <dt className="font-semibold">Rôle</dt>
          <dd>{roleLabels[account.role]}</dd>
          <dt className="font-semibold">ProConnect</dt>
          <dd>{account.proConnectBound ? `Lié${account.siret ? ` (SIRET ${account.siret})` : ""}` : "Pas encore utilisé"}</dd>
          <dt className="font-semibold">Dernière connexion</dt>
          <dd>{account.lastLoginAt ? <TimeStamp date={account.lastLoginAt} withTime /> : "—"}</dd>
        </dl>
      </div>

      <section aria-labelledby="mot-de-passe-titre">
        <h2 id="mot-de-passe-titre" className="text-2xl font-bold">Mot de passe</h2>
        <div className="mt-4 max-w-xl">
          <PasswordForm email={account.email} />
        </div>
      </section>

      <section aria-labelledby="jetons-titre">
        <h2 id="jetons-titre" className="text-2xl font-bold">Jetons d&apos;API personnels</h2>
        <p className="mt-2 max-w-3xl text-muted">
          Pour les outils de votre structure : en-tête <code>Authorization: Bearer &lt;jeton&gt;</code> sur{" "}
          <code>/api/v1/admin/…</code>. Un jeton agit avec vos droits ; il n&apos;est affiché qu&apos;à sa création et
          seule son empreinte est conservée. Révoquez-le dès qu&apos;il ne sert plus.
        </p>
        <div className="mt-4">
          <CreateTokenForm />
        </div>
        {tokens.length === 0 ? (
          <p className="mt-6">Aucun jeton pour l&apos;instant.</p>
        ) : (
          <div className="mt-6 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Mes jetons d&apos;API</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">Nom</th>
                  <th scope="col" className="py-2 pr-4">Début</th>
                  <th scope="col" className="py-2 pr-4">Créé le</th>
                  <th scope="col" className="py-2 pr-4">Dernier usage</th>
                  <th scope="col" className="py-2 pr-4">État</th>
                  <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => {
                  const usable = !token.revokedAt && !(token.expiresAt && token.expiresAt <= now);
                  return (
                    <tr key={token.id} className={`border-b border-line align-top ${usable ? "" : "text-muted"}`}>
                      <th scope="row" className="py-3 pr-4 font-semibold">{token.name}</th>
                      <td className="py-3 pr-4 font-mono text-sm">{token.prefix}…</td>
                      <td className="py-3 pr-4"><TimeStamp date={token.createdAt} /></td>
                      <td className="py-3 pr-4">{token.lastUsedAt ? <TimeStamp date={token.lastUsedAt} withTime /> : "Jamais"}</td>
                      <td className="py-3 pr-4">{tokenStatus(token, now)}</td>
                      <td className="py-3">{usable && <RevokeTokenForm tokenId={token.id} name={token.name} />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
