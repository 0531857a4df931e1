"use client";

import { useEffect, useId, useRef, useState } from "react";

export interface TerritoryOption {
  id: string;
  name: string;
  context: string;
}

/**
 * A commune/EPCI/département/région picker (ARIA 1.2 combobox with a list box).
 * Without JavaScript it is a plain text field named `lieu`, which the server resolves; with it,
 * suggestions come from /api/v1/territories as you type and the choice fills the hidden `territory`
 * (the server keeps `territory` while `lieu` still names it).
 */
export function TerritoryPicker({ selected, defaultText }: { selected: TerritoryOption | null; defaultText?: string }) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(selected ? selected.name : (defaultText ?? ""));
  const [value, setValue] = useState(selected?.id ?? "");
  const [options, setOptions] = useState<TerritoryOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState("");
  const abort = useRef<AbortController | null>(null);
  const hidden = useRef<HTMLInputElement>(null);

  const query = text.trim();
  const wantsSuggestions = open && query.length >= 2 && !(value && text === selected?.name);

  useEffect(() => {
    if (!wantsSuggestions) return;
    const timer = setTimeout(async () => {
      abort.current?.abort();
      abort.current = new AbortController();
      try {
        const response = await fetch(`/api/v1/territories?q=${encodeURIComponent(query)}&limit=8`, { signal: abort.current.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { items: TerritoryOption[] };
        setOptions(body.items);
        setActive(-1);
        setMessage(body.items.length ? `${body.items.length} suggestions disponibles` : "Aucun territoire trouvé");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setMessage("Les suggestions sont indisponibles ; validez le formulaire pour chercher ce lieu.");
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [query, wantsSuggestions]);

  const choose = (option: TerritoryOption) => {
    setText(option.name);
    setValue(option.id);
    setOpen(false);
    setOptions([]);
    setMessage(`${option.name} sélectionné`);
    // Let the surrounding form react (auto-submit) once the hidden value is set.
    queueMicrotask(() => hidden.current?.dispatchEvent(new Event("change", { bubbles: true })));
  };

  const shown = wantsSuggestions ? options : [];
  const expanded = shown.length > 0;
  return (
    <div className="relative">
      <label htmlFor={id} className="block font-semibold">
        Commune, intercommunalité, département ou région
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">Nom ou code postal, par exemple « Brest » ou « 29200 »</p>
      <input
        id={id}
        name="lieu"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setValue("");
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
          } else if (e.key === "Enter" && expanded && active >= 0) {
            e.preventDefault();
            const option = shown[active];
            if (option) choose(option);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className="mt-1 w-full rounded-t border-b-2 border-ink bg-surface px-3 py-2"
      />
      <input ref={hidden} type="hidden" name="territory" value={value} disabled={!value} />
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
      <p aria-live="polite" className="sr-only">{message}</p>
    </div>
  );
}
