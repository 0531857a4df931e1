/**
 * Extracts around the words found: the database (ts_headline) marks them with two private-use
 * characters, removed from the text beforehand so they cannot occur in it; here the marked text is
 * cut into plain segments. No HTML is produced or trusted anywhere: React escapes the segments.
 */

export interface SnippetSegment {
  text: string;
  match: boolean;
}

export const SNIPPET_START = "\uE000";
export const SNIPPET_STOP = "\uE001";
export const SNIPPET_FRAGMENT = "\uE002";

export const SNIPPET_OPTIONS = [
  `StartSel=${SNIPPET_START}`,
  `StopSel=${SNIPPET_STOP}`,
  "MaxWords=28",
  "MinWords=12",
  "ShortWord=2",
  "MaxFragments=2",
  `FragmentDelimiter=${SNIPPET_FRAGMENT}`,
].join(", ");

/** « a \uE000b\uE001 c » → [{ a }, { b, match }, { c }]; fragments joined by « … ». */
export function splitHeadline(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  const text = headline.replaceAll(SNIPPET_FRAGMENT, " … ").replace(/\s+/g, " ").trim();
  let match = false;
  let current = "";
  for (const char of text) {
    if (char === SNIPPET_START || char === SNIPPET_STOP) {
      push(current, match);
      current = "";
      match = char === SNIPPET_START;
    } else {
      current += char;
    }
  }
  push(current, match);
  return segments;
}
