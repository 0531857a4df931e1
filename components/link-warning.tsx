import { findApplicationLinkWarning } from "@/lib/links/queries";
import { formatParisDate } from "@/lib/paris-time";

/**
 * « Lien signalé comme inaccessible le … »: shown beside a programme's application link when the daily
 * check found it failing twice in a row (lib/links). The words say what we saw, not that the call is
 * over: the funder's site may only be down for a while.
 */
export function LinkWarning({ since }: { since: Date }) {
  return (
    <p className="mt-3 rounded border-l-4 border-warning bg-warning-light p-3 text-sm text-[#8a2c00]">
      <span className="font-semibold">
        Lien signalé comme inaccessible le <time dateTime={since.toISOString()}>{formatParisDate(since)}</time>
      </span>
      <span className="block">
        Nos vérifications automatiques n&apos;ont pas pu ouvrir la page de candidature. Consultez les sources ou contactez le
        financeur.
      </span>
    </p>
  );
}

/** The notice for this application link, when there is one: one query, by URL. */
export async function ApplicationLinkWarning({ url }: { url: string | null }) {
  const warning = await findApplicationLinkWarning(url);
  return warning ? <LinkWarning since={warning.since} /> : null;
}
