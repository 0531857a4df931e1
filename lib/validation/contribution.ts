import { z } from "zod";
import { beneficiaries, financedItems } from "../codes";
import { code, httpUrl, nullableHttpUrl, nullableIsoDay, nullableText, uniqueList } from "./admin-fields";

/**
 * What the public sends (/proposer and /financements/<slug>/signaler), one schema each, shared by the
 * form (field errors, labels) and the server action (lib/data/contributions.ts). Every message is French and
 * starts with the field's label, as in the workspace's forms. The form is read into plain values first
 * (`proposalValuesFromForm`, `correctionValuesFromForm`): strings and lists of strings, shown again after an error.
 */

/** The honeypot: a field people never see nor reach; robots that fill every field fill it. */
export const HONEYPOT_FIELD = "site_internet";

export const proposalLabels = {
  title: "Nom de l'appel ou du dispositif",
  funderName: "Financeur",
  applicationUrl: "Lien vers la page officielle",
  opensAt: "Date d'ouverture",
  closesAt: "Date de clôture",
  beneficiaries: "Qui peut candidater",
  financed: "Ce qui est financé",
  territory: "Territoire concerné",
  description: "Description",
  proposerName: "Votre nom",
  proposerOrganisation: "Votre structure",
  proposerEmail: "Votre adresse e-mail",
  consent: "Accord",
} as const;

export const CORRECTION_TOPICS = ["lien-candidature", "dates", "montants", "eligibilite", "financeur", "autre"] as const;
export type CorrectionTopic = (typeof CORRECTION_TOPICS)[number];

export const correctionTopicLabels: Record<CorrectionTopic, string> = {
  "lien-candidature": "Le lien de candidature",
  dates: "Les dates (ouverture, clôture)",
  montants: "Les montants",
  eligibilite: "L'éligibilité (qui peut candidater)",
  financeur: "Le financeur",
  autre: "Autre chose",
};

export const correctionLabels = {
  topic: "Ce qui est inexact",
  correction: "La bonne information",
  sourceUrl: "Source",
  proposerName: "Votre nom",
  proposerOrganisation: "Votre structure",
  proposerEmail: "Votre adresse e-mail",
  consent: "Accord",
} as const;

/** A required text, trimmed: « ce champ est obligatoire » when empty, else the length rules. */
export const requiredText = (label: string, { min, max }: { min: number; max: number }) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .transform((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim())
    .pipe(
      z
        .string()
        .min(1, `${label} : ce champ est obligatoire.`)
        .min(min, `${label} : ${min} caractères au moins.`)
        .max(max, `${label} : ${max} caractères au plus.`),
    );

const email = (label: string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(320, `${label} : 320 caractères au plus.`)
    .pipe(z.email({ error: `${label} : adresse invalide (attendu nom@domaine.fr).` }))
    .transform((s) => s.toLowerCase());

const consent = (label: string) =>
  z.literal("on", {
    error: `${label} : cochez la case pour accepter que l'équipe relise votre message et vous écrive à ce sujet.`,
  });

const proposer = (labels: { proposerName: string; proposerOrganisation: string; proposerEmail: string; consent: string }) => ({
  proposerName: nullableText(labels.proposerName, 200),
  proposerOrganisation: nullableText(labels.proposerOrganisation, 300),
  proposerEmail: email(labels.proposerEmail),
  consent: consent(labels.consent),
});

const P = proposalLabels;
const proposalDates = z.object({ opensAt: nullableIsoDay(P.opensAt), closesAt: nullableIsoDay(P.closesAt) });

export const proposalSchema = z
  .object({
    title: requiredText(P.title, { min: 3, max: 250 }),
    funderName: requiredText(P.funderName, { min: 2, max: 300 }),
    applicationUrl: httpUrl(P.applicationUrl),
    opensAt: nullableIsoDay(P.opensAt),
    closesAt: nullableIsoDay(P.closesAt),
    beneficiaries: uniqueList(code(beneficiaries.codes, P.beneficiaries), P.beneficiaries, 20).refine((v) => v.length > 0, {
      message: `${P.beneficiaries} : cochez au moins une catégorie.`,
    }),
    financed: uniqueList(code(financedItems.codes, P.financed), P.financed, 20),
    territory: nullableText(P.territory, 300),
    description: requiredText(P.description, { min: 20, max: 5000 }),
    ...proposer(P),
  })
  .refine((p) => !(p.opensAt && p.closesAt && p.closesAt < p.opensAt), {
    path: ["closesAt"],
    message: `${P.closesAt} : elle doit suivre la date d'ouverture.`,
    // Checked even when other fields fail, as long as both dates are readable: every error shows at once.
    when: (payload) => proposalDates.safeParse(payload.value).success,
  });

const C = correctionLabels;

export const correctionSchema = z.object({
  topic: code(CORRECTION_TOPICS, C.topic),
  correction: requiredText(C.correction, { min: 10, max: 3000 }),
  sourceUrl: nullableHttpUrl(C.sourceUrl),
  ...proposer(C),
});

export type Proposal = z.output<typeof proposalSchema>;
export type Correction = z.output<typeof correctionSchema>;

/** The form's fields as typed (strings, lists of strings): what the form shows again after an error. */
export type ProposalValues = Record<Exclude<keyof typeof proposalLabels, "beneficiaries" | "financed">, string> & {
  beneficiaries: string[];
  financed: string[];
};
export type CorrectionValues = Record<keyof typeof correctionLabels, string>;

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const strings = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");

export function proposalValuesFromForm(form: FormData): ProposalValues {
  return {
    title: str(form, "title"),
    funderName: str(form, "funderName"),
    applicationUrl: str(form, "applicationUrl"),
    opensAt: str(form, "opensAt"),
    closesAt: str(form, "closesAt"),
    beneficiaries: strings(form, "beneficiaries"),
    financed: strings(form, "financed"),
    territory: str(form, "territory"),
    description: str(form, "description"),
    proposerName: str(form, "proposerName"),
    proposerOrganisation: str(form, "proposerOrganisation"),
    proposerEmail: str(form, "proposerEmail"),
    consent: str(form, "consent"),
  };
}

export function correctionValuesFromForm(form: FormData): CorrectionValues {
  return {
    topic: str(form, "topic"),
    correction: str(form, "correction"),
    sourceUrl: str(form, "sourceUrl"),
    proposerName: str(form, "proposerName"),
    proposerOrganisation: str(form, "proposerOrganisation"),
    proposerEmail: str(form, "proposerEmail"),
    consent: str(form, "consent"),
  };
}

export const emptyProposalValues: ProposalValues = proposalValuesFromForm(new FormData());
export const emptyCorrectionValues: CorrectionValues = correctionValuesFromForm(new FormData());

/** The honeypot holds something: a robot (people never see the field). */
export const honeypotFilled = (form: FormData) => str(form, HONEYPOT_FIELD).trim() !== "";
