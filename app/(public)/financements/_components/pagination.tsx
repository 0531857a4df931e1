import Link from "next/link";

export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-8 flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className="rounded border border-brand px-4 py-2 text-brand">Page précédente</Link>
      ) : <span />}
      <span>Page {page} sur {pages}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next" className="rounded border border-brand px-4 py-2 text-brand">Page suivante</Link>
      ) : <span />}
    </nav>
  );
}
