/**
 * From the words of a query to the text query the database runs (pure, no database here).
 *
 * The database analyses the query first (lib/data/search-query.ts): for each word, in order, its
 * lexeme (French stem without accents, null for a stop word), whether the catalogue knows that
 * lexeme, and the nearest catalogue word when it does not; plus the synonym phrases whose lexemes
 * all occur in the query. This module then decides:
 *   1. synonyms: the longest synonym phrase found at each place in the query (lexeme by lexeme,
 *      stop words ignored) becomes one group « any phrase of that synonym set »;
 *   2. typos: any other word the catalogue does not know is replaced by its nearest known word
 *      (not acronyms or numbers: words of 4 letters or more, without digits);
 *   3. the groups are all required (AND); the alternatives of a group are phrases (OR).
 */

export interface AnalysedToken {
  word: string;
  lexeme: string | null;
  known: boolean;
  correction: string | null;
  correctionLexeme: string | null;
}

export interface SynonymPhrase {
  group: string;
  phrase: string;
  lexemes: string[];
}

export interface QueryPlan {
  /** Every group must match; a group matches when any of its phrases does. */
  groups: string[][];
  /** The whole query as one phrase (after corrections), to rank exact wordings first; null for one word. */
  phrase: string | null;
  /** Words replaced by the nearest word of the catalogue. */
  corrections: { from: string; to: string }[];
}

/** Words beyond this are ignored: a query is a few words, not a paragraph. */
export const MAX_QUERY_TERMS = 12;

export const isCorrectable = (t: AnalysedToken) =>
  t.lexeme !== null && !t.known && t.word.length >= 4 && !/[0-9]/.test(t.word);

const corrected = (t: AnalysedToken) => (isCorrectable(t) && t.correction ? t.correction : t.word);

function lexemeOptions(t: AnalysedToken): string[] {
  const options = t.lexeme ? [t.lexeme] : [];
  if (isCorrectable(t) && t.correctionLexeme) options.push(t.correctionLexeme);
  return options;
}

export function planQuery(tokens: AnalysedToken[], synonyms: SynonymPhrase[]): QueryPlan {
  const terms = tokens.filter((t) => t.lexeme !== null).slice(0, MAX_QUERY_TERMS);
  const phrasesByGroup = new Map<string, string[]>();
  for (const s of synonyms) phrasesByGroup.set(s.group, [...(phrasesByGroup.get(s.group) ?? []), s.phrase]);
  const candidates = synonyms.filter((s) => s.lexemes.length > 0).sort((a, b) => b.lexemes.length - a.lexemes.length);

  const matchesAt = (s: SynonymPhrase, i: number) =>
    i + s.lexemes.length <= terms.length &&
    s.lexemes.every((lexeme, k) => lexemeOptions(terms[i + k] as AnalysedToken).includes(lexeme));

  const groups: string[][] = [];
  const corrections: QueryPlan["corrections"] = [];
  const words: string[] = [];
  for (let i = 0; i < terms.length; ) {
    const synonym = candidates.find((s) => matchesAt(s, i));
    if (synonym) {
      const span = terms.slice(i, i + synonym.lexemes.length);
      words.push(...span.map((t) => t.word));
      groups.push(unique(phrasesByGroup.get(synonym.group) ?? [synonym.phrase]));
      i += synonym.lexemes.length;
      continue;
    }
    const term = terms[i] as AnalysedToken;
    const word = corrected(term);
    if (word !== term.word) corrections.push({ from: term.word, to: word });
    words.push(word);
    groups.push([word]);
    i += 1;
  }
  return { groups, phrase: words.length > 1 ? words.join(" ") : null, corrections };
}

const unique = (values: string[]) => [...new Set(values)];
