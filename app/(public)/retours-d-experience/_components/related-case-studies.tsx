import Link from "next/link";
import { findCaseStudiesForFunder, findCaseStudiesForProgramme } from "@/lib/data/case-studies";

/**
 * « Retours d'expérience » on a programme's or a funder's page: the published case studies that
 * rely on it (the case study's page links back). Nothing when there is none.
 */
export async function RelatedCaseStudies(props: { programme: string } | { funder: string }) {
  const studies = "programme" in props ? await findCaseStudiesForProgramme(props.programme) : await findCaseStudiesForFunder(props.funder);
  if (studies.length === 0) return null;
  return (
    <section aria-labelledby="retours-d-experience" className="mt-10 border-t border-line pt-6">
      <h2 id="retours-d-experience" className="text-xl font-bold">Retours d&apos;expérience</h2>
      <p className="mt-1 text-muted">
        {"programme" in props ? "Des structures qui s'en sont servies racontent leur modèle de financement." : "Des modèles de financement où ce financeur intervient."}
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        {studies.map((s) => (
          <li key={s.slug}>
            <Link href={`/retours-d-experience/${s.slug}`} className="text-brand underline">{s.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
