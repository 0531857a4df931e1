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
