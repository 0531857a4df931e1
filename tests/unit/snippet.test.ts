import { describe, expect, it } from "vitest";
import { SNIPPET_FRAGMENT, SNIPPET_START, SNIPPET_STOP, splitHeadline } from "../../lib/search/snippet";

const mark = (word: string) => `${SNIPPET_START}${word}${SNIPPET_STOP}`;

describe("splitting an extract into segments", () => {
  it("marks the words found and keeps the rest as plain text", () => {
    expect(splitHeadline(`des lieux de ${mark("médiation")} ${mark("numérique")} pour tous`)).toEqual([
      { text: "des lieux de ", match: false },
      { text: "médiation", match: true },
      { text: " ", match: false },
      { text: "numérique", match: true },
      { text: " pour tous", match: false },
    ]);
  });

  it("joins fragments with an ellipsis and folds white space", () => {
    expect(splitHeadline(`un  ${mark("pass")}\n${SNIPPET_FRAGMENT}autre`)).toEqual([
      { text: "un ", match: false },
      { text: "pass", match: true },
      { text: " … autre", match: false },
    ]);
  });

  it("returns text that is never interpreted: markup stays as written", () => {
    const segments = splitHeadline(`<b>gras</b> ${mark("<script>")}`);
    expect(segments.map((s) => s.text).join("")).toBe("<b>gras</b> <script>");
    expect(segments.at(-1)).toEqual({ text: "<script>", match: true });
  });

  it("gives nothing for an empty extract", () => {
    expect(splitHeadline("")).toEqual([]);
  });
});
