import { orNull, readTerritoryIds, readText, readValueRows } from "./admin-form-data";
import { caseStudyFieldLabels, type CaseStudySnapshot } from "./admin-case-study";

/**
 * The case study form (app/admin/retours-d-experience/…) ↔ caseStudyInputSchema's input: values as
 * typed, the same from a stored case study, and the input the schemas parse. The programmes,
 * funders and sources are lists of rows (`programmes.0`, `sourceUrls.2`…).
 */

export interface CaseStudyFormValues {
  slug: string;
  title: string;
  summary: string;
  body: string;
  territory: string;
  programmes: string[];
  funders: string[];
  sourceUrls: string[];
}

export const emptyCaseStudyFormValues = (): CaseStudyFormValues => ({
  slug: "", title: "", summary: "", body: "", territory: "", programmes: [], funders: [], sourceUrls: [],
});

const rows = (form: FormData, name: string) => [...new Set(readValueRows(form, name).map((s) => s.trim()))];

export function caseStudyFormValues(form: FormData): CaseStudyFormValues {
  const t = (name: string) => readText(form, name);
  return {
    slug: t("slug").trim(),
    title: t("title"),
    summary: t("summary"),
    body: t("body"),
    territory: readTerritoryIds(form, "territory").join(" "),
    programmes: rows(form, "programmes"),
    funders: rows(form, "funders"),
    sourceUrls: rows(form, "sourceUrls"),
  };
}

export function caseStudyFormValuesFromSnapshot(s: CaseStudySnapshot): CaseStudyFormValues {
  return {
    slug: s.slug,
    title: s.title,
    summary: s.summary,
    body: s.body,
    territory: s.territory ?? "",
    programmes: [...s.programmes],
    funders: [...s.funders],
    sourceUrls: [...s.sourceUrls],
  };
}

export function caseStudyInputFromValues(v: CaseStudyFormValues): Record<string, unknown> {
  return {
    ...(v.slug ? { slug: v.slug } : {}),
    title: v.title,
    summary: v.summary,
    body: v.body,
    territory: orNull(v.territory),
    programmes: v.programmes,
    funders: v.funders,
    sourceUrls: v.sourceUrls,
  };
}

const rowNouns: Record<string, string> = { programmes: "Programme", funders: "Financeur", sourceUrls: "Source" };

/** `sourceUrls.1` → « Source 2 », other paths → their field's label. */
export function caseStudyFieldLabel(path: string): string {
  const [head = "", index] = path.split(".");
  const noun = rowNouns[head];
  if (noun && index !== undefined && /^\d+$/.test(index)) return `${noun} ${Number(index) + 1}`;
  return (caseStudyFieldLabels as Record<string, string>)[head] ?? "Formulaire";
}
