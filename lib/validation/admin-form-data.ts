/**
 * Reading a submitted form (FormData) as plain strings, shared by the programme and funder forms
 * (lib/validation/admin-programme-form.ts, admin-funder-form.ts). Nothing here validates: the
 * zod schemas of admin-programme.ts / admin-funder.ts do, on the input these helpers prepare.
 */

/** One text field (the first value; a file or an absent field is ""). */
export function readText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Every value of a repeated field (checkboxes, hidden inputs), blanks dropped. */
export function readAll(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A checkbox: checked when present with any value but "" / "off" / "false". */
export function readCheckbox(form: FormData, name: string): boolean {
  const value = form.get(name);
  return typeof value === "string" && !["", "off", "false"].includes(value);
}

/**
 * The rows of a list field (`sources.3.url`, `sources.3.title`…; `position.sources.3` gives the
 * order typed by a person without JavaScript), as objects of strings, sorted by position then by
 * index, blank rows dropped. Indexes need not be contiguous (rows may have been removed).
 */
export function readRows<K extends string>(form: FormData, list: string, keys: readonly K[]): Record<K, string>[] {
  return orderedIndexes(form, list)
    .map((index) => Object.fromEntries(keys.map((k) => [k, readText(form, `${list}.${index}.${k}`)])) as Record<K, string>)
    .filter((row) => keys.some((k) => row[k].trim() !== ""));
}

/** A list of single values (`eligibility.0`, `eligibility.1`…) in the order of their positions, blanks dropped. */
export function readValueRows(form: FormData, list: string): string[] {
  return orderedIndexes(form, list)
    .map((index) => readText(form, `${list}.${index}`))
    .filter((value) => value.trim() !== "");
}

function orderedIndexes(form: FormData, list: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${list.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d{1,3})(?:\\.|$)`);
  for (const name of form.keys()) {
    const match = pattern.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  const position = (index: number) => {
    const n = Number.parseFloat(readText(form, `position.${list}.${index}`).replace(",", "."));
    return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
  };
  return [...indexes].sort((a, b) => position(a) - position(b) || a - b);
}

/**
 * A decimal typed the French way (« 1 500 000 », « 12,5 », « 80 % », « 15 000 € ») → a number;
 * blank → null; anything else stays as typed so that the schema answers with its message.
 */
export function parseDecimal(value: string): number | string | null {
  const compact = value.replace(/[\s\u00a0\u202f€%]/g, "").replace(",", ".");
  if (compact === "") return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : value;
}

/** A number for a form field: 1500.5 → « 1500,5 » (no grouping, so that it reads back the same). */
export const formatDecimal = (value: number | null): string => (value === null ? "" : String(value).replace(".", ","));

/** A blank text → null (the schemas treat null as « not given »). */
export const orNull = (value: string): string | null => (value.trim() === "" ? null : value);

/** Territory ids typed in one field without JavaScript, or sent one per hidden input with it. */
export function readTerritoryIds(form: FormData, name: string): string[] {
  return [...new Set(readAll(form, name).flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean))];
}
