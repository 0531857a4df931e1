import Link from "next/link";
import { adminEntityHref, adminHistoryHref, entityTypeLabels, isAdminEntityType } from "./entity-links";
import { TimeStamp } from "./time-stamp";

export interface ActivityItem {
  id: string;
  entityType: string;
  entityLabel: string | null;
  /** The entity's current slug; null when it can no longer be opened. */
  slug: string | null;
  /** create, update, status, verify, restore… */
  action: string;
  /** The action in French (Création, Modification…). */
  actionLabel: string;
  version: number | null;
  note: string | null;
  author: { name: string } | null;
  createdAt: Date;
  /** The fields the revision changed (their French labels). */
  changes: { label: string }[];
}

/** Who changed what and when, newest first: each line opens the entry and its history. */
export function ActivityList({ items, empty }: { items: ActivityItem[]; empty: string }) {
  if (items.length === 0) return <p className="mt-3 rounded bg-surface p-3 text-muted">{empty}</p>;
  return (
    <ol className="mt-3 divide-y divide-line">
      {items.map((item) => {
        const type = isAdminEntityType(item.entityType) ? item.entityType : null;
        const label = item.entityLabel ?? "Fiche sans titre";
        return (
          <li key={item.id} className="py-2">
            <p>
              <span className="font-semibold">{item.actionLabel}</span>
              {type && <span className="text-muted"> · {entityTypeLabels[type]}</span>}{" "}
              {type && item.slug ? (
                <Link href={adminEntityHref(type, item.slug)} className="text-brand underline">
                  {label}
                </Link>
              ) : (
                label
              )}
            </p>
            <p className="text-sm text-muted">
              <TimeStamp date={item.createdAt} withTime /> · {item.author?.name ?? "auteur inconnu"}
              {item.version !== null && ` · version ${item.version}`}
              {type && item.slug && (
                <>
                  {" · "}
                  <Link href={adminHistoryHref(type, item.slug)} className="text-brand underline">
                    historique<span className="sr-only"> de « {label} »</span>
                  </Link>
                </>
              )}
            </p>
            {item.changes.length > 0 && item.action !== "create" && (
              <p className="mt-1 text-sm">Champs : {item.changes.map((c) => c.label).join(", ")}</p>
            )}
            {item.note && <p className="mt-1 text-sm">Note : {item.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
