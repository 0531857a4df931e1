import type { MatcherAnswers } from "@/lib/matcher/answers";

/** The earlier answers, carried by each screen's GET form so that the address holds them all. */
export function HiddenAnswers({ answers, omit }: { answers: MatcherAnswers; omit: "structure" | "place" | "needs" }) {
  return (
    <>
      {omit !== "structure" && answers.structure && <input type="hidden" name="structure" value={answers.structure} />}
      {omit !== "place" && answers.territory && <input type="hidden" name="territory" value={answers.territory} />}
      {omit !== "place" && !answers.territory && answers.placeAnswered && <input type="hidden" name="lieu" value={answers.lieu ?? ""} />}
      {omit !== "needs" && answers.needs.map((need) => <input key={need} type="hidden" name="besoin" value={need} />)}
    </>
  );
}

export function StepHeading({ number, title, id }: { number: number; title: string; id: string }) {
  return (
    <legend id={id} className="text-2xl font-bold">
      <span className="block text-base font-normal text-muted">Question {number} sur 3</span>
      {title}
    </legend>
  );
}

export function NextButton({ label = "Continuer" }: { label?: string }) {
  return (
    <button type="submit" className="mt-6 rounded bg-brand px-6 py-2.5 font-semibold text-white hover:bg-brand-dark">
      {label}
    </button>
  );
}
