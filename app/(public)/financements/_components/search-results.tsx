import Link from "next/link";
import { ProgrammeCard, type ProgrammeCardData } from "@/components/programme-card";
import { Snippet } from "./snippet";

export interface ResultItem extends ProgrammeCardData {
  snippet: { text: string; match: boolean }[] | null;
}

export interface Widening {
  label: string;
  href: string;
}

export function SearchResults({ items, widenings }: { items: ResultItem[]; widenings: Widening[] }) {
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-line bg-surface p-6">
        <p className="text-lg font-semibold">Aucun financement ne correspond à cette recherche.</p>
        {widenings.length > 0 ? (
          <>
            <p className="mt-2">Pour élargir la recherche :</p>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {widenings.map((w) => (
                <li key={w.href}><Link href={w.href} className="text-brand underline">{w.label}</Link></li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">Essayez d&apos;autres mots, ou <Link href="/financements" className="text-brand underline">parcourez tous les financements</Link>.</p>
        )}
      </div>
    );
  }
  return (
    <ul className="grid gap-4" aria-label="Résultats">
      {items.map((item) => (
        <li key={item.slug}>
          <ProgrammeCard
            programme={item}
            headingLevel={3}
            extract={item.snippet?.some((s) => s.match) ? <Snippet segments={item.snippet} /> : undefined}
          />
        </li>
      ))}
    </ul>
  );
}
