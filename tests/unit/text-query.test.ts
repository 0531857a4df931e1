import { describe, expect, it } from "vitest";
import { parseTsquery, TextIndexBuilder, TextSearch } from "../../lib/search/text-index";

describe("parseTsquery (a tsquery's text, as PostgreSQL writes it)", () => {
  it("reads operators with PostgreSQL's precedence: phrase, then &, then |", () => {
    expect(parseTsquery("'a' | 'b' & 'c' <-> 'd'")).toEqual({
      op: "or",
      left: { op: "word", lexeme: "a" },
      right: {
        op: "and",
        left: { op: "word", lexeme: "b" },
        right: { op: "phrase", distance: 1, left: { op: "word", lexeme: "c" }, right: { op: "word", lexeme: "d" } },
      },
    });
    expect(parseTsquery("( 'a' | 'b' ) & 'c' <2> 'd'")).toMatchObject({ op: "and", left: { op: "or" }, right: { op: "phrase", distance: 2 } });
  });

  it("reads an empty query (only stop words) as nothing", () => {
    expect(parseTsquery("")).toBeNull();
  });

  it("refuses what the search never writes, rather than answer wrongly", () => {
    expect(() => parseTsquery("!'a'")).toThrow(/négation/);
    expect(() => parseTsquery("'a':*")).toThrow(/préfixe/);
    expect(() => parseTsquery("'a' <-> ( 'b' | 'c' )")).toThrow(/phrase/);
    expect(() => parseTsquery("'a' )")).toThrow();
  });
});

describe("TextIndexBuilder (a tsvector's text, as PostgreSQL writes it)", () => {
  it("reads lexemes, escaped quotes and backslashes, positions and weights", () => {
    const builder = new TextIndexBuilder();
    builder.add(String.raw`'aujourd''hui':3C,7 'c:\\dos':2 'numer':1A,4B,5D 'x''':6a`);
    builder.add("'numer':2");
    const index = builder.finish();
    expect([...index.lexemes.keys()]).toEqual(["aujourd'hui", "c:\\dos", "numer", "x'"]);
    const entries = (lexeme: string) => {
      const l = index.lexemes.get(lexeme) as number;
      return Array.from({ length: (index.entryStart[l + 1] as number) - (index.entryStart[l] as number) }, (_, k) => {
        const e = (index.entryStart[l] as number) + k;
        const start = index.entryPosStart[e] as number;
        // Each position as [position, weight] (D = 0 … A = 3).
        const positions = Array.from(index.positions.subarray(start, start + (index.entryPosCount[e] as number)), (wep) => [wep & 0x3fff, wep >> 14]);
        return { doc: index.entryDoc[e], positions, top: index.entryTop[e] };
      });
    };
    expect(entries("aujourd'hui")).toEqual([{ doc: 0, positions: [[3, 1], [7, 0]], top: 1 }]);
    expect(entries("c:\\dos")).toEqual([{ doc: 0, positions: [[2, 0]], top: 0 }]);
    expect(entries("numer")).toEqual([
      { doc: 0, positions: [[1, 3], [4, 2], [5, 0]], top: 3 },
      { doc: 1, positions: [[2, 0]], top: 0 },
    ]);
    expect(entries("x'")).toEqual([{ doc: 0, positions: [[6, 3]], top: 3 }]);
  });
});

describe("TextSearch on a small index", () => {
  const builder = new TextIndexBuilder();
  builder.add("'mediat':1A 'numer':2A"); // 0: the phrase in the title
  builder.add("'mediat':10 'numer':3B"); // 1: both, apart
  builder.add("'numer':1A"); // 2: one word
  builder.add(null); // 3: no words
  const index = builder.finish();

  it("matches phrases on positions, and words anywhere", () => {
    expect(Array.from(new TextSearch(index, parseTsquery("'mediat' <-> 'numer'")).matches())).toEqual([0]);
    expect(Array.from(new TextSearch(index, parseTsquery("'mediat' & 'numer'")).matches())).toEqual([0, 1]);
    expect(Array.from(new TextSearch(index, parseTsquery("'mediat' | 'numer'")).matches())).toEqual([0, 1, 2]);
    expect(Array.from(new TextSearch(index, parseTsquery("'absent'")).matches())).toEqual([]);
    expect(Array.from(new TextSearch(index, null).matches())).toEqual([]);
  });

  it("ranks as ts_rank_cd: adjacent title words first, and never above the bound", () => {
    const search = new TextSearch(index, parseTsquery("'mediat' & 'numer'"), parseTsquery("'mediat' <-> 'numer'"));
    const docs = search.matches();
    const ranks = Array.from(docs, (doc) => search.rank(doc));
    // Doc 0: one cover of two A words, no noise (1), plus the phrase (1). Doc 1: weights D and B, 6 words apart.
    expect(ranks[0]).toBe(2);
    expect(ranks[1]).toBe(Math.fround(2 / (1 / Math.fround(0.1) + 1 / Math.fround(0.4)) / 7));
    const bounds = search.bounds(docs);
    ranks.forEach((rank, k) => expect(bounds[k]).toBeGreaterThanOrEqual(rank));
  });
});

describe("TextSearch's bounds on random documents", () => {
  // Documents of three lexemes at random positions and weights, often repeated, often adjacent:
  // every bound must stay at or above the rank, whatever the order of the words.
  const next = (() => {
    let seed = 20261202;
    return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  })();
  const builder = new TextIndexBuilder();
  // Where the bounds are reached: « a b a », « a b c a b » in the title (two and three covers around
  // one occurrence of the scarcest word, no noise).
  builder.add("'a':1A,3A 'b':2A");
  builder.add("'a':1A,4A 'b':2A,5A 'c':3A");
  for (let doc = 0; doc < 400; doc++) {
    const byLexeme = new Map<string, string[]>();
    const length = 2 + Math.floor(next() * 14);
    for (let position = 1; position <= length; position++) {
      const lexeme = ["a", "b", "c"][Math.floor(next() * next() * 3)] as string;
      const weight = "ABCD"[Math.floor(next() * 4)] as string;
      byLexeme.set(lexeme, [...(byLexeme.get(lexeme) ?? []), `${position}${weight === "D" ? "" : weight}`]);
    }
    builder.add([...byLexeme].map(([lexeme, positions]) => `'${lexeme}':${positions.join(",")}`).join(" "));
  }
  const index = builder.finish();

  it.each([
    // query, the whole query as a phrase, whether some bound should be reached exactly
    ["'a' & 'b'", "'a' <-> 'b'", true],
    ["'b' & 'a'", "'b' <-> 'a'", true],
    ["'a' & 'c'", "'a' <-> 'c'", true],
    ["'a' & 'b' & 'c'", "'a' <-> 'b' <-> 'c'", true],
    ["'a' <-> 'b'", null, true],
    ["'a' | 'b' <-> 'c'", null, true],
    ["'a' & 'a'", "'a' <-> 'a'", true],
  ] as const)("rank ≤ exact bound ≤ loose bound for %s (phrase %s)", (query, phrase, reached) => {
    const search = new TextSearch(index, parseTsquery(query), phrase ? parseTsquery(phrase) : null);
    const docs = search.matches();
    expect(docs.length).toBeGreaterThan(50);
    const loose = search.bounds(docs);
    let tight = 0;
    docs.forEach((doc, k) => {
      const rank = search.rank(doc, k);
      const exact = search.bound(k);
      expect(rank, `document ${doc}`).toBeLessThanOrEqual(exact);
      expect(exact, `document ${doc}`).toBeLessThanOrEqual(loose[k] as number);
      if (exact - rank < 1e-3) tight++;
    });
    // Not bounds so loose they prove nothing: some are reached exactly.
    if (reached) expect(tight).toBeGreaterThan(0);
  });

  it("ranks `a & b` and `a & b & c` by their shortcuts exactly as the general cover search does", () => {
    // An absent alternative leaves the matches and the covers as they are, but not the shortcut.
    for (const [pair, general] of [
      ["'a' & 'b'", "'a' & 'b' | 'absent'"],
      ["'c' & 'a'", "'c' & 'a' | 'absent'"],
      ["'a' & 'b' & 'c'", "'a' & 'b' & 'c' | 'absent'"],
      ["'c' & ( 'a' & 'b' )", "'c' & ( 'a' & 'b' ) | 'absent'"],
    ] as const) {
      const fast = new TextSearch(index, parseTsquery(pair));
      const slow = new TextSearch(index, parseTsquery(general));
      const docs = fast.matches();
      expect(Array.from(slow.matches())).toEqual(Array.from(docs));
      for (const doc of docs) expect(fast.rank(doc), `document ${doc}`).toBe(slow.rank(doc));
    }
  });
});
