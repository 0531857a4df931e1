import { describe, expect, it } from "vitest";
import { changedKeys, mergeOntoCurrent } from "@/lib/validation/admin-form-merge";

const base = { title: "Titre", summary: "Résumé", eligibility: ["A", "B"], isNational: true };

describe("re-applying a person's changes over the current version", () => {
  it("keeps the other person's changes and takes the person's own", () => {
    const typed = { ...base, summary: "Mon résumé", eligibility: ["A", "B", "C"] };
    const current = { ...base, title: "Leur titre" };
    expect(mergeOntoCurrent(base, typed, current)).toEqual({
      values: { title: "Leur titre", summary: "Mon résumé", eligibility: ["A", "B", "C"], isNational: true },
      both: [],
    });
  });

  it("names the fields both changed differently, and keeps what the person typed there", () => {
    const typed = { ...base, title: "Mon titre", isNational: false };
    const current = { ...base, title: "Leur titre", isNational: false };
    const merged = mergeOntoCurrent(base, typed, current);
    expect(merged.values.title).toBe("Mon titre");
    expect(merged.both).toEqual(["title"]);
  });

  it("sees a reordered list as a change", () => {
    expect(changedKeys(base, { ...base, eligibility: ["B", "A"] })).toEqual(["eligibility"]);
    expect(changedKeys(base, { ...base })).toEqual([]);
  });
});
