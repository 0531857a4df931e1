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
  /** The word, and its correction, as PostgreSQL's phraseto_tsquery writes them (text form). */
  query?: string | null;
  correctionQuery?: string | null;
}

export interface SynonymPhrase {
  group: string;
  phrase: string;
  lexemes: string[];
  /** The phrase as PostgreSQL's phraseto_tsquery writes it (text form; '' when only stop words). */
  query?: string;
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

/**
 * The synonym phrases a query touches: every phrase of each synonym set one of whose phrases has all
 * its lexemes among the query's (its words' lexemes and their corrections').
 */
export function touchedSynonyms(tokens: AnalysedToken[], phrases: SynonymPhrase[]): SynonymPhrase[] {
  const lexemes = new Set<string>();
  for (const t of tokens) {
    if (t.lexeme) lexemes.add(t.lexeme);
    if (t.correctionLexeme) lexemes.add(t.correctionLexeme);
  }
  const groups = new Set(phrases.filter((p) => p.lexemes.length > 0 && p.lexemes.every((l) => lexemes.has(l))).map((p) => p.group));
  return phrases.filter((p) => groups.has(p.group));
}

/** A tsquery's text form that is one lexeme (`'mediat'`). */
const ONE_LEXEME = /^'(?:[^'\\]|''|\\.)*'$/;

/**
 * The plan written as PostgreSQL text queries without asking it, from what it already wrote: each
 * word's and each synonym phrase's phraseto_tsquery. The query is `(group) & (group)…`, a group
 * `(phrase) | (phrase)…`, skipping empty phrases as `&&` and `||` do; the whole-query phrase is
 * its words' lexemes joined by `<->`, which is what phraseto_tsquery gives when each word is one
 * lexeme (the words are normalised: letters and digits only, no stop words). Null without words;
 * undefined when a piece is missing or a word is more than one lexeme: PostgreSQL writes it then
 * (textQueryOf in lib/data/search-query.ts). tests/db/text-query-plan.test.ts checks both agree.
 */
export function writeTextQuery(
  plan: QueryPlan,
  tokens: AnalysedToken[],
  synonyms: SynonymPhrase[],
): { query: string; phrase: string | null } | null | undefined {
  if (!plan.groups.length) return null;
  const written = new Map<string, string>();
  for (const s of synonyms) if (s.query !== undefined) written.set(s.phrase, s.query);
  for (const t of tokens) {
    if (t.query != null) written.set(t.word, t.query);
    if (t.correction !== null && t.correctionQuery != null) written.set(t.correction, t.correctionQuery);
  }
  const groups: string[] = [];
  for (const phrases of plan.groups) {
    const queries: string[] = [];
    for (const phrase of phrases) {
      const query = written.get(phrase);
      if (query === undefined) return undefined;
      if (query !== "") queries.push(query);
    }
    if (queries.length) groups.push(queries.map((q) => `( ${q} )`).join(" | "));
  }
  if (!groups.length) return undefined;
  let phrase: string | null = null;
  if (plan.phrase !== null) {
    const lexemes: string[] = [];
    for (const word of plan.phrase.split(" ")) {
      const query = written.get(word);
      if (query === undefined || !ONE_LEXEME.test(query)) return undefined;
      lexemes.push(query);
    }
    phrase = lexemes.join(" <-> ");
  }
  return { query: groups.map((g) => `( ${g} )`).join(" & "), phrase };
}
