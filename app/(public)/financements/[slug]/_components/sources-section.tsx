import { confidences } from "@/lib/codes";
import type { ProgrammeDetail } from "@/lib/data/programmes";
import { formatParisDate } from "@/lib/paris-time";

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
};

export function SourcesSection({ programme: p }: { programme: ProgrammeDetail }) {
  return (
    <section aria-labelledby="sources" className="border-t border-line pt-6">
      <h2 id="sources" className="text-xl font-bold">Sources et vérification</h2>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        {p.sources.map((s) => (
          <li key={s.url} className="break-words">
            <a href={s.url} rel="noopener noreferrer" className="text-brand underline">
              {s.title ?? hostOf(s.url)}
            </a>
            {s.title && <span className="text-sm text-muted"> — {hostOf(s.url)}</span>}
            {s.retrievedAt && <span className="text-sm text-muted">, consultée le {formatParisDate(s.retrievedAt)}</span>}
          </li>
        ))}
      </ol>
      <p className="mt-4 text-sm text-muted">
        {p.lastVerifiedAt
          ? `Fiche vérifiée par l'équipe le ${formatParisDate(p.lastVerifiedAt)}.`
          : "Fiche établie d'après les sources publiques ci-dessus ; pas encore vérifiée auprès du financeur."}{" "}
        {p.confidence && `Fiabilité des sources : ${confidences.labels[p.confidence]}.`}{" "}
        Dernière mise à jour le {formatParisDate(p.updatedAt)}.
      </p>
    </section>
  );
}
