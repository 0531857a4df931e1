"use client";

import { useEffect, useRef } from "react";
import type { ConflictInfo } from "@/lib/actions/form-state";
import { SubmitButton } from "./submit-button";

const dateTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });

/**
 * The conflict screen: someone saved this entry while the person was editing it. What changed
 * meanwhile (version started from → current version), what the person changed (their values stay in
 * the form below, untouched), and the two ways on: reload the current version (the typed values
 * are dropped, so the list below says what they were), or re-apply them over the current version
 * (the form then carries the current version: the next save is a deliberate one).
 */
export function ConflictPanel({ conflict, reloadHref, attempt }: { conflict: ConflictInfo; reloadHref: string; attempt: number }) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), [attempt]);
  return (
    // autoFocus: the page re-rendered without JavaScript focuses it too.
    <section ref={box} autoFocus aria-labelledby="conflit-titre" tabIndex={-1} id="conflit" className="rounded border-2 border-warning bg-white p-4 sm:p-6">
      <h2 id="conflit-titre" className="text-xl font-bold text-[#8a2c00]">
        Cette fiche a été modifiée par {conflict.author ?? "une autre personne"} le {dateTime.format(new Date(conflict.at))} pendant
        que vous l&apos;éditiez
      </h2>
      <p className="mt-2">
        Vous êtes parti de la version n° {conflict.baseVersion} ; la version actuelle est la n° {conflict.currentVersion}. Rien de ce
        que vous avez saisi n&apos;est perdu : vos valeurs sont toujours dans le formulaire ci-dessous.
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="font-bold">Modifié entre-temps</h3>
          {conflict.theirs.length ? (
            <dl className="mt-2 space-y-3">
              {conflict.theirs.map((c) => (
                <div key={c.field} className="rounded border border-line p-3">
                  <dt className="font-semibold">{c.label}</dt>
                  <dd className="mt-1 text-sm">
                    <span className="block"><span className="font-semibold">Avant : </span><del className="whitespace-pre-wrap">{c.before || "(vide)"}</del></span>
                    <span className="block"><span className="font-semibold">Maintenant : </span><ins className="whitespace-pre-wrap no-underline">{c.after || "(vide)"}</ins></span>
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="mt-2 text-sm text-muted">Aucun champ du formulaire (seulement le statut ou les métadonnées).</p>
          )}
        </div>
        <div>
          <h3 className="font-bold">Vos modifications (dans le formulaire)</h3>
          {conflict.mine.length ? (
            <ul className="mt-2 list-disc pl-5">
              {conflict.mine.map((label) => <li key={label}>{label}</li>)}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-muted">Vous n&apos;avez modifié aucun champ.</p>
          )}
        </div>
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <SubmitButton name="intent" value="reapply" pendingLabel="Report en cours…">
          Réappliquer mes modifications sur la version actuelle
        </SubmitButton>
        {/* A full load on purpose: the form starts again from the stored version. */}
        <a href={reloadHref} className="rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-light">
          Recharger la version actuelle
        </a>
      </div>
      <p className="mt-2 text-sm text-muted">Recharger abandonne vos saisies : copiez d&apos;abord ce que vous voulez garder.</p>
    </section>
  );
}
