import type { BeneficiaryCode, FinancedCode, RecurrenceCode } from "../codes";
import type { CalendarStatus } from "../programmes/calendar-status";
import type { ReopeningPrediction } from "../programmes/reopening";
import { formatParisDate } from "../paris-time";

/**
 * Why a programme fits a structure, or not, criterion by criterion (« ✓ ouvert aux associations »,
 * « ✓ couvre Brest », « ⚠ clôture dans 12 jours », « ✗ réservé aux communes »). Pure: the page and
 * the tests give it the programme's facts and the answers.
 */

export type Verdict = "yes" | "warning" | "no";
export type Criterion = "structure" | "territory" | "needs" | "calendar";

export interface Reason {
  criterion: Criterion;
  verdict: Verdict;
  text: string;
}

export interface MatcherProgramme {
  slug: string;
  title: string;
  funder: { slug: string; name: string };
  status: CalendarStatus;
  closesAt: Date | null;
  opensAt: Date | null;
  recurrence: RecurrenceCode | null;
  /** The predicted reopening of a closed call (lib/programmes/reopening.ts, the one rule), or null. */
  reopening: ReopeningPrediction | null;
  beneficiaries: BeneficiaryCode[];
  financed: FinancedCode[];
  isNational: boolean;
  territories: { id: string; name: string }[];
  applicationUrl: string | null;
}

export interface MatcherPlace {
  id: string;
  name: string;
  /** The place and the territories that contain it. */
  ids: string[];
}

/** « ouvert aux … » / « réservé aux … ». */
export const beneficiaryPhrases: Record<BeneficiaryCode, string> = {
  association: "aux associations",
  commune: "aux communes",
  epci: "aux intercommunalités",
  departement: "aux départements",
  region: "aux régions",
  "etablissement-public": "aux établissements publics",
  "entreprise-ess": "aux entreprises de l'ESS",
  "tiers-lieu": "aux tiers-lieux",
  "france-services": "aux France Services",
  particulier: "aux particuliers",
  autre: "à d'autres structures",
};

/** « finance … ». */
export const financedPhrases: Record<FinancedCode, string> = {
  "postes-mediateurs": "des postes de médiateurs",
  "formation-aidants": "la formation des aidants",
  equipement: "l'équipement",
  ingenierie: "l'ingénierie de projet",
  fonctionnement: "le fonctionnement",
  investissement: "l'investissement",
  "pass-numerique": "des pass numériques",
  connexion: "la connexion à internet",
  autre: "d'autres dépenses",
};

/** « a, b et c ». */
export function joinFrench(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

export function structureReason(p: Pick<MatcherProgramme, "beneficiaries">, structure: BeneficiaryCode): Reason {
  if (p.beneficiaries.length === 0) {
    return { criterion: "structure", verdict: "warning", text: "structures éligibles non précisées : vérifiez auprès du financeur" };
  }
  if (p.beneficiaries.includes(structure)) return { criterion: "structure", verdict: "yes", text: `ouvert ${beneficiaryPhrases[structure]}` };
  return { criterion: "structure", verdict: "no", text: `réservé ${joinFrench(p.beneficiaries.map((b) => beneficiaryPhrases[b]))}` };
}

export function territoryReason(p: Pick<MatcherProgramme, "isNational" | "territories">, place: MatcherPlace | null): Reason {
  if (!place) {
    return p.isNational
      ? { criterion: "territory", verdict: "yes", text: "couvre toute la France" }
      : { criterion: "territory", verdict: "warning", text: `limité à : ${joinFrench(p.territories.map((t) => t.name))}` };
  }
  if (p.isNational) return { criterion: "territory", verdict: "yes", text: `couvre ${place.name} (programme national)` };
  const covering = p.territories.filter((t) => place.ids.includes(t.id));
  if (covering.length === 0) return { criterion: "territory", verdict: "no", text: `ne couvre pas ${place.name}` };
  const through = covering.filter((t) => t.id !== place.id).map((t) => t.name);
  return { criterion: "territory", verdict: "yes", text: `couvre ${place.name}${through.length ? ` (${joinFrench(through)})` : ""}` };
}

export function needsReason(p: Pick<MatcherProgramme, "financed">, needs: FinancedCode[]): Reason | null {
  if (needs.length === 0) return null;
  if (p.financed.length === 0) {
    return { criterion: "needs", verdict: "warning", text: "dépenses financées non précisées : vérifiez auprès du financeur" };
  }
  const met = needs.filter((n) => p.financed.includes(n));
  if (met.length === 0) return { criterion: "needs", verdict: "no", text: `ne finance pas ${joinFrench(needs.map((n) => financedPhrases[n]))}` };
  return { criterion: "needs", verdict: "yes", text: `finance ${joinFrench(met.map((n) => financedPhrases[n]))}` };
}

const DAY = 86_400_000;

/** Days left before a closing time, counting a part of a day as a day. */
export const daysUntil = (date: Date, now: Date) => Math.max(0, Math.ceil((date.getTime() - now.getTime()) / DAY));

/** A closed call whose reopening is predicted (lib/programmes/reopening.ts): likely, never announced here. */
export const isLikelyToReopen = (p: Pick<MatcherProgramme, "status" | "reopening">) => p.status === "closed" && p.reopening !== null;

/** « clos ; reprise attendue vers mars 2027 (prévision : … ; date non annoncée par le financeur) » */
const reopeningText = (p: ReopeningPrediction) => `clos ; ${p.text.charAt(0).toLowerCase()}${p.text.slice(1)}`;

export function calendarReason(p: Pick<MatcherProgramme, "status" | "closesAt" | "opensAt" | "reopening">, now: Date): Reason {
  const reason = (verdict: Verdict, text: string): Reason => ({ criterion: "calendar", verdict, text });
  switch (p.status) {
    case "permanent":
      return reason("yes", "ouvert en permanence");
    case "closing-soon": {
      const days = p.closesAt ? daysUntil(p.closesAt, now) : 0;
      return reason("warning", days <= 1 ? "clôture aujourd'hui ou demain" : `clôture dans ${days} jours`);
    }
    case "open":
      return reason("yes", p.closesAt ? `ouvert jusqu'au ${formatParisDate(p.closesAt)}` : "ouvert, sans date de clôture connue");
    case "upcoming":
      return reason("warning", p.opensAt ? `ouvre le ${formatParisDate(p.opensAt)}` : "ouverture annoncée");
    case "closed":
      return p.reopening ? reason("warning", reopeningText(p.reopening)) : reason("no", "clos");
  }
}

export function reasonsFor(
  p: MatcherProgramme,
  answers: { structure: BeneficiaryCode; needs: FinancedCode[] },
  place: MatcherPlace | null,
  now: Date,
): Reason[] {
  const needs = needsReason(p, answers.needs);
  return [structureReason(p, answers.structure), territoryReason(p, place), ...(needs ? [needs] : []), calendarReason(p, now)];
}
