/**
 * « Réappliquer mes modifications sur la version actuelle » after a conflict: a three-way merge of
 * form values. The fields the person changed (typed ≠ the version they started from) take what they
 * typed; every other field takes the current version's value, so that the other person's changes
 * are kept too. Fields both changed are named, for the person to check.
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The keys whose values differ between two form values. */
export function changedKeys<V extends object>(from: V, to: V): (keyof V & string)[] {
  return (Object.keys(to) as (keyof V & string)[]).filter((k) => !same(from[k], to[k]));
}

export function mergeOntoCurrent<V extends object>(base: V, typed: V, current: V): { values: V; both: (keyof V & string)[] } {
  const mine = new Set(changedKeys(base, typed));
  const theirs = new Set(changedKeys(base, current));
  const values = { ...current };
  for (const k of mine) values[k] = typed[k];
  return { values, both: [...mine].filter((k) => theirs.has(k) && !same(typed[k], current[k])) };
}
