import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Accès refusé", robots: { index: false } };

/** The 403 page (forbidden() from lib/auth/guard.ts: signed in, but the role may not). */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-bold">Accès refusé</h1>
      <p className="mt-4 text-lg">
        Votre compte ne permet pas d&apos;ouvrir cette page. Si vous pensez que c&apos;est une erreur, demandez à un
        administrateur de l&apos;espace de curation de modifier votre rôle.
      </p>
      <ul className="mt-6 list-disc space-y-2 pl-6">
        <li><Link href="/admin" className="text-brand underline">Revenir à l&apos;espace de curation</Link></li>
        <li><Link href="/deconnexion" className="text-brand underline">Se connecter avec un autre compte</Link></li>
        <li><Link href="/" className="text-brand underline">Revenir à l&apos;accueil</Link></li>
      </ul>
    </div>
  );
}
