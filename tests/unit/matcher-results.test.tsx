import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Results } from "@/app/(public)/quel-financement/_components/results";
import type { MatcherAnswers } from "@/lib/matcher/answers";
import type { MatcherProgramme } from "@/lib/matcher/reasons";
import { searchStatusLabels } from "@/lib/programmes/reopening";

const closedYearly: MatcherProgramme = {
  slug: "appel-annuel-test",
  title: "Appel annuel de test",
  funder: { slug: "financeur-test", name: "Financeur de test" },
  status: "closed",
  closesAt: new Date("2026-03-31T22:00:00Z"),
  opensAt: new Date("2026-01-15T00:00:00Z"),
  recurrence: "annuel",
  reopening: {
    month: "2027-01",
    monthIs: "opening",
    basis: "rhythm",
    headline: "Reprise attendue vers janvier 2027",
    reasoning: "ouvert chaque année en janvier depuis 2024",
    text: "Reprise attendue vers janvier 2027 (prévision : ouvert chaque année en janvier depuis 2024 ; date non annoncée par le financeur)",
  },
  beneficiaries: ["association"],
  financed: ["equipement"],
  isNational: true,
  territories: [],
  applicationUrl: null,
};

describe("/quel-financement results", () => {
  it("names the group of closed yearly calls as the search's « Réouverture attendue », a prediction", () => {
    const html = renderToStaticMarkup(
      <Results
        answers={{ structure: "association", territory: null, lieu: null, placeAnswered: true, needs: [], step: "resultats" } as MatcherAnswers}
        place={null}
        result={{ open: [], reopening: [{ programme: closedYearly, reasons: [] }], other: [], ruledOut: [], total: 1 }}
      />,
    );
    expect(html).toContain(`${searchStatusLabels.expected} (1)`);
    expect(html).toContain("Réouverture attendue (1)");
    expect(html).toContain("Une prévision de ce site, pas une date annoncée par le financeur.");
    expect(html).not.toContain("aujourd&#x27;hui clos");
    expect(html).not.toContain("Réouverture probable");
  });
});
