import { closedUnlessDated } from "./closed";
import { emptyDraft, type RowDraft } from "./draft";
import { nameKey } from "./normalize";

/**
 * The researched-data shape (../shared/data/programmes-research-2026-12.json): `name`, `funder` as a
 * name, `perimeter` in words, `amounts` and `dates` as text, `sourceUrl` + `otherSources`, `years`,
 * `status` (clos / recurrent), `confidence`, `reviewNote`. Texts are kept verbatim; what the research
 * does not give stays empty. Two fields the input requires are written from the row itself and said
 * in a warning: the summary (the description's first sentence) and the kind of aid (from the title:
 * « appel à projets », « AMI », « prix / concours », else « autre »).
 */

export const RESEARCH_KEYS = [
  "name", "funder", "funderType", "description", "beneficiaries", "financed", "perimeter", "amounts", "dates",
  "applicationUrl", "sourceUrl", "otherSources", "years", "status", "confidence", "reviewNote",
] as const;

/** A JSON row is in the research shape when it has a `name` and a `perimeter` or a `sourceUrl`, but no `title`. */
export const isResearchRow = (raw: Record<string, unknown>) => "name" in raw && !("title" in raw) && ("perimeter" in raw || "sourceUrl" in raw);

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The first sentence of a description (1000 characters at most, the summary's limit). */
export function firstSentence(text: string): string {
  const match = /^(.{10,}?[.!?…])(\s|$)/s.exec(text.trim());
  const sentence = (match?.[1] ?? text.trim()).replace(/\s+/g, " ");
  return sentence.length <= 1000 ? sentence : `${sentence.slice(0, 997).replace(/\s+\S*$/, "")}…`;
}

export function aidKindsFromTitle(title: string): string[] {
  const key = ` ${nameKey(title)} `;
  if (/ appels? a projets /.test(key)) return ["appel-a-projets"];
  if (/ ami | appel a manifestation/.test(key)) return ["appel-a-manifestation-d-interet"];
  if (/ prix | concours | trophees? /.test(key)) return ["prix"];
  return ["autre"];
}

export function adaptResearchObject(raw: Record<string, unknown>, row: number): RowDraft {
  const draft = emptyDraft(row);
  const f = draft.fields;
  const unknown = Object.keys(raw).filter((k) => !(RESEARCH_KEYS as readonly string[]).includes(k) && k !== "slug");
  for (const k of unknown) draft.errors.push({ field: k, message: `Champ inconnu : « ${k.slice(0, 60)} ».` });

  const title = str(raw.name);
  f.title = raw.name;
  if (typeof raw.slug === "string") f.slug = raw.slug;
  f.description = raw.description;
  if (typeof raw.description === "string" && raw.description.trim()) {
    f.summary = firstSentence(raw.description);
    draft.warnings.push("Résumé repris de la première phrase de la description : à relire.");
  }
  if (title) {
    const kinds = aidKindsFromTitle(title);
    f.aidKinds = kinds;
    draft.warnings.push(`Nature de l'aide déduite du titre (« ${kinds[0]} ») : à vérifier.`);
  }
  // « collectivite » is the three levels, as in the first seed (prisma/seed-data/README.md).
  f.beneficiaries = Array.isArray(raw.beneficiaries)
    ? [...new Set(raw.beneficiaries.flatMap((b) => (b === "collectivite" ? ["commune", "departement", "region"] : [b])))]
    : (raw.beneficiaries ?? []);
  f.financed = raw.financed ?? [];
  if (typeof raw.funder === "string") draft.funderName = raw.funder;
  else draft.errors.push({ field: "funder", message: "Financeur principal : le nom du financeur est attendu." });
  if (typeof raw.perimeter === "string") draft.perimeter = raw.perimeter;
  else draft.errors.push({ field: "territories", message: "Territoires couverts : le périmètre est attendu (un nom de région, de département, ou « national »)." });
  f.coverageNote = str(raw.perimeter);
  f.amountNote = str(raw.amounts);
  f.calendarNote = str(raw.dates);
  f.funderNote = str(raw.funder);
  f.applicationUrl = raw.applicationUrl ?? null;
  const others = Array.isArray(raw.otherSources) ? raw.otherSources : raw.otherSources == null ? [] : [raw.otherSources];
  const urls = [raw.sourceUrl, ...others].filter((u) => u !== null && u !== undefined && u !== "");
  // The same address twice is one source.
  f.sources = [...new Set(urls)].map((url) => ({ url, title: null, retrievedAt: null }));
  f.confidence = raw.confidence ?? null;
  f.isClosed = closedUnlessDated({ sourceStatus: raw.status, years: raw.years, recurrence: null, opensAt: null, closesAt: null });
  draft.reviewNote = str(raw.reviewNote);
  return draft;
}
