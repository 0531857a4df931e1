import { z } from "zod";
import { SLUG_PATTERN } from "./admin-fields";

/**
 * The quality queue (/admin/qualite): its kinds of problems, its filters (read from the page's
 * searchParams), and the note of « Vérifié aujourd'hui » sent from it. One schema each, shared by
 * the page, the server actions (lib/actions/quality.ts) and the data module (lib/data/admin/quality.ts).
 */

/** In the queue's order of urgency: what the public sees wrong first, what is merely incomplete last. */
export const QUALITY_KINDS = [
  "broken-link",
  "past-closing",
  "contribution",
  "review-note",
  "no-application-url",
  "no-amount",
  "unverified",
] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];

export const qualityKindLabels: Record<QualityKind, string> = {
  "broken-link": "Lien de candidature en échec",
  "past-closing": "Clôture passée, fiche non close",
  contribution: "Proposition ou correction du public",
  "review-note": "Importée, avec une note de relecture",
  "no-application-url": "Sans lien de candidature",
  "no-amount": "Sans montant",
  unverified: "Non vérifiée depuis 6 mois",
};

export const QUALITY_MAX_PER_PAGE = 100;
export const QUALITY_DEFAULT_PER_PAGE = 20;

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first;
  }, schema);

const integer = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} doit être un nombre.` })
    .int(`${name} doit être un nombre entier.`)
    .min(min, `${name} doit valoir au moins ${min}.`)
    .max(max, `${name} doit valoir au plus ${max}.`);

export const qualityQueueSchema = z.object({
  kind: single(z.enum(QUALITY_KINDS, { error: "Type de problème (kind) inconnu." }).optional()),
  funder: single(z.string().max(120).regex(SLUG_PATTERN, "funder : identifiant de financeur invalide.").optional()),
  q: single(
    z
      .string({ error: "q doit être un texte." })
      .max(200, "La recherche (q) est limitée à 200 caractères.")
      .transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim() || undefined)
      .optional(),
  ),
  page: single(integer("page", 1, 100_000).default(1)),
  perPage: single(integer("perPage", 1, QUALITY_MAX_PER_PAGE).default(QUALITY_DEFAULT_PER_PAGE)),
});
export type QualityQueueFilters = z.output<typeof qualityQueueSchema>;

/**
 * Reads the filters; a wrong value is dropped (the page shows the queue without it) rather than
 * failing: these come from links and a GET form.
 */
export function parseQualityQueue(params: Record<string, string | string[] | undefined>): QualityQueueFilters {
  const parsed = qualityQueueSchema.safeParse(params);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return qualityQueueSchema.parse(Object.fromEntries(Object.entries(params).filter(([k]) => !bad.has(k))));
}

/** A queue action's form: the entry, the version it was read at, and for « Vérifié aujourd'hui » a note. */
export const qualityActionSchema = z.object({
  slug: z.string({ error: "Fiche manquante." }).regex(SLUG_PATTERN, "Fiche : identifiant invalide."),
  version: z.coerce.number({ error: "Version manquante." }).int().min(1, "Version invalide."),
  note: z
    .string()
    .max(1000, "Note de vérification : 1 000 caractères au plus.")
    .optional()
    .transform((s) => s?.trim() || null),
  /** Where to come back: the queue's own query string (filters and page), checked below. */
  back: z.string().max(1000).optional(),
});
export type QualityActionInput = z.output<typeof qualityActionSchema>;

/** What a queue action answers, as a code in the queue's URL (`?resultat=…&fiche=<slug>`). */
export const QUALITY_OUTCOMES = ["verifiee", "archivee", "conflit", "interdit", "introuvable", "etape-impossible", "invalide"] as const;
export type QualityOutcome = (typeof QUALITY_OUTCOMES)[number];

export const qualityOutcomeMessages: Record<QualityOutcome, { text: string; success: boolean }> = {
  verifiee: { text: "Fiche marquée « vérifiée auprès de la source » aujourd'hui.", success: true },
  archivee: { text: "Fiche archivée : elle n'apparaît plus sur le site public.", success: true },
  conflit: {
    text: "Cette fiche a été modifiée entre-temps : la file montre maintenant sa version actuelle. Relisez-la, puis recommencez.",
    success: false,
  },
  interdit: { text: "Votre rôle ne permet pas cette action : seuls les curateurs vérifient et archivent.", success: false },
  introuvable: { text: "Cette fiche n'existe plus ou ne vous est pas accessible.", success: false },
  "etape-impossible": { text: "Cette fiche ne peut pas être archivée depuis son statut actuel.", success: false },
  invalide: { text: "La demande est incomplète (note de plus de 1 000 caractères ?). Rien n'a été enregistré.", success: false },
};

const QUEUE_PARAMS = ["kind", "funder", "q", "page", "perPage"] as const;

/**
 * `/admin/qualite?…` keeping only the queue's own parameters from `back` (a query string sent by the
 * queue's forms: anything else is dropped, so that a forged value cannot send the person elsewhere),
 * plus `extra`.
 */
export function queueHref(back: string | undefined, extra: Record<string, string | undefined> = {}): string {
  const from = new URLSearchParams(back?.replace(/^\?/, "") ?? "");
  const query = new URLSearchParams();
  for (const key of QUEUE_PARAMS) {
    const value = from.get(key);
    if (value) query.set(key, value.slice(0, 200));
  }
  for (const [key, value] of Object.entries(extra)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/admin/qualite?${text}` : "/admin/qualite";
}
