import { describe, expect, it } from "vitest";
import {
  type AnalysedToken,
  MAX_QUERY_TERMS,
  planQuery,
  type SynonymPhrase,
  touchedSynonyms,
  writeTextQuery,
} from "../../lib/search/query-plan";

const token = (word: string, lexeme: string | null, over: Partial<AnalysedToken> = {}): AnalysedToken => ({
  word, lexeme, known: true, correction: null, correctionLexeme: null, ...over,
});
const cnfs: SynonymPhrase[] = [
  { group: "g1", phrase: "CNFS", lexemes: ["cnf"] },
  { group: "g1", phrase: "conseillers numériques France Services", lexemes: ["conseiller", "numer", "franc", "servic"] },
  { group: "g1", phrase: "conseillers numériques", lexemes: ["conseiller", "numer"] },
];

describe("planning a text query", () => {
  it("requires every word, each on its own", () => {
    expect(planQuery([token("pass", "pass"), token("numerique", "numer")], [])).toEqual({
      groups: [["pass"], ["numerique"]], phrase: "pass numerique", corrections: [],
    });
  });

  it("drops stop words", () => {
    expect(planQuery([token("la", null), token("mediation", "mediat")], []).groups).toEqual([["mediation"]]);
  });

  it("replaces an unknown word by the nearest catalogue word", () => {
    const plan = planQuery(
      [token("mediaton", "mediaton", { known: false, correction: "mediation", correctionLexeme: "mediat" }), token("numerique", "numer")],
      [],
    );
    expect(plan.groups).toEqual([["mediation"], ["numerique"]]);
    expect(plan.corrections).toEqual([{ from: "mediaton", to: "mediation" }]);
    expect(plan.phrase).toBe("mediation numerique");
  });

  it("does not correct short words, acronyms or numbers", () => {
    const plan = planQuery(
      [
        token("msa", "msa", { known: false, correction: "msap", correctionLexeme: "msap" }),
        token("2021", "2021", { known: false, correction: "2012", correctionLexeme: "2012" }),
        token("ab12", "ab12", { known: false, correction: "abri", correctionLexeme: "abri" }),
      ],
      [],
    );
    expect(plan.groups).toEqual([["msa"], ["2021"], ["ab12"]]);
    expect(plan.corrections).toEqual([]);
  });

  it("expands an acronym to every phrase of its synonym set", () => {
    const plan = planQuery([token("cnfs", "cnf", { known: false, correction: "cnfpt", correctionLexeme: "cnfpt" })], cnfs);
    expect(plan.groups).toEqual([cnfs.map((s) => s.phrase)]);
    expect(plan.corrections).toEqual([]);
  });

  it("expands the long form back to the acronym, preferring the longest phrase", () => {
    const words = [token("conseiller", "conseil"), token("numerique", "numer"), token("france", "franc"), token("services", "servic")];
    const sets: SynonymPhrase[] = [
      ...cnfs,
      { group: "g1", phrase: "conseiller numérique France Services", lexemes: ["conseil", "numer", "franc", "servic"] },
      { group: "g2", phrase: "France Services", lexemes: ["franc", "servic"] },
      { group: "g2", phrase: "MSAP", lexemes: ["msap"] },
    ];
    const plan = planQuery(words, sets);
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]).toContain("CNFS");
    expect(plan.groups[0]).not.toContain("MSAP");
  });

  it("keeps the other words of the query beside a synonym", () => {
    const plan = planQuery([token("cnfs", "cnf"), token("bretagne", "bretagn")], cnfs);
    expect(plan.groups).toEqual([cnfs.map((s) => s.phrase), ["bretagne"]]);
  });

  it("matches a synonym through a corrected word", () => {
    const words = [token("conseillers", "conseiller"), token("numeriqeus", "numeriqeus", { known: false, correction: "numeriques", correctionLexeme: "numer" })];
    expect(planQuery(words, cnfs).groups).toEqual([cnfs.map((s) => s.phrase)]);
  });

  it(`reads at most ${MAX_QUERY_TERMS} words`, () => {
    const words = Array.from({ length: 30 }, (_, i) => token(`mot${i}`, `mot${i}`));
    expect(planQuery(words, []).groups).toHaveLength(MAX_QUERY_TERMS);
  });

  it("gives no group for a query of stop words only", () => {
    expect(planQuery([token("de", null), token("la", null)], [])).toEqual({ groups: [], phrase: null, corrections: [] });
  });
});

describe("the synonym sets a query touches", () => {
  const sets: SynonymPhrase[] = [...cnfs, { group: "g2", phrase: "FSE+", lexemes: ["fse"] }, { group: "g2", phrase: "Fonds social européen", lexemes: ["fond", "social", "europeen"] }];

  it("are those one of whose phrases has all its lexemes in the query, with all their phrases", () => {
    expect(touchedSynonyms([token("conseillers", "conseiller"), token("numeriques", "numer")], sets)).toEqual(cnfs);
    expect(touchedSynonyms([token("fonds", "fond"), token("europeen", "europeen")], sets)).toEqual([]);
    expect(touchedSynonyms([token("fse", "fse")], sets).map((s) => s.phrase)).toEqual(["FSE+", "Fonds social européen"]);
  });

  it("count a word's correction as one of its lexemes", () => {
    const typo = token("cnfz", "cnfz", { known: false, correction: "cnfs", correctionLexeme: "cnf" });
    expect(touchedSynonyms([typo], sets)).toEqual(cnfs);
  });

  it("ignore a phrase without lexemes (only stop words)", () => {
    expect(touchedSynonyms([token("la", null)], [{ group: "g3", phrase: "à la", lexemes: [] }])).toEqual([]);
  });
});

describe("writing the text query without the database", () => {
  const written = (word: string, lexeme: string | null, over: Partial<AnalysedToken> = {}) =>
    token(word, lexeme, { query: lexeme ? `'${lexeme}'` : "", ...over });

  it("ANDs the groups, ORs a group's phrases, and chains the words' lexemes into the phrase", () => {
    const tokens = [written("cnfs", "cnf"), written("bretagne", "bretagn")];
    const synonyms = cnfs.map((s, i) => ({ ...s, query: ["'cnf'", "'conseil' <-> 'numer' <-> 'franc' <-> 'servic'", "'conseil' <-> 'numer'"][i] }));
    const plan = planQuery(tokens, synonyms);
    expect(writeTextQuery(plan, tokens, synonyms)).toEqual({
      query: "( ( 'cnf' ) | ( 'conseil' <-> 'numer' <-> 'franc' <-> 'servic' ) | ( 'conseil' <-> 'numer' ) ) & ( ( 'bretagn' ) )",
      phrase: "'cnf' <-> 'bretagn'",
    });
  });

  it("writes a corrected word as its correction", () => {
    const tokens = [written("mediaton", "mediaton", { known: false, correction: "mediation", correctionLexeme: "mediat", correctionQuery: "'mediat'" }), written("numerique", "numer")];
    const plan = planQuery(tokens, []);
    expect(writeTextQuery(plan, tokens, [])).toEqual({ query: "( ( 'mediat' ) ) & ( ( 'numer' ) )", phrase: "'mediat' <-> 'numer'" });
  });

  it("skips a phrase that is only stop words, as || does", () => {
    const tokens = [written("cnfs", "cnf")];
    const synonyms = [{ ...cnfs[0], query: "'cnf'" } as SynonymPhrase, { group: "g1", phrase: "à la", lexemes: [], query: "" }];
    expect(writeTextQuery(planQuery(tokens, synonyms), tokens, synonyms)).toEqual({ query: "( ( 'cnf' ) )", phrase: null });
  });

  it("is null without words, and leaves the writing to PostgreSQL when a piece is missing or a word is several lexemes", () => {
    expect(writeTextQuery(planQuery([written("la", null)], []), [written("la", null)], [])).toBeNull();
    const unwritten = [token("pass", "pass"), token("numerique", "numer")];
    expect(writeTextQuery(planQuery(unwritten, []), unwritten, [])).toBeUndefined();
    const compound = [written("tiers", "tier", { query: "'tier' <-> 'lieux'" }), written("lieux", "lieux")];
    const plan = planQuery(compound, []);
    expect(writeTextQuery(plan, compound, [])).toBeUndefined();
  });
});
