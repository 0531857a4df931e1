"use client";

import { useEffect, useRef, useState } from "react";
import { FieldMessage } from "./fields";
import { describedBy, fieldId, hintId } from "./field-ids";
import { useHydrated } from "./use-hydrated";

export interface TerritoryChoice {
  id: string;
  name: string;
  context: string;
}

/**
 * Several territories at any level (région, département, EPCI, commune), or one with `single`.
 * Without JavaScript: one text field of territory ids (`region:53 commune:29019`). With it: the
 * chosen territories as a list (each with « Retirer ») and a combobox (ARIA 1.2, as the public
 * search's picker) that suggests from /api/v1/territories; each choice is a hidden `name` input.
 */
export function TerritoryMultiPicker({
  name, label, hint, error, initial, single = false,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  initial: TerritoryChoice[];
  single?: boolean;
}) {
  const hydrated = useHydrated();
  const id = fieldId(name);
  const listId = `${id}-suggestions`;
  const [chosen, setChosen] = useState(initial);
  const [text, setText] = useState("");
  const [options, setOptions] = useState<TerritoryChoice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState("");
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const query = text.trim();
  const wanted = hydrated && open && query.length >= 2;

  useEffect(() => {
    if (!wanted) return;
    const timer = setTimeout(async () => {
      abort.current?.abort();
      abort.current = new AbortController();
      try {
        const response = await fetch(`/api/v1/territories?q=${encodeURIComponent(query)}&limit=10`, { signal: abort.current.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { items: TerritoryChoice[] };
        setOptions(body.items);
        setActive(-1);
        setMessage(body.items.length ? `${body.items.length} suggestions disponibles` : "Aucun territoire trouvé");
      } catch (e) {
        if ((e as Error).name !== "AbortError") setMessage("Les suggestions sont indisponibles pour le moment.");
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [query, wanted]);

  const hint2 = hint ?? (single ? "Nom, code postal ou code INSEE." : "Nom, code postal ou code INSEE ; ajoutez autant de territoires que nécessaire.");

  if (!hydrated) {
    return (
      <div>
        <label htmlFor={id} className="block font-semibold">{label}</label>
        <p id={hintId(name)} className="text-sm text-muted">
          {single ? "Identifiant du territoire" : "Identifiants des territoires, séparés par des espaces"} : region:53,
          departement:29, epci:&lt;SIREN&gt; ou commune:&lt;code INSEE&gt;.
        </p>
        <input
          id={id}
          name={name}
          type="text"
          autoComplete="off"
          defaultValue={initial.map((t) => t.id).join(" ")}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, { hint: true, error })}
          className={`mt-1 w-full rounded-t border-b-2 bg-surface px-3 py-2 ${error ? "border-accent" : "border-ink"}`}
        />
        <FieldMessage path={name} error={error} />
      </div>
    );
  }

  const shown = wanted ? options.filter((o) => !chosen.some((c) => c.id === o.id)) : [];
  const expanded = shown.length > 0;
  const choose = (option: TerritoryChoice) => {
    setChosen((current) => (single ? [option] : [...current, option]));
    setText("");
    setOpen(false);
    setOptions([]);
    setMessage(`${option.name} ajouté`);
  };
  const remove = (territory: TerritoryChoice) => {
    setChosen((current) => current.filter((c) => c.id !== territory.id));
    setMessage(`${territory.name} retiré`);
    input.current?.focus();
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="block font-semibold">{label}</label>
      <p id={hintId(name)} className="text-sm text-muted">{hint2}</p>
      {chosen.length > 0 && (
        <ul aria-label={`${label} : sélection`} className="mt-2 flex flex-wrap gap-2">
          {chosen.map((t) => (
            <li key={t.id} className="flex items-center gap-2 rounded bg-brand-light px-2 py-1 text-sm">
              <input type="hidden" name={name} value={t.id} />
              <span>
                <span className="font-semibold">{t.name}</span> <span className="text-muted">{t.context}</span>
              </span>
              <button type="button" onClick={() => remove(t)} className="rounded px-1 font-semibold text-brand underline">
                Retirer<span className="sr-only"> {t.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, { hint: true, error })}
        autoComplete="off"
        value={text}
        placeholder={single && chosen.length ? "Remplacer par…" : "Ajouter un territoire…"}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && shown.length) {
            e.preventDefault();
            setActive((a) => (a + 1) % shown.length);
          } else if (e.key === "ArrowUp" && shown.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? shown.length - 1 : a - 1));
          } else if (e.key === "Enter") {
            // Never submit the whole form from the search box.
            e.preventDefault();
            const option = shown[active >= 0 ? active : 0];
            if (expanded && option) choose(option);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className={`mt-2 w-full rounded-t border-b-2 bg-surface px-3 py-2 ${error ? "border-accent" : "border-ink"}`}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Territoires suggérés"
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded border border-line bg-white shadow-lg"
      >
        {shown.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand text-white" : "hover:bg-brand-light"}`}
          >
            <span className="font-medium">{option.name}</span>{" "}
            <span className={`text-sm ${index === active ? "text-white" : "text-muted"}`}>{option.context}</span>
          </li>
        ))}
      </ul>
      <FieldMessage path={name} error={error} />
      <p aria-live="polite" className="sr-only">{message}</p>
    </div>
  );
}
