"use client";

import Link from "next/link";
import { EditorialStatusBadge } from "@/components/admin/editorial-status-badge";
import { CONFIRM_DUPLICATE_FIELD, type DuplicateCandidateView } from "@/lib/validation/duplicate-confirmation";
import { SubmitButton } from "../submit-button";

/**
 * Shown at the top of the creation form when the last submit found possible duplicates
 * (lib/actions/programmes.ts): each one with why it looks the same and a link to open it, then the
 * button that creates the programme anyway. Nothing was created; the values typed are kept.
 */
export function DuplicateCandidates({ candidates }: { candidates: DuplicateCandidateView[] }) {
  return (
    <section aria-labelledby="doublons-titre" className="rounded border-l-4 border-accent bg-warning-light p-4">
      <h2 id="doublons-titre" className="text-xl font-bold">
        {candidates.length > 1 ? "Des programmes semblables existent déjà" : "Un programme semblable existe déjà"}
      </h2>
      <p className="mt-1">
        Rien n&apos;a encore été créé. Si l&apos;un d&apos;eux est le même programme, ouvrez-le et complétez-le plutôt que d&apos;en créer un
        second.
      </p>
      <ul className="mt-3 space-y-3">
        {candidates.map((c) => (
          <li key={c.slug} className="rounded border border-line bg-white p-3">
            <Link href={c.href} className="font-semibold text-brand underline">
              {c.title}
            </Link>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <span>{c.funderName}</span>
              <EditorialStatusBadge status={c.status} />
              {c.archived && <span className="text-muted">(fiche archivée : on peut la republier)</span>}
            </p>
            <p className="mt-1 text-sm">
              <span className="font-semibold">Pourquoi : </span>
              {c.reasons.join(" ; ")}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-4">
        <SubmitButton name={CONFIRM_DUPLICATE_FIELD} value="on" variant="secondary" pendingLabel="Création…">
          Ce n&apos;est pas un doublon, créer quand même
        </SubmitButton>
      </p>
    </section>
  );
}
