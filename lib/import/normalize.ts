/** Text keys for matching names typed by people: no accents, no case, punctuation as spaces. */
export function nameKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/[’'`]/g, " ")
    .replace(/[^a-z0-9-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** « Banque des Territoires (Caisse des Dépôts) » → « Banque des Territoires ». */
export const withoutParentheses = (value: string) => value.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
