import Link from "next/link";

/** What a workspace table says when it has no row: nothing matches the filters, or nothing exists yet. */
export function TableEmptyState({
  filtered, path, noun, createHref, createLabel,
}: {
  filtered: boolean;
  path: string;
  noun: string;
  createHref: string;
  createLabel: string;
}) {
  return (
    <div className="mt-6 rounded border border-line bg-surface p-6">
      {filtered ? (
        <>
          <p className="font-semibold">Aucun {noun} ne correspond à ces critères.</p>
          <p className="mt-2">
            Essayez d&apos;autres mots ou moins de filtres, ou{" "}
            <Link href={path} className="text-brand underline">
              réinitialisez les filtres
            </Link>
            .
          </p>
        </>
      ) : (
        <>
          <p className="font-semibold">Aucun {noun} pour l&apos;instant.</p>
          <p className="mt-2">
            <Link href={createHref} className="text-brand underline">
              {createLabel}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
