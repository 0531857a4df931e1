import type { BeneficiaryCode, FinancedCode } from "../codes";
import { isAcceptingApplications } from "../programmes/calendar-status";
import { isLikelyToReopen, type MatcherPlace, type MatcherProgramme, type Reason, reasonsFor } from "./reasons";

/**
 * The answer of /quel-financement: the programmes that fit, open and permanent first (and those
 * whose opening is announced), then the closed calls whose reopening is predicted
 * (lib/programmes/reopening.ts, the rule of the search's status=expected), then the rest; the
 * programmes a criterion rules out (✗ on the structure, the territory or the needs) apart.
 */

export type MatchGroup = "open" | "reopening" | "other";

export interface Match {
  programme: MatcherProgramme;
  reasons: Reason[];
}

export interface MatcherResult {
  open: Match[];
  reopening: Match[];
  other: Match[];
  ruledOut: Match[];
}

export function groupOf(p: Pick<MatcherProgramme, "status" | "reopening">): MatchGroup {
  if (isAcceptingApplications(p.status) || p.status === "upcoming") return "open";
  if (isLikelyToReopen(p)) return "reopening";
  return "other";
}

const warnings = (m: Match) => m.reasons.filter((r) => r.verdict === "warning").length;
const closing = (m: Match) => m.programme.closesAt?.getTime() ?? Number.POSITIVE_INFINITY;

/** Fewer doubts first, then the soonest closing, then by title. */
export function compareMatches(a: Match, b: Match): number {
  return warnings(a) - warnings(b) || closing(a) - closing(b) || a.programme.title.localeCompare(b.programme.title, "fr");
}

export function matchProgrammes(
  programmes: MatcherProgramme[],
  answers: { structure: BeneficiaryCode; needs: FinancedCode[] },
  place: MatcherPlace | null,
  now: Date,
): MatcherResult {
  const result: MatcherResult = { open: [], reopening: [], other: [], ruledOut: [] };
  for (const programme of programmes) {
    const reasons = reasonsFor(programme, answers, place, now);
    const match = { programme, reasons };
    // The calendar never rules a programme out: a closed call is shown in its group.
    if (reasons.some((r) => r.verdict === "no" && r.criterion !== "calendar")) result.ruledOut.push(match);
    else result[groupOf(programme)].push(match);
  }
  for (const list of Object.values(result)) list.sort(compareMatches);
  return result;
}
