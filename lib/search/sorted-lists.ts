/** Sorted lists of numbers (documents, programmes), ascending without duplicates: pure helpers. */

/** Sorted intersection and union of document lists. */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i] as number;
    j = seek(b, j, b.length, x);
    if (j < b.length && b[j] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}
export function union(a: Int32Array, b: Int32Array): Int32Array {
  if (!a.length) return b;
  if (!b.length) return a;
  const out = new Int32Array(a.length + b.length);
  let n = 0, i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) i++;
    if (y <= x) j++;
    out[n++] = x <= y ? x : y;
  }
  out.set(i < a.length ? a.subarray(i) : b.subarray(j), n);
  n += i < a.length ? a.length - i : b.length - j;
  return out.subarray(0, n);
}
/** The elements of `a` not in `b` (both ascending). */
export function difference(a: Int32Array, b: Int32Array): Int32Array {
  if (!b.length) return a;
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    j = seek(b, j, b.length, x);
    if (j >= b.length || b[j] !== x) out[n++] = x;
  }
  return out.subarray(0, n);
}
/** First index in [from, end) where sorted[index] ≥ value, or end (galloping, then binary search). */
export function seek(sorted: Int32Array, from: number, end: number, value: number): number {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < end && (sorted[hi] as number) < value) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > end) hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
