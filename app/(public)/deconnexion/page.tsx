import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Déconnexion", robots: { index: false } };

/**
 * Sign-out: a button (a POST, so that no link or image elsewhere can sign anyone out), then this same page
 * says it is done. app/api/auth/deconnexion also ends the ProConnect session when there was one.
 */
export default async function SignOutPage() {
  const actor = await getActor();
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">Déconnexion</h1>
      {actor ? (
        <>
          <p className="mt-4">
            Vous êtes connecté en tant que <strong>{actor.name}</strong> ({actor.email}).
          </p>
          <form method="post" action="/api/auth/deconnexion" className="mt-6">
            <button
              type="submit"
              className="rounded bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-dark focus:outline-none focus:ring-4 focus:ring-brand-light"
            >
              Se déconnecter
            </button>
          </form>
          <p className="mt-6"><Link href="/admin" className="text-brand underline">Revenir à l&apos;espace de curation</Link></p>
        </>
      ) : (
        <>
          <p role="status" className="mt-4 border-l-4 border-success bg-success-light p-4">Vous êtes déconnecté.</p>
          <ul className="mt-6 list-disc space-y-2 pl-6">
            <li><Link href="/connexion" className="text-brand underline">Se connecter à nouveau</Link></li>
            <li><Link href="/" className="text-brand underline">Revenir à l&apos;accueil</Link></li>
          </ul>
        </>
      )}
    </div>
  );
}
