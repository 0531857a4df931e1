"use client";

import Link from "next/link";

/** An unexpected failure in a workspace page: a French message, never the error's internals. */
export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded border border-accent bg-white p-6">
      <h1 className="text-2xl font-bold">Cette page n&apos;a pas pu s&apos;afficher</h1>
      <p className="mt-2">
        Une erreur inattendue s&apos;est produite. Vos modifications déjà enregistrées ne sont pas perdues. Réessayez dans un instant ;
        si le problème continue, signalez-le à l&apos;équipe technique.
      </p>
      <p className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Réessayer
        </button>
        <Link href="/admin" className="rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-light">
          Retour au tableau de bord
        </Link>
      </p>
    </div>
  );
}
