import { describe, expect, it } from "vitest";
import { topSorted } from "../../lib/data/programme-index";
import { seededRandom } from "../support/random";

describe("topSorted (the first results of a search, without sorting them all)", () => {
  it("gives exactly the first elements of the full sort, ties included", () => {
    const next = seededRandom(20261202);
    for (let run = 0; run < 200; run++) {
      const n = Math.floor(next() * 3000);
      const keys = Array.from({ length: n }, () => Math.floor(next() * 50)); // many ties
      const compare = (a: number, b: number) => (keys[a] as number) - (keys[b] as number) || a - b;
      const items = Array.from({ length: n }, (_, i) => i).sort(() => next() - 0.5);
      const count = Math.floor(next() * 120);
      const expected = [...items].sort(compare).slice(0, count);
      expect(topSorted([...items], count, compare)).toEqual(expected);
    }
  });

  it("handles nothing to return", () => {
    expect(topSorted([3, 1, 2], 0, (a, b) => a - b)).toEqual([]);
    expect(topSorted([], 20, (a, b) => a - b)).toEqual([]);
  });
});
