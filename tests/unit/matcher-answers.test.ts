import { describe, expect, it } from "vitest";
import { matcherHref, parseMatcherAnswers, searchHref } from "../../lib/matcher/answers";

describe("parseMatcherAnswers", () => {
  it("reads every answer from the address", () => {
    const a = parseMatcherAnswers({ structure: "association", territory: "commune:29019", besoin: ["equipement", "connexion"], etape: "resultats" });
    expect(a).toEqual({ structure: "association", territory: "commune:29019", lieu: null, placeAnswered: true, needs: ["equipement", "connexion"], step: "resultats" });
  });

  it("asks the first missing question instead of the screen asked for", () => {
    expect(parseMatcherAnswers({ etape: "resultats" }).step).toBe("structure");
    expect(parseMatcherAnswers({ structure: "commune", etape: "resultats" }).step).toBe("lieu");
    expect(parseMatcherAnswers({ structure: "commune", lieu: "", etape: "besoins" }).step).toBe("besoins");
  });

  it("drops values that do not parse rather than failing", () => {
    const a = parseMatcherAnswers({ structure: "pirate", territory: "nulle-part", besoin: ["equipement", "fusee", "equipement"], etape: "x" });
    expect(a).toMatchObject({ structure: null, territory: null, needs: ["equipement"], step: "structure" });
  });

  it("keeps a place typed without JavaScript, without control characters", () => {
    expect(parseMatcherAnswers({ structure: "association", lieu: " Brest\u0000 ", etape: "besoins" })).toMatchObject({ lieu: "Brest", placeAnswered: true });
  });
});

describe("links", () => {
  const answers = { structure: "association" as const, territory: "commune:29019", lieu: null, placeAnswered: true, needs: ["equipement" as const] };

  it("goes back to a screen with every answer", () => {
    expect(matcherHref(answers, "lieu")).toBe("/quel-financement?structure=association&territory=commune%3A29019&besoin=equipement&etape=lieu");
  });

  it("keeps « anywhere » as an empty place", () => {
    expect(matcherHref({ ...answers, territory: null }, "resultats")).toContain("lieu=&");
  });

  it("gives the same search on /financements", () => {
    expect(searchHref(answers)).toBe("/financements?territory=commune%3A29019&beneficiary=association&finances=equipement");
  });
});
