import Link from "next/link";
import { type TerritoryOption, TerritoryPicker } from "@/components/territory-picker";
import { beneficiaries, financedItems } from "@/lib/codes";
import { type MatcherAnswers, matcherHref } from "@/lib/matcher/answers";
import { HiddenAnswers, NextButton, StepHeading } from "./hidden-answers";

const ACTION = "/quel-financement";

export function StructureStep({ answers, error }: { answers: MatcherAnswers; error: boolean }) {
  return (
    <form action={ACTION} method="get" aria-labelledby="question-structure">
      <HiddenAnswers answers={answers} omit="structure" />
      <input type="hidden" name="etape" value="lieu" />
      <fieldset aria-describedby={error ? "erreur-structure" : undefined}>
        <StepHeading number={1} id="question-structure" title={"Quelle est votre structure\u00a0?"} />
        {error && (
          <p id="erreur-structure" role="alert" className="mt-3 rounded border-l-4 border-warning bg-warning-light p-3 font-semibold">
            Choisissez le type de votre structure pour continuer.
          </p>
        )}
        <div className="mt-4 grid gap-2 sm:grid-cols-2">
          {beneficiaries.codes.map((code) => (
            <label key={code} className="flex cursor-pointer items-center gap-3 rounded border border-line bg-white p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
              <input type="radio" name="structure" value={code} required defaultChecked={answers.structure === code} className="size-5 accent-brand" />
              {beneficiaries.labels[code]}
            </label>
          ))}
        </div>
      </fieldset>
      <NextButton />
    </form>
  );
}

export function PlaceStep({
  answers, selected, candidates, unknown,
}: {
  answers: MatcherAnswers;
  selected: TerritoryOption | null;
  candidates: { id: string; name: string; context: string }[];
  unknown: boolean;
}) {
  return (
    <form action={ACTION} method="get" aria-labelledby="question-lieu">
      <HiddenAnswers answers={answers} omit="place" />
      <input type="hidden" name="etape" value="besoins" />
      <fieldset>
        <StepHeading number={2} id="question-lieu" title={"Où agissez-vous\u00a0?"} />
        <p className="mt-2 text-muted">Laissez le champ vide pour voir les programmes de toute la France.</p>
        {unknown && (
          <p role="alert" className="mt-3 rounded border-l-4 border-warning bg-warning-light p-3 font-semibold">
            Aucun territoire ne correspond à « {answers.lieu} » : vérifiez l&apos;orthographe ou essayez le code postal.
          </p>
        )}
        {candidates.length > 0 && (
          <div role="alert" className="mt-3 rounded border-l-4 border-brand bg-info-light p-3">
            <p className="font-semibold">Plusieurs lieux correspondent à « {answers.lieu} » : lequel ?</p>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {candidates.map((c) => (
                <li key={c.id}>
                  <Link href={matcherHref({ ...answers, territory: c.id, lieu: null }, "besoins")} className="text-brand underline">
                    {c.name} <span className="text-muted">{c.context}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="mt-4 max-w-xl">
          <TerritoryPicker selected={selected} defaultText={answers.lieu ?? undefined} />
        </div>
      </fieldset>
      <NextButton />
    </form>
  );
}

export function NeedsStep({ answers }: { answers: MatcherAnswers }) {
  return (
    <form action={ACTION} method="get" aria-labelledby="question-besoins">
      <HiddenAnswers answers={answers} omit="needs" />
      <input type="hidden" name="etape" value="resultats" />
      <fieldset aria-describedby="besoins-aide">
        <StepHeading number={3} id="question-besoins" title={"Que voulez-vous financer\u00a0?"} />
        <p id="besoins-aide" className="mt-2 text-muted">Plusieurs choix possibles ; aucun pour tout voir.</p>
        <div className="mt-4 grid gap-2 sm:grid-cols-2">
          {financedItems.codes.map((code) => (
            <label key={code} className="flex cursor-pointer items-center gap-3 rounded border border-line bg-white p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
              <input type="checkbox" name="besoin" value={code} defaultChecked={answers.needs.includes(code)} className="size-5 accent-brand" />
              {financedItems.labels[code]}
            </label>
          ))}
        </div>
      </fieldset>
      <NextButton label="Voir les financements" />
    </form>
  );
}
