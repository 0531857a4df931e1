import Link from "next/link";
import type { DashboardBlock, DashboardEntry } from "@/lib/data/admin/dashboard";
import { EditorialStatusBadge } from "./editorial-status-badge";
import { adminEntityHref, entityTypeLabels } from "./entity-links";
import { TimeStamp } from "./time-stamp";

type Detail = (entry: DashboardEntry) => React.ReactNode;

/**
 * One block of the dashboard: a titled list of entries (each opening its edit page), its French empty
 * state, and a link to the whole list when the block shows only the first ones.
 */
export function DashboardEntryList({
  id, title, description, block, empty, detail, more = [],
}: {
  id: string;
  title: string;
  description?: string;
  block: DashboardBlock;
  empty: string;
  detail: Detail;
  /** Links to the full lists (the tables, filtered), shown when the block holds more than it shows. */
  more?: { href: string; label: string }[];
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line p-4">
      <h2 id={id} className="text-xl font-bold">
        {title} <span className="text-base font-normal text-muted">({block.total})</span>
      </h2>
      {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      {block.entries.length === 0 ? (
        <p className="mt-3 rounded bg-surface p-3 text-muted">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-line">
          {block.entries.map((entry) => (
            <li key={`${entry.entityType}:${entry.slug}`} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
              <span className="min-w-0">
                <Link href={adminEntityHref(entry.entityType, entry.slug)} className="font-semibold text-brand underline">
                  {entry.label}
                </Link>
                <span className="block text-sm text-muted">
                  {entityTypeLabels[entry.entityType]}
                  {entry.funderName && ` · ${entry.funderName}`} · {detail(entry)}
                </span>
              </span>
              <EditorialStatusBadge status={entry.status} />
            </li>
          ))}
        </ul>
      )}
      {more.length > 0 && block.total > block.entries.length && (
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
          {more.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="text-brand underline">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const modifiedOn: Detail = (e) => (
  <>
    modifié le <TimeStamp date={e.updatedAt} />
  </>
);
export const closesOn: Detail = (e) => (e.closesAt ? <>clôture le <TimeStamp date={e.closesAt} /></> : "sans date de clôture");
export const verifiedOn: Detail = (e) =>
  e.lastVerifiedAt ? <>vérifié le <TimeStamp date={e.lastVerifiedAt} /></> : "jamais vérifié";
