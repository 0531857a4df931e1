import { z } from "zod";
import { beneficiaries, type BeneficiaryCode, type FinancedCode, financedItems } from "../codes";
import { TERRITORY_ID, toQueryString, withoutControlCharacters } from "../validation/programme-search";

/**
 * The answers of /quel-financement, all in the address (shareable, no JavaScript needed):
 * `structure` (a beneficiary code), `territory` (a territory id) or `lieu` (a place typed, resolved
 * by the server), `besoin` (financed codes, repeatable) and `etape` (the screen asked for).
 * A value that does not parse is dropped, never an error page: the question is asked again.
 */

export const STEPS = ["structure", "lieu", "besoins", "resultats"] as const;
export type Step = (typeof STEPS)[number];

export interface MatcherAnswers {
  structure: BeneficiaryCode | null;
  territory: string | null;
  lieu: string | null;
  /** The place question was answered (possibly left empty: anywhere in France). */
  placeAnswered: boolean;
  needs: FinancedCode[];
  step: Step;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const all = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function parseMatcherAnswers(raw: Record<string, string | string[] | undefined>): MatcherAnswers {
  const structure = z.enum(beneficiaries.codes).safeParse(first(raw.structure));
  const territory = z.string().regex(TERRITORY_ID).safeParse(first(raw.territory));
  const lieuRaw = first(raw.lieu);
  const lieu = typeof lieuRaw === "string" ? withoutControlCharacters(lieuRaw).trim().slice(0, 100) : null;
  const needs = [...new Set(all(raw.besoin).flatMap((v) => {
    const code = z.enum(financedItems.codes).safeParse(v);
    return code.success ? [code.data] : [];
  }))];
  const asked = z.enum(STEPS).safeParse(first(raw.etape));
  const answers = {
    structure: structure.success ? structure.data : null,
    territory: territory.success ? territory.data : null,
    lieu: lieu || null,
    placeAnswered: territory.success || lieu !== null,
    needs,
  };
  return { ...answers, step: stepToShow(answers, asked.success ? asked.data : "structure") };
}

/** The screen asked for, unless an earlier required answer is missing: then that question. */
export function stepToShow(a: Pick<MatcherAnswers, "structure" | "placeAnswered">, asked: Step): Step {
  if (asked === "structure" || !a.structure) return "structure";
  if (asked === "lieu" || !a.placeAnswered) return "lieu";
  return asked;
}

/** The address of a screen carrying the answers given (links « modifier »). */
export function matcherHref(a: Pick<MatcherAnswers, "structure" | "territory" | "lieu" | "needs" | "placeAnswered">, step: Step): string {
  const params = new URLSearchParams();
  if (a.structure) params.set("structure", a.structure);
  if (a.territory) params.set("territory", a.territory);
  else if (a.placeAnswered) params.set("lieu", a.lieu ?? "");
  for (const need of a.needs) params.append("besoin", need);
  params.set("etape", step);
  return `/quel-financement?${params.toString()}`;
}

/** The same search on /financements (territory, beneficiary, needs as filters). */
export function searchHref(a: Pick<MatcherAnswers, "structure" | "territory" | "needs">): string {
  return `/financements${toQueryString({
    territory: a.territory ?? undefined,
    beneficiary: a.structure ? [a.structure] : [],
    finances: a.needs,
  })}`;
}
