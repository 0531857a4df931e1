import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-bold">Page introuvable</h1>
      <p className="mt-4 text-lg">
        Cette page n&apos;existe pas ou n&apos;existe plus. Le financement que vous cherchez a peut-être été retiré ou
        renommé.
      </p>
      <ul className="mt-6 list-disc space-y-2 pl-6">
        <li><Link href="/financements" className="text-brand underline">Voir tous les financements</Link></li>
        <li><Link href="/" className="text-brand underline">Revenir à l&apos;accueil</Link></li>
      </ul>
    </div>
  );
}
