"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "./field-ids";

export interface SummaryError {
  /** The field path (`sources.0.url`), or null for an error of the whole form. */
  path: string | null;
  /** The field's label when the message does not start with it (rows: « Source 2 »). */
  label: string;
  /** The sentence shown (the schemas' messages start with the field's label). */
  message: string;
}

/**
 * The RGAA error summary: a titled box at the top of the form listing every error as a link to its
 * field, focused after each failed submit (`attempt` changes on every submit), so that a screen
 * reader announces it and the keyboard starts from it (without JavaScript, `autofocus` does it on the
 * re-rendered page). Without JavaScript the links are in-page anchors; with it, they also move the
 * focus into the field.
 */
export function ErrorSummary({ errors, attempt }: { errors: SummaryError[]; attempt: number | string }) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (errors.length) box.current?.focus();
  }, [attempt, errors.length]);
  if (!errors.length) return null;
  return (
    <section
      ref={box}
      tabIndex={-1}
      // Without JavaScript, the page the server re-renders after a failed submit focuses it too.
      autoFocus
      aria-labelledby="resume-erreurs-titre"
      className="rounded border-l-4 border-accent bg-warning-light p-4 focus:outline-3 focus:outline-[#0a76f6]"
    >
      <h2 id="resume-erreurs-titre" className="text-lg font-bold">
        {errors.length === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${errors.length} erreurs`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.map((e, i) => (
          <li key={`${e.path}-${i}`}>
            {e.path ? (
              <a
                href={`#${fieldId(e.path)}`}
                className="text-ink underline"
                onClick={(event) => {
                  const target = focusTarget(e.path!);
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: "center" });
                  target.focus();
                }}
              >
                {e.message}
              </a>
            ) : (
              <span>{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The element to focus for a path: the field itself, or the first input of a group. */
function focusTarget(path: string): HTMLElement | null {
  const element = document.getElementById(fieldId(path));
  if (!element) return null;
  if (element instanceof HTMLFieldSetElement) return element.querySelector<HTMLElement>("input, select, textarea, button") ?? element;
  return element;
}
