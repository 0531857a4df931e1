"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { FieldMessage } from "./fields";
import { describedBy, fieldId } from "./field-ids";
import { useHydrated } from "./use-hydrated";

/**
 * A list of rows the person can add to, remove from and reorder (eligibility criteria, rounds,
 * sources, co-funders). Field names carry the row's index (`sources.2.url`); the server reads them
 * in the order of `position.<list>.<index>`.
 *
 * Without JavaScript: the existing rows plus `spareRows` empty ones, each with a « Position » field
 * (type a number to reorder; empty a row to remove it). With it: no spare rows and no position
 * fields, but « Ajouter », « Monter », « Descendre » and « Retirer » buttons, announced politely.
 */
export function RepeatableList<T>({
  name, legend, hint, error, itemLabel, addLabel, initial, blank, spareRows = 2, renderRow,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  /** « Critère », « Source »… (the buttons say « Retirer le critère 2 » with `itemLabel` lower-cased). */
  itemLabel: string;
  addLabel: string;
  initial: T[];
  blank: () => T;
  spareRows?: number;
  /** The row's fields; `prefix` is `sources.2` (names and error paths), `label` « Source 3 ». */
  renderRow: (row: T, ctx: { prefix: string; index: number; label: string }) => ReactNode;
}) {
  const hydrated = useHydrated();
  const nextKey = useRef(initial.length);
  const [rows, setRows] = useState(() => initial.map((row, key) => ({ key, row })));
  const [message, setMessage] = useState("");
  /** What to focus once the rows have re-rendered: an element id, or the first field of a row (by its key). */
  const pendingFocus = useRef<{ id: string } | { row: number } | null>(null);

  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    const target =
      "id" in focus
        ? document.getElementById(focus.id)
        : document.querySelector<HTMLElement>(`[data-row="${fieldId(name)}-${focus.row}"] :is(input, select, textarea)`);
    target?.focus();
  }, [rows, name]);
  const setFocus = (focus: { id: string } | { row: number }) => {
    pendingFocus.current = focus;
  };

  // Without JavaScript, empty rows to fill (negative keys: never those of real rows).
  const shown = hydrated ? rows : [...rows, ...Array.from({ length: spareRows }, (_, i) => ({ key: -1 - i, row: blank() }))];
  const noun = itemLabel.toLowerCase();
  const move = (from: number, to: number, key: number, button: string) => {
    setRows((current) => {
      const next = [...current];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item!);
      return next;
    });
    setMessage(`${itemLabel} ${from + 1} déplacé en position ${to + 1}.`);
    const stillEnabled = button === "up" ? to > 0 : to < rows.length - 1;
    setFocus({ id: `${fieldId(name)}-r${key}-${stillEnabled ? button : button === "up" ? "down" : "up"}` });
  };

  return (
    <fieldset id={fieldId(name)} tabIndex={-1} aria-describedby={describedBy(name, { hint, error })} className="focus:outline-none">
      <legend className="font-semibold">{legend}</legend>
      {hint && <p id={`${fieldId(name)}-aide`} className="text-sm text-muted">{hint}</p>}
      {!hydrated && (
        <p className="text-sm text-muted">
          Pour retirer une ligne, videz ses champs ; pour changer l&apos;ordre, modifiez les numéros de position.
        </p>
      )}
      <FieldMessage path={name} error={error} />
      <ol className="mt-2 space-y-3">
        {shown.map(({ key, row }, index) => {
          const prefix = `${name}.${index}`;
          const label = `${itemLabel} ${index + 1}`;
          const buttonId = (b: string) => `${fieldId(name)}-r${key}-${b}`;
          return (
            <li key={key} data-row={`${fieldId(name)}-${key}`} className="rounded border border-line bg-white p-3">
              <div className="flex flex-wrap items-end gap-3">
                <div className="min-w-0 flex-1">{renderRow(row, { prefix, index, label })}</div>
                {hydrated ? (
                  <input type="hidden" name={`position.${prefix}`} value={index + 1} />
                ) : (
                  <div className="w-24">
                    <label htmlFor={fieldId(`position.${prefix}`)} className="block text-sm font-semibold">
                      Position <span className="sr-only">de la ligne {label}</span>
                    </label>
                    <input
                      id={fieldId(`position.${prefix}`)}
                      name={`position.${prefix}`}
                      type="number"
                      min={1}
                      defaultValue={index + 1}
                      className="mt-1 w-full rounded-t border-b-2 border-ink bg-surface px-2 py-2"
                    />
                  </div>
                )}
              </div>
              {hydrated && (
                <div className="mt-2 flex flex-wrap gap-2 text-sm">
                  <button
                    type="button"
                    id={buttonId("up")}
                    disabled={index === 0}
                    onClick={() => move(index, index - 1, key, "up")}
                    className="rounded border border-brand px-2 py-1 text-brand disabled:border-line disabled:text-muted"
                  >
                    Monter<span className="sr-only"> {noun} {index + 1}</span>
                  </button>
                  <button
                    type="button"
                    id={buttonId("down")}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, index + 1, key, "down")}
                    className="rounded border border-brand px-2 py-1 text-brand disabled:border-line disabled:text-muted"
                  >
                    Descendre<span className="sr-only"> {noun} {index + 1}</span>
                  </button>
                  <button
                    type="button"
                    id={buttonId("x")}
                    onClick={() => {
                      setRows((current) => current.filter((r) => r.key !== key));
                      setMessage(`${label} retiré.`);
                      setFocus({ id: `${fieldId(name)}-ajouter` });
                    }}
                    className="rounded border border-accent px-2 py-1 text-accent"
                  >
                    Retirer<span className="sr-only"> {noun} {index + 1}</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {hydrated && (
        <button
          type="button"
          id={`${fieldId(name)}-ajouter`}
          onClick={() => {
            const item = { key: nextKey.current++, row: blank() };
            setRows((current) => [...current, item]);
            setMessage(`${itemLabel} ${rows.length + 1} ajouté.`);
            setFocus({ row: item.key });
          }}
          className="mt-3 rounded border border-brand bg-white px-3 py-1.5 font-semibold text-brand hover:bg-brand-light"
        >
          + {addLabel}
        </button>
      )}
      <p aria-live="polite" className="sr-only">{message}</p>
    </fieldset>
  );
}
