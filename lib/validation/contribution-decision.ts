import { z } from "zod";
import { aidKinds } from "../codes";
import { requiredText } from "./contribution";
import { code, nullableHttpUrl, nullableIsoDay, nullableText, slug, territoryId, text, uniqueList, version } from "./admin-fields";

/**
 * A curator's decision on a public contribution (/admin/contributions/<id>), one schema per form, shared by the
 * form (labels, field errors) and the server action (lib/data/admin/contributions-decide.ts).
 */

export const decisionLabels = {
  funder: "Financeur principal",
  aidKinds: "Nature de l'aide",
  isNational: "Couverture nationale",
  territories: "Territoires couverts",
  summary: "Résumé",
  applicationUrl: "Nouveau lien pour candidater",
  opensAt: "Nouvelle date d'ouverture",
  closesAt: "Nouvelle date de clôture",
  note: "Note de décision",
  decisionNote: "Motif du refus",
} as const;

const L = decisionLabels;
const contributionId = z.uuid({ error: "Contribution inconnue." });

export const rejectContributionSchema = z.object({
  contributionId,
  decisionNote: requiredText(L.decisionNote, { min: 5, max: 2000 }),
});

/** Accepting a proposal: what a programme needs and the public form does not ask (the funder among existing ones…). */
export const acceptProposalSchema = z
  .object({
    contributionId,
    funder: slug(L.funder),
    aidKinds: uniqueList(code(aidKinds.codes, L.aidKinds), L.aidKinds, 20).refine((v) => v.length > 0, {
      message: `${L.aidKinds} : choisissez au moins une valeur.`,
    }),
    isNational: z.boolean(),
    territories: uniqueList(territoryId(L.territories), L.territories, 500),
    summary: text(L.summary, { min: 10, max: 1000 }),
    note: nullableText(L.note, 2000),
  })
  .superRefine((p, ctx) => {
    if (!p.isNational && p.territories.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["territories"],
        message: `${L.territories} : choisissez au moins un territoire, ou cochez « couverture nationale ».`,
      });
    }
  });

/** Accepting a correction: optionally the structured fields applied to the programme (with its version). */
export const acceptCorrectionSchema = z.object({
  contributionId,
  version,
  applicationUrl: nullableHttpUrl(L.applicationUrl),
  opensAt: nullableIsoDay(L.opensAt),
  closesAt: nullableIsoDay(L.closesAt),
  note: nullableText(L.note, 2000),
});

export type AcceptProposal = z.output<typeof acceptProposalSchema>;
export type AcceptCorrection = z.output<typeof acceptCorrectionSchema>;

export const CONTRIBUTION_STATUSES = ["pending", "accepted", "rejected"] as const;
export const CONTRIBUTION_KINDS = ["proposal", "correction"] as const;
export const contributionStatusLabels = { pending: "À relire", accepted: "Acceptée", rejected: "Refusée" } as const;
export const contributionKindLabels = { proposal: "Proposition", correction: "Correction" } as const;

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" ? undefined : first;
  }, schema);

/** The filters of /admin/contributions (searchParams). */
export const contributionListSchema = z.object({
  status: single(z.enum([...CONTRIBUTION_STATUSES, "all"]).default("pending")),
  kind: single(z.enum(CONTRIBUTION_KINDS).optional()),
  page: single(z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type ContributionListFilters = z.output<typeof contributionListSchema>;

/** The first web address written in a correction's text (a new application link, most often), without trailing punctuation. */
export const firstUrl = (text: string | null): string | null =>
  /https?:\/\/[^\s<>"«»]*[^\s<>"«».,;:!?)]/.exec(text ?? "")?.[0] ?? null;
