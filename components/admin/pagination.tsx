import Link from "next/link";
import { plural } from "@/lib/format";

export type QueryValues = Record<string, string | string[] | number | undefined>;

/** `path?…` from the given parameters (empty values and page 1 left out, so that URLs stay short). */
export function hrefWith(path: string, params: QueryValues): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === "" || (key === "page" && Number(v) === 1)) continue;
      query.append(key, String(v));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Previous / next and a few page numbers, as plain links keeping the other parameters of the URL.
 * `params` are the list's current parameters (without page).
 */
export function Pagination({
  path, params, page, perPage, total, noun = ["résultat", "résultats"], none,
}: {
  path: string;
  params: QueryValues;
  page: number;
  perPage: number;
  total: number;
  noun?: [string, string];
  /** What an empty list says, when « Aucun <noun> » is wrong (feminine nouns: « Aucune modification »). */
  none?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const link = (p: number) => hrefWith(path, { ...params, page: p });
  const linkClass = "inline-block min-w-10 rounded border border-line px-3 py-2 text-center text-brand hover:bg-brand-light";

  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">
        {total === 0 ? (none ?? `Aucun ${noun[0]}`) : `${first}–${last} sur ${plural(total, noun[0], noun[1])}`}
      </p>
      {pages > 1 && (
        <nav aria-label="Pagination">
          <ul className="flex flex-wrap items-center gap-1">
            {page > 1 && (
              <li>
                <Link href={link(page - 1)} className={linkClass} rel="prev">
                  <span aria-hidden="true">‹ </span>Précédente
                </Link>
              </li>
            )}
            {shown.map((p, i) => (
              <li key={p} className="flex items-center gap-1">
                {i > 0 && p - shown[i - 1]! > 1 && <span aria-hidden="true" className="px-1 text-muted">…</span>}
                {p === page ? (
                  <span aria-current="page" className="inline-block min-w-10 rounded bg-brand px-3 py-2 text-center font-semibold text-white">
                    <span className="sr-only">Page </span>{p}
                  </span>
                ) : (
                  <Link href={link(p)} className={linkClass}>
                    <span className="sr-only">Page </span>{p}
                  </Link>
                )}
              </li>
            ))}
            {page < pages && (
              <li>
                <Link href={link(page + 1)} className={linkClass} rel="next">
                  Suivante<span aria-hidden="true"> ›</span>
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}
