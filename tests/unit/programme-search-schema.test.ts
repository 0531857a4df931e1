import { describe, expect, it } from "vitest";
import {
  DEFAULT_PER_PAGE,
  type ProgrammeSearch,
  programmeSearchSchema,
  searchParamsToObject,
  toQueryString,
} from "../../lib/validation/programme-search";

const parseQuery = (query: string) => programmeSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(query)));
const firstIssue = (query: string) => {
  const result = parseQuery(query);
  if (result.success) throw new Error(`« ${query} » aurait dû être refusé`);
  return { parameter: result.error.issues[0]?.path[0], message: result.error.issues[0]?.message ?? "" };
};

describe("the programme search parameters", () => {
  it("default to the first page of 20 results, with no filter", () => {
    expect(programmeSearchSchema.parse({})).toEqual({
      q: undefined, territory: undefined, funderType: [], funder: [], beneficiary: [], finances: [], aidKind: [],
      status: [], amountMin: undefined, sort: undefined, page: 1, perPage: DEFAULT_PER_PAGE,
    });
  });

  it("read repeated parameters as lists, without duplicates", () => {
    const search = parseQuery("finances=equipement&finances=fonctionnement&finances=equipement&status=open").data;
    expect(search?.finances).toEqual(["equipement", "fonctionnement"]);
    expect(search?.status).toEqual(["open"]);
  });

  it("keep the first value of a single parameter given twice", () => {
    expect(parseQuery("page=2&page=5&q=a&q=b").data).toMatchObject({ page: 2, q: "a" });
  });

  it("treat empty values as absent", () => {
    expect(parseQuery("q=&amountMin=&territory=&finances=&page=").data).toMatchObject({
      q: undefined, amountMin: undefined, territory: undefined, finances: [], page: 1,
    });
  });

  it("turn control characters of the query into spaces and trim it", () => {
    expect(parseQuery("q=%00m%C3%A9diation%0Anum%C3%A9rique%00").data?.q).toBe("médiation numérique");
    expect(parseQuery("q=%00%01").data?.q).toBeUndefined();
  });

  it.each([
    ["perPage=101", "perPage"],
    ["perPage=0", "perPage"],
    ["page=abc", "page"],
    ["page=1.5", "page"],
    ["page=10001", "page"],
    ["amountMin=-1", "amountMin"],
    ["amountMin=Infinity", "amountMin"],
    ["sort=best", "sort"],
    ["finances=chocolat", "finances"],
    ["funderType=etat&funderType=martien", "funderType"],
    ["status=ouvert", "status"],
    ["territory=commune:29019;drop", "territory"],
    ["territory=ville:29019", "territory"],
    ["funder=Not%20A%20Slug", "funder"],
    [`q=${"a".repeat(201)}`, "q"],
  ])("refuse « %s » with a French message naming %s", (query, parameter) => {
    const issue = firstIssue(query);
    expect(issue.parameter).toBe(parameter);
    expect(issue.message).toContain(parameter);
    expect(issue.message).not.toMatch(/expected|invalid input|too (big|small)/i);
  });
});

describe("toQueryString", () => {
  const examples: Partial<ProgrammeSearch>[] = [
    {},
    { q: "médiation numérique & co" },
    { q: "FSE+", territory: "commune:29019", finances: ["equipement", "postes-mediateurs"], status: ["open", "closed"] },
    { funderType: ["union-europeenne"], funder: ["feder-react-eu"], beneficiary: ["association"], aidKind: ["appel-a-projets"] },
    { amountMin: 5000, sort: "amount", page: 3, perPage: 50 },
  ];

  it.each(examples)("gives back the same search once parsed again (%o)", (search) => {
    const full = programmeSearchSchema.parse(search);
    const again = programmeSearchSchema.parse(searchParamsToObject(new URLSearchParams(toQueryString(full))));
    expect(again).toEqual(full);
  });

  it("leaves out the defaults and empty lists", () => {
    expect(toQueryString(programmeSearchSchema.parse({}))).toBe("");
    expect(toQueryString({ page: 1, perPage: DEFAULT_PER_PAGE, finances: [], q: "" })).toBe("");
  });

  it("writes the parameters in a stable order", () => {
    expect(toQueryString({ page: 2, q: "pass", finances: ["equipement"] })).toBe("?q=pass&finances=equipement&page=2");
  });
});
