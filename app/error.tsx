"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16" role="alert">
      <h1 className="text-3xl font-bold">Un problème est survenu</h1>
      <p className="mt-4 text-lg">
        La page n&apos;a pas pu être affichée. L&apos;incident a été enregistré ; réessayez dans un instant.
      </p>
      <div className="mt-6 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Réessayer
        </button>
        <Link href="/" className="rounded border border-brand px-4 py-2 font-semibold text-brand">
          Revenir à l&apos;accueil
        </Link>
      </div>
    </div>
  );
}
