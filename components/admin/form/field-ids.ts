/**
 * One element id per field path, shared by the inputs, their messages and the error summary:
 * `sources.0.url` → `champ-sources-0-url`.
 */
export const fieldId = (path: string) => `champ-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
export const errorId = (path: string) => `${fieldId(path)}-erreur`;
export const hintId = (path: string) => `${fieldId(path)}-aide`;

/** The ids an input names in aria-describedby (its hint, then its error), or undefined. */
export function describedBy(path: string, { hint, error }: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [hint ? hintId(path) : null, error ? errorId(path) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}
