import Link from "next/link";

/** « Espace de curation › Programmes › … » above a form page. */
export function AdminBreadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="text-sm">
      <ol className="flex flex-wrap gap-2 text-muted">
        {trail.map((t) => (
          <li key={t.href}>
            <Link href={t.href} className="underline">{t.label}</Link> <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page" className="text-ink">{current}</li>
      </ol>
    </nav>
  );
}
