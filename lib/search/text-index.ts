/**
 * Full-text matching and ranking in memory, on PostgreSQL's own text search data (pure: no database
 * here). PostgreSQL builds each programme's tsvector (French stems without accents, weights A to D,
 * positions: the `programme_search_vector` function) and turns the words typed into a tsquery
 * (lib/data/search-query.ts); this module reads both in their text form and answers, for every
 * programme, what `search_vector @@ query` and `ts_rank_cd(weights, search_vector, query)` would.
 *
 * Why: ranking is the one part of a search PostgreSQL cannot answer from an index. A frequent word
 * (« numérique ») matches most of the catalogue, and `ts_rank_cd` then reads and ranks every
 * matching programme's tsvector at each search (150 to 640 ms at 100,000 programmes, BENCHMARKS.md).
 * Here the tsvectors sit in an inverted index (one posting list per lexeme, with positions and
 * weights), and a search touches only the postings of its own lexemes.
 *
 * The rules are PostgreSQL's (src/backend/utils/adt/tsrank.c and tsvector_op.c, PostgreSQL 15 to 17),
 * re-stated rather than approximated, so that results and their order do not change:
 * - match: `&` both, `|` either, `a <N> b` an occurrence of b exactly N positions after one of a
 *   (for a phrase on the right, after its start);
 * - cover density (ts_rank_cd, no normalisation): the query's occurrences in the programme, sorted by
 *   position, are cut into covers, each the shortest run of occurrences, from the current one on,
 *   that satisfies the query; a cover of n occurrences adds n / Σ(1 / weight) divided by
 *   1 + the words between them that are not in it; the result is a float4.
 * tests/db/text-index.test.ts checks both against PostgreSQL on thousands of queries.
 * Only what phraseto_tsquery, `&&` and `||` produce is accepted: lexemes without prefix or weight
 * restriction, `&`, `|` and phrases of lexemes (no `!`).
 */

import { difference, intersect, seek, union } from "./sorted-lists";

// A position is PostgreSQL's WordEntryPos: 14 bits of position, 2 bits of weight (D = 0 … A = 3).
const POS_MASK = 0x3fff;
const weightOf = (wep: number) => wep >>> 14;
const positionOf = (wep: number) => wep & POS_MASK;

/** ts_rank_cd's weights as the search passes them ('{0.1, 0.2, 0.4, 1.0}': D, C, B, A), as float4. */
export const RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0] as const;
const INVERSE_WEIGHTS = RANK_WEIGHTS.map((w) => 1 / Math.fround(w));
/** What one occurrence alone adds (computed as a cover of one, to the same last bit). */
const SINGLE = INVERSE_WEIGHTS.map((inverse) => 1 / inverse);

export interface TextIndex {
  /** Lexeme → its number; its postings are entries[entryStart[n] … entryStart[n + 1]). */
  lexemes: Map<string, number>;
  entryStart: Int32Array;
  /** Per entry (a lexeme in a document), in document order within each lexeme. */
  entryDoc: Int32Array;
  entryPosStart: Int32Array;
  entryPosCount: Uint16Array;
  /** Per entry, the sum of its occurrences' weights: what it adds at most to a rank (see bound()). */
  entryWeight: Float32Array;
  /** Per entry, the highest weight of its occurrences (D = 0 … A = 3). */
  entryTop: Uint8Array;
  /** WordEntryPos values, ascending within each entry. */
  positions: Uint16Array;
  size: number;
}

/** Grows as values are pushed; `view()` is the filled part. */
class GrowingArray<T extends Int32Array | Uint16Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(value: number) {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** The weight (D = 0 … A = 3) a tsvector position's letter gives (its character code), or -1 for none. */
const weightOfLetter = (c: number) => (c >= 65 && c <= 68 ? 68 - c : c >= 97 && c <= 100 ? 100 - c : -1);

/** Reads a quoted lexeme of tsvector or tsquery output ('' and \\ escaped) at `at` (its opening quote). */
function readQuoted(text: string, at: number): { value: string; next: number } {
  let value = "";
  let from = at + 1;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      value += text.slice(from, i);
      from = ++i; // the next character, taken as is
    } else if (c === 39 /* ' */) {
      if (text.charCodeAt(i + 1) === 39) {
        value += text.slice(from, i + 1);
        from = ++i + 1;
      } else {
        return { value: value + text.slice(from, i), next: i + 1 };
      }
    }
  }
  throw new Error(`Texte de recherche illisible : ${text.slice(at, at + 40)}`);
}

/** Builds the index from each document's tsvector text (`search_vector::text`), documents numbered 0, 1, 2… */
export class TextIndexBuilder {
  private readonly lexemes = new Map<string, number>();
  private readonly entryLexeme = new GrowingArray(new Int32Array(1 << 16), (n) => new Int32Array(n));
  private readonly entryDoc = new GrowingArray(new Int32Array(1 << 16), (n) => new Int32Array(n));
  private readonly entryPosStart = new GrowingArray(new Int32Array(1 << 16), (n) => new Int32Array(n));
  private readonly positions = new GrowingArray(new Uint16Array(1 << 16), (n) => new Uint16Array(n));
  private docs = 0;

  /** Adds document number `this.size` (null or '' for a document without words). */
  add(tsvector: string | null) {
    const doc = this.docs++;
    const text = tsvector ?? "";
    for (let i = 0; i < text.length; ) {
      if (text.charCodeAt(i) === 32) {
        i++;
        continue;
      }
      const { value, next } = readQuoted(text, i);
      let lexeme = this.lexemes.get(value);
      if (lexeme === undefined) this.lexemes.set(value, (lexeme = this.lexemes.size));
      this.entryLexeme.push(lexeme);
      this.entryDoc.push(doc);
      this.entryPosStart.push(this.positions.length);
      i = next;
      if (text.charCodeAt(i) === 58 /* : */) {
        i++;
        for (;;) {
          let pos = 0;
          for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) pos = pos * 10 + (c - 48);
          const weight = weightOfLetter(text.charCodeAt(i));
          if (weight >= 0) i++;
          this.positions.push((Math.max(weight, 0) << 14) | Math.min(pos, POS_MASK));
          if (text.charCodeAt(i) !== 44 /* , */) break;
          i++;
        }
      }
    }
  }

  get size() {
    return this.docs;
  }

  /** The inverted index: entries regrouped by lexeme (a counting sort), documents ascending in each. */
  finish(): TextIndex {
    const lexemeOf = this.entryLexeme.view();
    const docOf = this.entryDoc.view();
    const posStartOf = this.entryPosStart.view();
    const totalPositions = this.positions.length;
    const n = lexemeOf.length;
    const entryStart = new Int32Array(this.lexemes.size + 1);
    for (let e = 0; e < n; e++) {
      const l = (lexemeOf[e] as number) + 1;
      entryStart[l] = (entryStart[l] as number) + 1;
    }
    for (let l = 0; l < this.lexemes.size; l++) entryStart[l + 1] = (entryStart[l + 1] as number) + (entryStart[l] as number);
    const fill = entryStart.slice(0, this.lexemes.size);
    const entryDoc = new Int32Array(n);
    const entryPosStart = new Int32Array(n);
    const entryPosCount = new Uint16Array(n);
    const entryWeight = new Float32Array(n);
    const entryTop = new Uint8Array(n);
    const positions = this.positions.view();
    for (let e = 0; e < n; e++) {
      const lexeme = lexemeOf[e] as number;
      const at = fill[lexeme] as number;
      fill[lexeme] = at + 1;
      const start = posStartOf[e] as number;
      const end = e + 1 < n ? (posStartOf[e + 1] as number) : totalPositions;
      entryDoc[at] = docOf[e] as number;
      entryPosStart[at] = start;
      entryPosCount[at] = end - start;
      let weight = 0;
      let top = 0;
      for (let p = start; p < end; p++) {
        const w = weightOf(positions[p] as number);
        weight += SINGLE[w] as number;
        if (w > top) top = w;
      }
      entryWeight[at] = weight;
      entryTop[at] = top;
    }
    return {
      lexemes: this.lexemes,
      entryStart,
      entryDoc,
      entryPosStart,
      entryPosCount,
      entryWeight,
      entryTop,
      positions: positions.slice(),
      size: this.docs,
    };
  }
}

// Queries ---------------------------------------------------------------------------------------

export type TextQuery =
  | { op: "word"; lexeme: string }
  | { op: "and" | "or"; left: TextQuery; right: TextQuery }
  | { op: "phrase"; distance: number; left: TextQuery; right: TextQuery };

/**
 * Reads a tsquery's text (`query::text`): `'a' & ( 'b' <-> 'c' | 'd' )`. Null for an empty query
 * (only stop words), which matches nothing, as in PostgreSQL.
 */
export function parseTsquery(text: string): TextQuery | null {
  let i = 0;
  const skip = () => {
    while (text[i] === " ") i++;
  };
  const fail = (what: string): never => {
    throw new Error(`Requête de recherche non prise en charge (${what}) : ${text}`);
  };
  const operand = (): TextQuery => {
    skip();
    if (text[i] === "(") {
      i++;
      const inner = or();
      skip();
      if (text[i] !== ")") fail("parenthèse");
      i++;
      return inner;
    }
    if (text[i] !== "'") fail(text[i] === "!" ? "négation" : "opérande");
    const { value, next } = readQuoted(text, i);
    i = next;
    if (text[i] === ":") fail("préfixe ou poids");
    return { op: "word", lexeme: value };
  };
  const phrase = (): TextQuery => {
    let left = operand();
    for (;;) {
      skip();
      const m = /^<(-|\d+)>/.exec(text.slice(i, i + 8));
      if (!m) return left;
      i += m[0].length;
      const right = operand();
      if (!isPhraseOfWords(left) || !isPhraseOfWords(right)) fail("opérateur dans une phrase");
      left = { op: "phrase", distance: m[1] === "-" ? 1 : Number(m[1]), left, right };
    }
  };
  // `a & b & c` and `a | b | c`, left to right; `&` binds tighter than `|`, a phrase tighter than both.
  const chain = (op: "and" | "or", symbol: string, next: () => TextQuery) => (): TextQuery => {
    let left = next();
    for (skip(); text[i] === symbol; skip()) {
      i++;
      left = { op, left, right: next() };
    }
    return left;
  };
  const and = chain("and", "&", phrase);
  const or = chain("or", "|", and);
  skip();
  if (i === text.length) return null;
  const query = or();
  skip();
  if (i !== text.length) fail("fin");
  return query;
}

const isPhraseOfWords = (q: TextQuery): boolean =>
  q.op === "word" || (q.op === "phrase" && isPhraseOfWords(q.left) && isPhraseOfWords(q.right));

// Evaluation ------------------------------------------------------------------------------------
//
// A query is compiled into atoms: one per lexeme (operand) and one per phrase, and a boolean
// function of which atoms hold. In a window of a document's occurrences, a lexeme holds when it
// occurs there, a phrase when one of its occurrences lies wholly inside (PostgreSQL compares the
// positions the window holds: the same thing).

/** Whether the query holds, given which lexemes (by operand) and which phrases (by number) do. */
type Holds = (lexemes: Uint8Array, phrases: Uint8Array) => boolean;

interface Phrase {
  /** Its number among the phrases of the search. */
  atom: number;
  /** Its words: operand, and offset from the phrase's first word. */
  operands: number[];
  offsets: number[];
  /** Where it occurs, when known in advance (see phrasePostings()); `cursor` for documents asked in order. */
  known?: PhrasePostings & { cursor: number };
}

/**
 * A phrase's postings, computed once for the whole index: the documents where it occurs
 * (ascending) and, for each, the sum over its occurrences of their highest weight (what it adds at
 * most to a rank, see TextSearch.bounds()).
 */
export interface PhrasePostings {
  docs: Int32Array;
  weights: Float64Array;
}

/** An operand's entry not looked up yet (-1 is « not in this document »). */
const NOT_LOCATED = -2;

/** float4 results and float4 weights: a margin far above their rounding. */
const withMargin = (bound: number) => bound * (1 + 1e-5) + 1e-6;

/** A phrase's key: its lexemes with their offsets from the first (`'franc' <-> 'servic'` → `franc@0 servic@1`). */
function phraseKey(q: TextQuery): string {
  const lexemes: string[] = [];
  const flat = flatten(q, (lexeme) => lexemes.push(lexeme) - 1);
  return flat.operands.map((k, w) => `${lexemes[k]}@${flat.offsets[w]}`).join(" ");
}

/**
 * The postings of phrases searched often (the synonym sets' phrases), computed once when the index
 * is built, so that a search neither checks where they occur nor weighs their occurrences again.
 * Queries that are not a phrase (one word, empty) are skipped.
 */
export function phrasePostings(index: TextIndex, queries: string[]): Map<string, PhrasePostings> {
  const known = new Map<string, PhrasePostings>();
  for (const text of queries) {
    const q = parseTsquery(text);
    if (!q || q.op !== "phrase") continue;
    const key = phraseKey(q);
    if (known.has(key)) continue;
    const search = new TextSearch(index, q);
    const docs = search.matches();
    known.set(key, { docs, weights: search.phraseWeights(docs) });
  }
  return known;
}

interface Compiled {
  holds: Holds;
  phrases: Phrase[];
  /** The operands of this query (the occurrences it ranks). */
  operands: number[];
  /** A single lexeme: its rank is the sum of its occurrences' weights. */
  single: boolean;
  /**
   * What bounds its rank (see TextSearch.bounds()): the weights of these operands' occurrences, and
   * the highest weight of each occurrence of these phrases. For alternatives only (`|` of lexemes
   * and phrases), each cover is one occurrence of one of them: their lexemes and phrases; otherwise
   * all the operands' occurrences, and no phrase.
   */
  boundWords: Int32Array;
  boundPhrases: Phrase[];
  /** For `a & b & …` (different lexemes only): their operands, whose covers are bounded more tightly (see boundOf()). */
  allOf: Int32Array | null;
}

/** Flattens a phrase: `left <N> right` puts right's first word N positions after left's last. */
function flatten(q: TextQuery, operandOf: (lexeme: string) => number): { operands: number[]; offsets: number[]; width: number } {
  if (q.op === "word") return { operands: [operandOf(q.lexeme)], offsets: [0], width: 0 };
  if (q.op !== "phrase") throw new Error("opérateur dans une phrase");
  const left = flatten(q.left, operandOf);
  const right = flatten(q.right, operandOf);
  const shift = left.width + q.distance;
  return {
    operands: [...left.operands, ...right.operands],
    offsets: [...left.offsets, ...right.offsets.map((o) => o + shift)],
    width: shift + right.width,
  };
}

class Compiler {
  readonly operands = new Map<string, number>();
  phrases = 0;
  constructor(private readonly known: Map<string, PhrasePostings> | null = null) {}
  operandOf = (lexeme: string) => {
    let k = this.operands.get(lexeme);
    if (k === undefined) this.operands.set(lexeme, (k = this.operands.size));
    if (k >= MAX_OPERANDS) throw new Error("Requête de recherche trop longue");
    return k;
  };
  compile(query: TextQuery): Compiled {
    const phrases: Phrase[] = [];
    const used = new Set<number>();
    const walk = (q: TextQuery): Holds => {
      if (q.op === "word") {
        const k = this.operandOf(q.lexeme);
        used.add(k);
        return (lexemes) => lexemes[k] === 1;
      }
      if (q.op === "phrase") {
        const flat = flatten(q, this.operandOf);
        flat.operands.forEach((k) => used.add(k));
        const atom = this.phrases++;
        const known = this.known?.get(phraseKey(q));
        phrases.push({ atom, operands: flat.operands, offsets: flat.offsets, known: known && { ...known, cursor: 0 } });
        return (_, held) => held[atom] === 1;
      }
      const left = walk(q.left);
      const right = walk(q.right);
      return q.op === "and" ? (l, p) => left(l, p) && right(l, p) : (l, p) => left(l, p) || right(l, p);
    };
    const holds = walk(query);
    const alternativesOf = (q: TextQuery): boolean => q.op === "word" || q.op === "phrase" || (q.op === "or" && alternativesOf(q.left) && alternativesOf(q.right));
    const wordsOf = (q: TextQuery): number[] =>
      q.op === "word" ? [this.operands.get(q.lexeme) as number] : q.op === "or" ? [...wordsOf(q.left), ...wordsOf(q.right)] : [];
    const alternatives = alternativesOf(query);
    // `a & b & …`: the lexemes of an AND of words, each once (null for anything else).
    const wordsOfAnd = (q: TextQuery): string[] | null => {
      if (q.op === "word") return [q.lexeme];
      if (q.op !== "and") return null;
      const left = wordsOfAnd(q.left);
      const right = left && wordsOfAnd(q.right);
      return left && right ? [...left, ...right] : null;
    };
    const andWords = query.op === "and" ? wordsOfAnd(query) : null;
    const allOf = andWords && new Set(andWords).size === andWords.length ? Int32Array.from(andWords, (w) => this.operands.get(w) as number) : null;
    return {
      allOf,
      holds,
      phrases,
      operands: [...used],
      single: query.op === "word",
      boundWords: Int32Array.from(alternatives ? new Set(wordsOf(query)) : used),
      boundPhrases: alternatives ? phrases : [],
    };
  }
}

const MAX_OPERANDS = 1024;


/** A document's occurrences of some operands, sorted by position: WordEntryPos and operand. */
class Occurrences {
  wep = new Int32Array(64);
  operand = new Int32Array(64);
  count = 0;
  /** Phrase occurrences: atom, first and last occurrence index. */
  phraseAtom: number[] = [];
  phraseFirst: number[] = [];
  phraseLast: number[] = [];

  reserve(n: number) {
    if (n <= this.wep.length) return;
    this.wep = new Int32Array(n * 2);
    this.operand = new Int32Array(n * 2);
  }

  /** Where each phrase of `phrases` occurs (every word at its offset), as runs of occurrences. */
  findPhrases(phrases: Phrase[]) {
    this.phraseAtom.length = this.phraseFirst.length = this.phraseLast.length = 0;
    for (const phrase of phrases) {
      const first = phrase.operands[0] as number;
      for (let i = 0; i < this.count; i++) {
        if (this.operand[i] !== first) continue;
        const start = positionOf(this.wep[i] as number);
        let lo = i, hi = i, ok = true;
        for (let w = 1; ok && w < phrase.operands.length; w++) {
          const at = this.find(phrase.operands[w] as number, start + (phrase.offsets[w] as number));
          if (at < 0) ok = false;
          else {
            if (at < lo) lo = at;
            if (at > hi) hi = at;
          }
        }
        if (ok) {
          this.phraseAtom.push(phrase.atom);
          this.phraseFirst.push(lo);
          this.phraseLast.push(hi);
        }
      }
    }
  }

  /** The index of `operand`'s occurrence at `position`, or -1. */
  private find(operand: number, position: number): number {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positionOf(this.wep[mid] as number) < position) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.count && positionOf(this.wep[i] as number) === position; i++) if (this.operand[i] === operand) return i;
    return -1;
  }
}

/** What the cover of occurrences begin … end adds to ts_rank_cd: n / Σ(1 / weight) / (1 + noise). */
function coverValue(wep: Int32Array, begin: number, end: number): number {
  let inverseSum = 0;
  for (let k = begin; k <= end; k++) inverseSum += INVERSE_WEIGHTS[weightOf(wep[k] as number)] as number;
  const length = end - begin;
  let noise = positionOf(wep[end] as number) - positionOf(wep[begin] as number) - length;
  if (noise < 0) noise = Math.trunc(length / 2);
  return (length + 1) / inverseSum / (1 + noise);
}

/**
 * ts_rank_cd (no normalisation) of the occurrences `o` (phrases found) for a query: covers found
 * forward then backward, each adding n / Σ(1 / weight) / (1 + noise). `last`: given when the query is
 * `a & b & …` (its allOf) and `o` holds only their occurrences, which are then walked once.
 */
function coverDensity(query: Compiled, o: Occurrences, lexemes: Uint8Array, held: Uint8Array, last: Int32Array | null = null): number {
  const { wep, operand, count } = o;
  if (query.single) {
    let rank = 0;
    for (let k = 0; k < count; k++) rank += SINGLE[weightOf(wep[k] as number)] as number;
    return Math.fround(rank);
  }
  const phrases = o.phraseAtom.length;
  let rank = 0;
  if (last && last.length === 2) {
    // `a & b`: the covers are the neighbours of different words (see boundOf()), in the same order
    // as the general loop below finds them.
    for (let k = 1; k < count; k++) {
      if (operand[k] !== operand[k - 1]) rank += coverValue(wep, k - 1, k);
    }
    return Math.fround(rank);
  }
  if (last) {
    // `a & b & …` (operands 0 … m - 1): the general loop's covers, found in one walk. A cover ends
    // at the first occurrence from `start` where every word has been seen, and begins at the
    // earliest of the words' last occurrences; its first word occurs nowhere else in it, so from
    // the next start on only that word is missing, and the walk goes on where it stopped.
    const m = last.length;
    last.fill(-1);
    let have = 0;
    let next = 0;
    for (let start = 0; ; ) {
      while (have < m && next < count) {
        const k = operand[next] as number;
        if ((last[k] as number) < start) have++;
        last[k] = next++;
      }
      if (have < m) break;
      const end = next - 1;
      let begin = end;
      for (let k = 0; k < m; k++) if ((last[k] as number) < begin) begin = last[k] as number;
      rank += coverValue(wep, begin, end);
      start = begin + 1;
      have = m - 1;
    }
    return Math.fround(rank);
  }
  for (let start = 0; start < count; ) {
    // The first occurrence from `start` at which the query holds…
    lexemes.fill(0);
    held.fill(0);
    let end = -1;
    for (let k = start; k < count; k++) {
      lexemes[operand[k] as number] = 1;
      for (let p = 0; p < phrases; p++) if (o.phraseLast[p] === k && (o.phraseFirst[p] as number) >= start) held[o.phraseAtom[p] as number] = 1;
      if (query.holds(lexemes, held)) {
        end = k;
        break;
      }
    }
    if (end < 0) break;
    // …and, going back from it, the last occurrence from which it still holds: the cover.
    lexemes.fill(0);
    held.fill(0);
    let begin = start;
    for (let k = end; k >= start; k--) {
      lexemes[operand[k] as number] = 1;
      for (let p = 0; p < phrases; p++) if (o.phraseFirst[p] === k && (o.phraseLast[p] as number) <= end) held[o.phraseAtom[p] as number] = 1;
      if (query.holds(lexemes, held)) {
        begin = k;
        break;
      }
    }
    rank += coverValue(wep, begin, end);
    start = begin + 1;
  }
  return Math.fround(rank);
}


/**
 * A search of the words of a query: which documents match (tsvector @@ query), and, for those
 * asked, their rank: ts_rank_cd(query) + ts_rank_cd(phrase), as the float4 sum PostgreSQL computes
 * (phrase: the whole query as one phrase, ranking exact wordings first; null for none).
 */
export class TextSearch {
  private readonly main: Compiled | null;
  private readonly bonus: Compiled | null;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly cursor: Int32Array;
  private readonly lexemes: Uint8Array;
  private readonly held: Uint8Array;
  private readonly all = new Occurrences();
  private readonly bonusOnly = new Occurrences();
  private readonly inBonus: Uint8Array;
  private readonly operands: Map<string, number>;
  private readonly known: Map<string, PhrasePostings> | null;
  private keys = new Int32Array(64);
  /** Where boundOf() adds its bounds. */
  private readonly sum = new Float64Array(1);
  /** The query is `a & b & …` and the search has no other word (the phrase, if any, is theirs): room for each word's last occurrence. */
  private readonly onlyAnd: Int32Array | null;
  /** Where the documents given to bounds() have each operand's entry (kept for rank()). */
  private located: Int32Array | null = null;
  private locatedDocs: ArrayLike<number> | null = null;

  constructor(
    private readonly index: TextIndex,
    private readonly query: TextQuery | null,
    phrase: TextQuery | null = null,
    /** Phrases whose postings are known in advance (phrasePostings()). */
    known: Map<string, PhrasePostings> | null = null,
  ) {
    const compiler = new Compiler(known);
    this.known = known;
    this.operands = compiler.operands;
    this.main = query ? compiler.compile(query) : null;
    this.bonus = query && phrase ? compiler.compile(phrase) : null;
    const n = compiler.operands.size;
    this.from = new Int32Array(n);
    this.to = new Int32Array(n);
    for (const [lexeme, k] of compiler.operands) {
      const l = index.lexemes.get(lexeme);
      this.from[k] = l === undefined ? 0 : (index.entryStart[l] as number);
      this.to[k] = l === undefined ? 0 : (index.entryStart[l + 1] as number);
    }
    this.cursor = this.from.slice();
    this.onlyAnd = this.main?.allOf && this.main.allOf.length === n ? new Int32Array(n) : null;
    this.lexemes = new Uint8Array(n);
    this.held = new Uint8Array(compiler.phrases);
    this.inBonus = new Uint8Array(n);
    for (const k of this.bonus?.operands ?? []) this.inBonus[k] = 1;
  }

  /** The entry of operand k in `doc` (its occurrences there), or -1; documents asked in ascending order are found fastest. */
  private locate(k: number, doc: number): number {
    const ix = this.index;
    const from = this.from[k] as number;
    const to = this.to[k] as number;
    let c = this.cursor[k] as number;
    if (c > from && (ix.entryDoc[c - 1] as number) >= doc) c = from;
    c = this.cursor[k] = seek(ix.entryDoc, c, to, doc);
    return c < to && ix.entryDoc[c] === doc ? c : -1;
  }

  /**
   * Whether `phrase` occurs in a document whose entries (per operand, -1 for none) are
   * `entries[base + k]`; with `all`, the sum over its occurrences of their highest weight (0 for none).
   */
  private occurs(phrase: Phrase, entries: Int32Array, base: number, all = false): number {
    const ix = this.index;
    const words = phrase.operands.length;
    for (let w = 0; w < words; w++) if ((entries[base + (phrase.operands[w] as number)] as number) < 0) return 0;
    const first = entries[base + (phrase.operands[0] as number)] as number;
    const start = ix.entryPosStart[first] as number;
    const end = start + (ix.entryPosCount[first] as number);
    let sum = 0;
    for (let p = start; p < end; p++) {
      const wep = ix.positions[p] as number;
      const at = positionOf(wep);
      let heaviest = weightOf(wep);
      for (let w = 1; heaviest >= 0 && w < words; w++) {
        const entry = entries[base + (phrase.operands[w] as number)] as number;
        const found = positionIn(ix, entry, at + (phrase.offsets[w] as number));
        heaviest = found < 0 ? -1 : Math.max(heaviest, weightOf(found));
      }
      if (heaviest < 0) continue;
      if (!all) return 1;
      sum += SINGLE[heaviest] as number;
    }
    return sum;
  }

  /**
   * The matching documents, ascending. Evaluated node by node (a query without negation matches a
   * document when its tree holds there, each node on its own): a word is its posting list, AND and
   * OR intersect and unite their operands' results, and a phrase is checked, position by position,
   * only in the documents that have all its words — and, under an AND, only in those the other
   * operands allow; an OR's second operand is not checked again where its first one matched.
   */
  matches(): Int32Array {
    if (!this.main) return new Int32Array(0);
    const docsOf = (k: number) => this.index.entryDoc.subarray(this.from[k] as number, this.to[k] as number);
    const operandOf = (lexeme: string) => this.operands.get(lexeme) as number;
    // The documents that have all the words a node requires (a phrase read as « all its words »,
    // or as where it occurs when that is known).
    const superset = (q: TextQuery): Int32Array => {
      if (q.op === "word") return docsOf(operandOf(q.lexeme));
      // A phrase known in advance: exactly where it occurs (its words together are often far more).
      const known = q.op === "phrase" ? this.known?.get(phraseKey(q)) : undefined;
      if (known) return known.docs;
      const left = superset(q.left);
      if (q.op !== "or" && !left.length) return left;
      const right = superset(q.right);
      return q.op === "or" ? union(left, right) : intersect(left, right);
    };
    const entries = new Int32Array(this.from.length).fill(-1);
    // The documents among `within` (null: any) where `q` holds.
    const hasPhrase = (q: TextQuery): boolean => q.op === "phrase" || (q.op !== "word" && (hasPhrase(q.left) || hasPhrase(q.right)));
    const exact = (q: TextQuery, within: Int32Array | null): Int32Array => {
      // Without a phrase, having the words is matching.
      if (!hasPhrase(q)) return within ? intersect(within, superset(q)) : superset(q);
      switch (q.op) {
        case "word": {
          const docs = docsOf(operandOf(q.lexeme));
          return within ? intersect(within, docs) : docs;
        }
        case "and": {
          const allowed = within ? intersect(within, superset(q)) : superset(q);
          const left = exact(q.left, allowed);
          return left.length ? exact(q.right, left) : left;
        }
        case "or": {
          const left = exact(q.left, within);
          const rest = difference(within ?? superset(q.right), left);
          return union(left, exact(q.right, rest));
        }
        case "phrase": {
          const known = this.known?.get(phraseKey(q));
          if (known) return within ? intersect(within, known.docs) : known.docs;
          const flat = flatten(q, operandOf);
          const phrase: Phrase = { atom: -1, operands: flat.operands, offsets: flat.offsets };
          const candidates = within ? intersect(within, superset(q)) : superset(q);
          const found = new Int32Array(candidates.length);
          let n = 0;
          for (const doc of candidates) {
            for (const k of phrase.operands) entries[k] = this.locate(k, doc);
            if (this.occurs(phrase, entries, 0) > 0) found[n++] = doc;
          }
          return found.subarray(0, n);
        }
      }
    };
    return exact(this.query as TextQuery, null);
  }

  /**
   * At least the rank of each of `docs` (matching documents, ascending), cheaply. In general, the
   * sum of the weights of the query's lexemes' occurrences: a cover of n occurrences adds at most
   * their mean weight, and an occurrence inside m covers is inside covers of at least m occurrences
   * each (their starts and ends both strictly increase). For alternatives only (one word, a
   * synonym set, the whole query as a phrase), each cover is exactly one occurrence of a lexeme or
   * of a phrase (from its first word to its last: positions all in the fields of those words), so
   * the sum over those occurrences of their highest weight: that is bound(), exact but dearer (a
   * phrase's positions are checked). This loose one counts, for a phrase whose postings are not
   * known in advance, the weights of all its words' occurrences instead (each phrase occurrence
   * has its own position of each of its words, so its highest weight is at most their sum). The
   * search takes documents by decreasing loose bound, skips those whose bound() cannot reach the
   * page, and stops where no loose bound can. Where each document's words are is kept for bound()
   * and rank().
   */
  bounds(docs: ArrayLike<number>): Float64Array {
    const operands = this.from.length;
    const entries = (this.located = new Int32Array(docs.length * operands).fill(NOT_LOCATED));
    this.locatedDocs = docs;
    const bounds = new Float64Array(docs.length);
    const main = this.main as Compiled;
    const bonus = this.bonus;
    // Only the operands the bounds read (a phrase known in advance needs none): rank() finds the others.
    const needed = new Set<number>();
    for (const query of bonus ? [main, bonus] : [main]) {
      for (const k of query.boundWords) needed.add(k);
      for (const phrase of query.boundPhrases) if (!phrase.known) for (const k of phrase.operands) needed.add(k);
    }
    const read = Int32Array.from(needed);
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d] as number;
      const base = d * operands;
      for (let r = 0; r < read.length; r++) {
        const k = read[r] as number;
        entries[base + k] = this.locate(k, doc);
      }
      const sum = this.sum;
      sum[0] = 0;
      this.boundOf(main, entries, base, doc, true);
      if (bonus) this.boundOf(bonus, entries, base, doc, true);
      const bound = sum[0] as number;
      bounds[d] = withMargin(bound);
    }
    return bounds;
  }

  /** The exact bound (see bounds()) of the document at `at` in the documents last given to bounds(). */
  bound(at: number): number {
    const docs = this.locatedDocs as ArrayLike<number>;
    const doc = docs[at] as number;
    const base = at * this.from.length;
    const entries = this.located as Int32Array;
    const main = this.main as Compiled;
    const bonus = this.bonus;
    const sum = this.sum;
    sum[0] = 0;
    this.boundOf(main, entries, base, doc, false);
    if (bonus) this.boundOf(bonus, entries, base, doc, false);
    return withMargin(sum[0] as number);
  }

  /**
   * Adds to `this.sum[0]` the bound of one query's rank (see bounds()) for a document whose entries
   * are `entries[base + k]` (a float returned by a call V8 does not inline is a heap object: this
   * runs for every match).
   */
  private boundOf(query: Compiled, entries: Int32Array, base: number, doc: number, loose: boolean): void {
    const ix = this.index;
    const weights = ix.entryWeight;
    const { boundWords, boundPhrases, allOf } = query;
    let bound = 0;
    if (allOf) {
      // What `a & b & …` (m different lexemes) adds at most to a rank. Each cover holds every word. A cover's first word occurs nowhere else in it (the cover
      // is the shortest), so the covers around one occurrence all begin with different words: at most m
      // of them. Hence at most m covers per occurrence of the scarcest word, each adding at most its
      // highest weight (n / Σ(1 / weight), noise ≥ 0). For `a & b`, a cover is two neighbours of different
      // words. Nor more than all the occurrences' weights (see TextSearch.bounds()).
      // (Written out here, not called: a float returned by a call is boxed on the heap.)
      let all = 0;
      let fewest = Infinity;
      let top = 0;
      for (let w = 0; w < allOf.length; w++) {
        const c = entries[base + (allOf[w] as number)] as number;
        if (c < 0) {
          fewest = 0;
          break;
        }
        all += weights[c] as number;
        fewest = Math.min(fewest, ix.entryPosCount[c] as number);
        top = Math.max(top, ix.entryTop[c] as number);
      }
      bound = Math.min(all, allOf.length * fewest * (SINGLE[top] as number));
    } else {
      for (let w = 0; w < boundWords.length; w++) {
        const c = entries[base + (boundWords[w] as number)] as number;
        if (c >= 0) bound += weights[c] as number;
      }
    }
    for (let p = 0; p < boundPhrases.length; p++) {
      const phrase = boundPhrases[p] as Phrase;
      const known = phrase.known;
      if (!known) {
        if (!loose) {
          bound += this.occurs(phrase, entries, base, true);
          continue;
        }
        // Each occurrence has its own position of every word: there are no more occurrences than
        // positions of its scarcest word, each adding at most the highest weight of its words; and
        // each adds at most the weights of its positions, so at most all its words' weight.
        let sum = 0;
        let fewest = Infinity;
        let top = 0;
        for (let w = 0; w < phrase.operands.length; w++) {
          const c = entries[base + (phrase.operands[w] as number)] as number;
          if (c < 0) {
            sum = 0; // a word missing: the phrase does not occur
            break;
          }
          sum += weights[c] as number;
          fewest = Math.min(fewest, ix.entryPosCount[c] as number);
          top = Math.max(top, ix.entryTop[c] as number);
        }
        bound += Math.min(sum, fewest * (SINGLE[top] as number));
        continue;
      }
      // Documents come in ascending order (or start again): seek on from the last one found.
      let c = known.cursor;
      if (c > 0 && (known.docs[c - 1] as number) >= doc) c = 0;
      c = known.cursor = seek(known.docs, c, known.docs.length, doc);
      if (c < known.docs.length && known.docs[c] === doc) bound += known.weights[c] as number;
    }
    this.sum[0] = (this.sum[0] as number) + bound;
  }

  /** For a query that is one phrase: the sum over its occurrences in each of `docs` of their highest weight. */
  phraseWeights(docs: ArrayLike<number>): Float64Array {
    const phrase = this.main?.phrases[0];
    const weights = new Float64Array(docs.length);
    if (!phrase || this.query?.op !== "phrase") return weights;
    const entries = new Int32Array(this.from.length);
    for (let d = 0; d < docs.length; d++) {
      for (const k of phrase.operands) entries[k] = this.locate(k, docs[d] as number);
      weights[d] = this.occurs(phrase, entries, 0, true);
    }
    return weights;
  }

  /** The rank of a matching document (`at`: its place in the documents given to bounds(), if it was). */
  rank(doc: number, at?: number): number {
    if (!this.main) return 0;
    this.gather(doc, at !== undefined && this.locatedDocs?.[at] === doc ? at : undefined);
    const o = this.all;
    if (this.main.phrases.length) o.findPhrases(this.main.phrases);
    let rank = coverDensity(this.main, o, this.lexemes, this.held, this.onlyAnd);
    const bonus = this.bonus;
    if (bonus) {
      const b = this.bonusOnly;
      b.reserve(o.count);
      b.count = 0;
      for (let k = 0; k < o.count; k++) {
        if (!this.inBonus[o.operand[k] as number]) continue;
        b.wep[b.count] = o.wep[k] as number;
        b.operand[b.count++] = o.operand[k] as number;
      }
      b.findPhrases(bonus.phrases);
      // A phrase that does not occur adds nothing (no cover): skip the search for covers.
      if (!bonus.phrases.length || b.phraseAtom.length) rank = Math.fround(rank + coverDensity(bonus, b, this.lexemes, this.held));
    }
    return rank;
  }

  /** The document's occurrences of every operand, sorted by position (then weight, then operand). */
  private gather(doc: number, at: number | undefined) {
    let count = 0;
    const ix = this.index;
    const operands = this.from.length;
    for (let k = 0; k < operands; k++) {
      let c = at === undefined ? NOT_LOCATED : ((this.located as Int32Array)[at * operands + k] as number);
      if (c === NOT_LOCATED) c = this.locate(k, doc);
      if (c < 0) continue;
      const start = ix.entryPosStart[c] as number;
      const n = ix.entryPosCount[c] as number;
      if (count + n > this.keys.length) {
        const grown = new Int32Array((count + n) * 2);
        grown.set(this.keys);
        this.keys = grown;
      }
      for (let p = 0; p < n; p++) {
        const e = ix.positions[start + p] as number;
        this.keys[count++] = (positionOf(e) << 16) | (weightOf(e) << 14) | k;
      }
    }
    const keys = this.keys;
    // Insertion sort: a handful of occurrences, mostly already in order.
    for (let i = 1; i < count; i++) {
      const key = keys[i] as number;
      let j = i - 1;
      while (j >= 0 && (keys[j] as number) > key) {
        keys[j + 1] = keys[j] as number;
        j--;
      }
      keys[j + 1] = key;
    }
    const o = this.all;
    o.reserve(count);
    o.count = count;
    for (let i = 0; i < count; i++) {
      const key = keys[i] as number;
      o.wep[i] = (((key >>> 14) & 3) << 14) | (key >>> 16);
      o.operand[i] = key & 0x3fff;
    }
  }
}


/** An entry's occurrence at `position` (its WordEntryPos), or -1 (its positions ascend). */
function positionIn(ix: TextIndex, entry: number, position: number): number {
  let lo = ix.entryPosStart[entry] as number;
  let hi = lo + (ix.entryPosCount[entry] as number);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const wep = ix.positions[mid] as number;
    const at = positionOf(wep);
    if (at === position) return wep;
    if (at < position) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}
