import type { Metadata } from "next";
import Link from "next/link";
import { findMatchingProgrammes, type PlaceResolution, resolvePlace } from "@/lib/data/matcher";
import { parseMatcherAnswers, STEPS } from "@/lib/matcher/answers";
import { Results } from "./_components/results";
import { NeedsStep, PlaceStep, StructureStep } from "./_components/steps";

export const metadata: Metadata = {
  title: "Quels financements pour ma structure ?",
  description: "Trois questions (votre structure, votre territoire, vos besoins) pour trouver les financements de l'inclusion numérique qui vous correspondent, avec le pourquoi de chacun.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MatcherPage({ searchParams }: Props) {
  const raw = await searchParams;
  const answers = parseMatcherAnswers(raw);
  const asked = STEPS.find((s) => s === (Array.isArray(raw.etape) ? raw.etape[0] : raw.etape)) ?? "structure";
  const resolution: PlaceResolution = answers.placeAnswered ? await resolvePlace(answers) : { kind: "none" };
  const place = resolution.kind === "found" ? resolution.place : null;
  // Once resolved, the place travels as its id.
  const settled = place ? { ...answers, territory: place.id, lieu: null } : answers;
  let step = answers.step;
  if ((step === "besoins" || step === "resultats") && (resolution.kind === "ambiguous" || resolution.kind === "unknown")) step = "lieu";

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <ol className="flex flex-wrap gap-2 text-muted">
          <li><Link href="/" className="underline">Accueil</Link> <span aria-hidden="true">›</span></li>
          <li aria-current="page" className="text-ink">Quels financements pour ma structure ?</li>
        </ol>
      </nav>
      <div className="mt-6">
        {step === "resultats" && settled.structure ? (
          <Results answers={settled} place={place} result={await findMatchingProgrammes({ structure: settled.structure, needs: settled.needs }, place)} />
        ) : (
          <>
            <h1 className="text-3xl font-bold">Quels financements pour ma structure&nbsp;?</h1>
            <p className="mt-2 max-w-3xl text-muted">Trois questions, puis les programmes qui vous correspondent, avec pour chacun ce qui va et ce qui ne va pas.</p>
            <div className="mt-8 max-w-3xl">
              {step === "structure" && <StructureStep answers={settled} error={asked !== "structure" && !answers.structure} />}
              {step === "lieu" && (
                <PlaceStep
                  answers={settled}
                  selected={place ? { id: place.id, name: place.name, context: "" } : null}
                  candidates={resolution.kind === "ambiguous" ? resolution.candidates : []}
                  unknown={resolution.kind === "unknown" && answers.step !== "lieu"}
                />
              )}
              {step === "besoins" && <NeedsStep answers={settled} />}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
