import Link from "next/link";
import { adminEntityHref } from "@/components/admin/entity-links";
import { EditorialStatusBadge } from "@/components/admin/editorial-status-badge";
import { TimeStamp } from "@/components/admin/time-stamp";
import type { LinkOutcome } from "@/lib/links/check-url";
import type { LinkProblem, LinkProgrammeRef } from "@/lib/links/queries";
import { outcomeLabels } from "@/lib/links/summary";

const outcomeStyles: Record<LinkOutcome, string> = {
  ok: "bg-success-light text-[#0b4e24]",
  redirected: "bg-info-light text-brand",
  broken: "bg-warning-light text-[#8a2c00]",
  unreachable: "border border-warning bg-white text-[#8a2c00]",
};

export function OutcomeBadge({ outcome }: { outcome: LinkOutcome }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${outcomeStyles[outcome]}`}>{outcomeLabels[outcome]}</span>;
}

function ProgrammeLink({ programme }: { programme: LinkProgrammeRef }) {
  const uses = [programme.application && "lien de candidature", programme.source && "source"].filter(Boolean).join(" et ");
  const href = programme.editable ? adminEntityHref("programme", programme.slug) : programme.status === "published" ? `/financements/${programme.slug}` : null;
  return (
    <li className="mt-1">
      {href ? (
        <Link href={href} className="font-semibold text-brand underline">
          {programme.title}
        </Link>
      ) : (
        <span className="font-semibold">{programme.title}</span>
      )}{" "}
      <EditorialStatusBadge status={programme.status} />
      <span className="block text-sm text-muted">comme {uses}</span>
    </li>
  );
}

/** The checked links (one row per URL) with what went wrong and the programmes that use them. */
export function LinksTable({ items, caption }: { items: LinkProblem[]; caption: string }) {
  return (
    <div role="region" aria-labelledby="liens-legende" tabIndex={0} className="relative mt-6 overflow-x-auto">
      <table className="w-full min-w-[52rem] border-collapse text-left">
        <caption id="liens-legende" className="mb-2 text-left text-muted">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">Adresse</th>
            <th scope="col" className="px-3 py-2">Résultat</th>
            <th scope="col" className="px-3 py-2">En échec depuis</th>
            <th scope="col" className="py-2 pl-3">Programmes</th>
          </tr>
        </thead>
        <tbody>
          {items.map((link) => (
            <tr key={link.url} className="border-b border-line align-top">
              <th scope="row" className="max-w-xs py-2 pr-3 font-normal">
                <a href={link.url} rel="noopener noreferrer" className="break-all text-brand underline">
                  {link.url}
                </a>
                {link.finalUrl && (
                  <span className="mt-1 block text-sm">
                    <span className="text-muted">mène à </span>
                    <a href={link.finalUrl} rel="noopener noreferrer" className="break-all text-brand underline">
                      {link.finalUrl}
                    </a>
                  </span>
                )}
              </th>
              <td className="px-3 py-2">
                <OutcomeBadge outcome={link.outcome} />
                {link.httpStatus !== null && <span className="ml-2 text-sm">HTTP {link.httpStatus}</span>}
                {link.error && <span className="mt-1 block">{link.error}</span>}
                <span className="mt-1 block text-sm text-muted">
                  vérifié le <TimeStamp date={link.checkedAt} withTime />
                </span>
              </td>
              <td className="px-3 py-2">
                {link.failingSince ? (
                  <>
                    <TimeStamp date={link.failingSince} />
                    <span className="block text-sm">
                      {link.consecutiveFailures} {link.consecutiveFailures > 1 ? "échecs de suite" : "échec"}
                    </span>
                  </>
                ) : (
                  <span className="text-muted">—</span>
                )}
                <span className="block text-sm text-muted">
                  {link.lastOkAt ? (
                    <>
                      dernier succès le <TimeStamp date={link.lastOkAt} />
                    </>
                  ) : (
                    "aucun succès enregistré"
                  )}
                </span>
              </td>
              <td className="py-2 pl-3">
                <ul>
                  {link.programmes.map((p) => (
                    <ProgrammeLink key={p.slug} programme={p} />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
