import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getActor, safeCallbackPath } from "@/lib/auth/guard";
import { isProConnectEnabled } from "@/lib/auth/proconnect";
import { flashEmailCookieName } from "@/lib/auth/sign-in-flow";

export const metadata: Metadata = { title: "Connexion", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type FieldErrors = { email?: string; password?: string };

/** What went wrong, in French: either one message, or messages next to the fields. */
function describeError(code: string | undefined): { message?: string; fields?: FieldErrors } {
  switch (code) {
    case undefined:
      return {};
    case "champs-vides":
      return { fields: { email: "Saisissez votre adresse e-mail.", password: "Saisissez votre mot de passe." } };
    case "email-vide":
      return { fields: { email: "Saisissez votre adresse e-mail." } };
    case "mot-de-passe-vide":
      return { fields: { password: "Saisissez votre mot de passe." } };
    case "identifiants":
      return { message: "Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie et réessayez." };
    case "proconnect-inconnu":
      return {
        message:
          "Aucun compte de l'espace de curation n'existe pour cette identité ProConnect. Demandez à un administrateur de vous inviter avec votre adresse e-mail professionnelle.",
      };
    case "proconnect-desactive":
      return { message: "Ce compte est désactivé. Adressez-vous à un administrateur de l'espace de curation." };
    case "proconnect-autre-identite":
      return {
        message: "Ce compte est déjà lié à une autre identité ProConnect. Adressez-vous à un administrateur de l'espace de curation.",
      };
    case "proconnect-indisponible":
      return { message: "ProConnect n'est pas disponible pour le moment. Réessayez plus tard ou utilisez votre mot de passe." };
    default:
      return { message: "La connexion a échoué. Réessayez ; si le problème persiste, utilisez votre mot de passe." };
  }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getActor()) redirect(callbackUrl);

  const errorCode = first(params.erreur) ?? first(params.error);
  const { message, fields = {} } = describeError(errorCode);
  const email = (await cookies()).get(flashEmailCookieName)?.value ?? "";
  const proconnect = isProConnectEnabled();
  const fieldEntries = Object.entries(fields) as Array<[keyof FieldErrors, string]>;
  const hasErrors = Boolean(message) || fieldEntries.length > 0;
  const inputClass =
    "mt-1 block w-full rounded border-2 px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-brand-light";

  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Connexion à l&apos;espace de curation</h1>
      <p className="mt-3 text-muted">
        Réservé aux personnes qui tiennent l&apos;annuaire à jour (ANCT et partenaires invités). Le site public reste
        accessible sans compte.
      </p>

      {hasErrors && (
        <div
          id="erreurs"
          role="alert"
          tabIndex={-1}
          autoFocus
          aria-labelledby="erreurs-titre"
          className="mt-6 border-l-4 border-accent bg-warning-light p-4 focus:outline-none focus:ring-4 focus:ring-brand-light"
        >
          <h2 id="erreurs-titre" className="font-bold">
            {message ? "La connexion a échoué" : "Le formulaire contient des erreurs"}
          </h2>
          {message && <p className="mt-1">{message}</p>}
          {fieldEntries.length > 0 && (
            <ul className="mt-1 list-disc pl-6">
              {fieldEntries.map(([field, text]) => (
                <li key={field}>
                  <a href={`#${field}`} className="underline">{text}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {errorCode === undefined && first(params.deconnecte) && (
        <p role="status" className="mt-6 border-l-4 border-success bg-success-light p-4">Vous êtes déconnecté.</p>
      )}

      <form method="post" action="/api/auth/connexion" className="mt-8 space-y-5" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div>
          <label htmlFor="email" className="block font-semibold">
            Adresse e-mail
          </label>
          <p id="email-aide" className="text-sm text-muted">Format attendu : nom@domaine.fr</p>
          {fields.email && <p id="email-erreur" className="mt-1 font-semibold text-accent">{fields.email}</p>}
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={email}
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={fields.email ? "email-aide email-erreur" : "email-aide"}
            className={`${inputClass} ${fields.email ? "border-accent" : "border-ink"}`}
          />
        </div>
        <div>
          <label htmlFor="password" className="block font-semibold">
            Mot de passe
          </label>
          {fields.password && <p id="password-erreur" className="mt-1 font-semibold text-accent">{fields.password}</p>}
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={fields.password ? "password-erreur" : undefined}
            className={`${inputClass} ${fields.password ? "border-accent" : "border-ink"}`}
          />
        </div>
        <button
          type="submit"
          className="rounded bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-dark focus:outline-none focus:ring-4 focus:ring-brand-light"
        >
          Se connecter
        </button>
      </form>
      <p className="mt-4 text-sm text-muted">
        Mot de passe oublié ? Demandez à un administrateur de l&apos;espace de curation d&apos;en définir un nouveau.
      </p>

      {proconnect && (
        <section aria-labelledby="proconnect-titre" className="mt-10 border-t border-line pt-8">
          <h2 id="proconnect-titre" className="text-xl font-bold">Agent public ?</h2>
          <p className="mt-2 text-muted">Identifiez-vous avec votre compte professionnel, sans mot de passe propre à ce site.</p>
          <form method="post" action="/api/auth/proconnect" className="mt-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button
              type="submit"
              className="rounded border-2 border-brand bg-white px-5 py-2.5 font-semibold text-brand hover:bg-brand-light focus:outline-none focus:ring-4 focus:ring-brand-light"
            >
              S&apos;identifier avec ProConnect
            </button>
          </form>
          <p className="mt-2 text-sm">
            <a href="https://www.proconnect.gouv.fr/" className="underline" rel="noopener">
              Qu&apos;est-ce que ProConnect ?
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
