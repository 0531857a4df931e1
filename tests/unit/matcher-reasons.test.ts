import { describe, expect, it } from "vitest";
import { calendarReason, joinFrench, needsReason, structureReason, territoryReason, type MatcherProgramme } from "../../lib/matcher/reasons";
import { groupOf, matchProgrammes } from "../../lib/matcher/rank";
import { predictReopening } from "../../lib/programmes/reopening";

const now = new Date("2026-12-06T10:00:00Z");
const brest = { id: "commune:29019", name: "Brest", ids: ["commune:29019", "epci:242900314", "departement:29", "region:53"] };

const programme = (overrides: Partial<MatcherProgramme> = {}): MatcherProgramme => ({
  slug: "p", title: "Programme", funder: { slug: "f", name: "Financeur" }, status: "open",
  closesAt: null, opensAt: null, recurrence: null, reopening: null, beneficiaries: ["association"], financed: ["equipement"],
  isNational: true, territories: [], applicationUrl: null, ...overrides,
});

describe("structureReason", () => {
  it("says a programme is open to the structure when its beneficiaries include it", () => {
    expect(structureReason(programme(), "association")).toEqual({ criterion: "structure", verdict: "yes", text: "ouvert aux associations" });
  });
  it("says whom a programme is reserved to when the structure is not among them", () => {
    expect(structureReason(programme({ beneficiaries: ["commune", "epci"] }), "association")).toMatchObject({
      verdict: "no", text: "réservé aux communes et aux intercommunalités",
    });
  });
  it("warns when the sources name no eligible structure", () => {
    expect(structureReason(programme({ beneficiaries: [] }), "association").verdict).toBe("warning");
  });
});

describe("territoryReason", () => {
  it("covers the place through a national programme", () => {
    expect(territoryReason(programme(), brest).text).toBe("couvre Brest (programme national)");
  });
  it("names the containing territory that the programme covers", () => {
    const p = programme({ isNational: false, territories: [{ id: "departement:29", name: "Finistère" }] });
    expect(territoryReason(p, brest)).toMatchObject({ verdict: "yes", text: "couvre Brest (Finistère)" });
  });
  it("says plainly a programme of the place itself covers it", () => {
    const p = programme({ isNational: false, territories: [{ id: "commune:29019", name: "Brest" }] });
    expect(territoryReason(p, brest).text).toBe("couvre Brest");
  });
  it("refuses a programme of another place", () => {
    const p = programme({ isNational: false, territories: [{ id: "commune:75056", name: "Paris" }] });
    expect(territoryReason(p, brest)).toMatchObject({ verdict: "no", text: "ne couvre pas Brest" });
  });
  it("without a place, warns that a local programme is limited", () => {
    const p = programme({ isNational: false, territories: [{ id: "departement:29", name: "Finistère" }] });
    expect(territoryReason(p, null)).toMatchObject({ verdict: "warning", text: "limité à : Finistère" });
  });
});

describe("needsReason", () => {
  it("is absent when no need was given", () => {
    expect(needsReason(programme(), [])).toBeNull();
  });
  it("names the needs the programme finances", () => {
    const p = programme({ financed: ["equipement", "fonctionnement"] });
    expect(needsReason(p, ["equipement", "fonctionnement", "connexion"])).toMatchObject({ verdict: "yes", text: "finance l'équipement et le fonctionnement" });
  });
  it("refuses a programme that finances none of them", () => {
    expect(needsReason(programme({ financed: ["pass-numerique"] }), ["equipement"])).toMatchObject({ verdict: "no", text: "ne finance pas l'équipement" });
  });
});

/** A closed call opened every March since 2024: its prediction, by the rule itself. */
const marchCall = predictReopening({
  status: "closed", recurrence: null, opensAt: null, closesAt: null,
  rounds: [2024, 2025, 2026].map((y) => ({ opensAt: new Date(`${y}-03-10T08:00:00Z`), closesAt: null })),
}, now);

describe("calendarReason", () => {
  it("counts the days left before a close date", () => {
    const p = programme({ status: "closing-soon", closesAt: new Date("2026-12-18T22:59:59.999Z") });
    expect(calendarReason(p, now)).toMatchObject({ verdict: "warning", text: "clôture dans 13 jours" });
  });
  it("presents a closed call predicted to reopen with the prediction's words, never as an announced date", () => {
    const reason = calendarReason(programme({ status: "closed", recurrence: "annuel", reopening: marchCall }), now);
    expect(reason).toEqual({
      criterion: "calendar",
      verdict: "warning",
      text: "clos ; reprise attendue vers mars 2027 (prévision : ouvert chaque année en mars depuis 2024 ; date non annoncée par le financeur)",
    });
  });
  it("says a yearly call is just closed when its last edition is too old for a prediction", () => {
    const facts = { status: "closed", recurrence: "annuel", opensAt: null, closesAt: new Date("2023-09-15T21:59:59Z"), rounds: [] } as const;
    const reopening = predictReopening(facts, now);
    expect(reopening).toBeNull();
    expect(calendarReason(programme({ ...facts, reopening }), now)).toMatchObject({ verdict: "no", text: "clos" });
  });
  it("says a closed one-off call is closed", () => {
    expect(calendarReason(programme({ status: "closed", recurrence: "ponctuel" }), now)).toMatchObject({ verdict: "no", text: "clos" });
  });
  it("says a permanent scheme has no deadline", () => {
    expect(calendarReason(programme({ status: "permanent" }), now).verdict).toBe("yes");
  });
});

describe("matchProgrammes", () => {
  const open = programme({ slug: "open", title: "B ouvert", status: "open", closesAt: new Date("2027-03-01T00:00:00Z") });
  const permanent = programme({ slug: "permanent", title: "A permanent", status: "permanent" });
  const annual = programme({ slug: "annual", title: "C annuel", status: "closed", reopening: marchCall });
  const closed = programme({ slug: "closed", title: "D clos", status: "closed", recurrence: "ponctuel" });
  const reserved = programme({ slug: "reserved", title: "E communes", beneficiaries: ["commune"] });
  const vague = programme({ slug: "vague", title: "F flou", beneficiaries: [] });

  it("puts open and permanent first, then the likely reopenings, then the rest, and the ruled out apart", () => {
    const r = matchProgrammes([closed, annual, reserved, open, vague, permanent], { structure: "association", needs: ["equipement"] }, brest, now);
    expect(r.open.map((m) => m.programme.slug)).toEqual(["open", "permanent", "vague"]);
    expect(r.reopening.map((m) => m.programme.slug)).toEqual(["annual"]);
    expect(r.other.map((m) => m.programme.slug)).toEqual(["closed"]);
    expect(r.ruledOut.map((m) => m.programme.slug)).toEqual(["reserved"]);
  });

  it("groups an announced opening with the open ones", () => {
    expect(groupOf({ status: "upcoming", reopening: null })).toBe("open");
    expect(groupOf({ status: "closed", reopening: marchCall })).toBe("reopening");
    expect(groupOf({ status: "closed", reopening: null })).toBe("other");
  });
});

describe("joinFrench", () => {
  it("joins with commas and « et »", () => {
    expect(joinFrench(["a"])).toBe("a");
    expect(joinFrench(["a", "b", "c"])).toBe("a, b et c");
  });
});
