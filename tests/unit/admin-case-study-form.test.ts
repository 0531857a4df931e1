import { describe, expect, it } from "vitest";
import { caseStudyInputSchema } from "@/lib/validation/admin-case-study";
import { fieldErrors } from "@/lib/validation/admin-fields";
import { caseStudyFieldLabel, caseStudyFormValues, caseStudyInputFromValues } from "@/lib/validation/admin-case-study-form";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

const body = "Le département et dix-sept intercommunalités ont répondu ensemble à l'appel à projets Pass numérique.";

describe("the case study form's FormData conversion", () => {
  it("reads the linked programmes and funders as rows, blanks and duplicates dropped", () => {
    const values = caseStudyFormValues(
      form([
        ["title", "Pass numérique en Aveyron"], ["summary", "Un pass numérique cofinancé par le Département et l'État."], ["body", body],
        ["programmes.0", "pass-numerique-2019"], ["programmes.1", ""], ["programmes.2", "pass-numerique-2019"],
        ["funders.0", "anct"], ["sourceUrls.0", "https://aveyron.fr/"], ["territory", "departement:12"],
      ]),
    );
    expect(values).toMatchObject({ programmes: ["pass-numerique-2019"], funders: ["anct"], sourceUrls: ["https://aveyron.fr/"], territory: "departement:12" });
    expect(caseStudyInputSchema.safeParse(caseStudyInputFromValues(values)).success).toBe(true);
  });

  it("asks for a source and a body long enough, in French", () => {
    const parsed = caseStudyInputSchema.safeParse(caseStudyInputFromValues(caseStudyFormValues(form([["title", "Titre"], ["summary", "Un résumé assez long pour passer."], ["body", "Court."]]))));
    const errors = fieldErrors(parsed.error!);
    expect(errors.body).toBe("Récit : 50 caractères au moins.");
    expect(errors.sourceUrls).toMatch(/^Sources : une adresse au moins/);
  });

  it("names the rows in the error summary", () => {
    expect(caseStudyFieldLabel("programmes.0")).toBe("Programme 1");
    expect(caseStudyFieldLabel("sourceUrls.1")).toBe("Source 2");
  });
});
