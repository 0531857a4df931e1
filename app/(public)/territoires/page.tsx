import type { Metadata } from "next";
import Link from "next/link";
import { listRegionsWithDepartements } from "@/lib/data/territories";

export const metadata: Metadata = {
  title: "Territoires",
  description: "Les financements de l'inclusion numérique accessibles dans chaque région, département, intercommunalité et commune.",
};

export default async function TerritoriesPage() {
  const regions = await listRegionsWithDepartements();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-bold">Les financements par territoire</h1>
      <p className="mt-2 max-w-3xl text-lg text-muted">
        Choisissez une région ou un département pour voir les financements qui y sont accessibles, puis descendez
        jusqu&apos;à votre intercommunalité ou votre commune.
      </p>
      <form action="/financements" className="mt-6 flex max-w-xl flex-wrap items-end gap-3">
        <div className="flex-1">
          <label htmlFor="lieu" className="block font-semibold">Votre commune ou code postal</label>
          <input id="lieu" name="lieu" type="text" required maxLength={100} className="mt-1 w-full rounded-t border-b-2 border-ink bg-surface px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand px-5 py-2.5 font-semibold text-white">Voir les financements</button>
      </form>
      <ul className="mt-10 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
        {regions.map((r) => (
          <li key={r.code} className="rounded-lg border border-line p-4">
            <h2 className="text-lg font-bold">
              <Link href={`/territoires/region/${r.code}`} className="text-brand underline">{r.name}</Link>
            </h2>
            <ul className="mt-2 space-y-0.5 text-sm">
              {r.regionOf.map((d) => (
                <li key={d.code}>
                  <Link href={`/territoires/departement/${d.code}`} className="text-brand underline">{d.name} ({d.code})</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
