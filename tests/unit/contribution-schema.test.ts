import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../lib/validation/admin-fields";
import {
  correctionSchema,
  correctionValuesFromForm,
  honeypotFilled,
  HONEYPOT_FIELD,
  proposalSchema,
  proposalValuesFromForm,
} from "../../lib/validation/contribution";
import { acceptCorrectionSchema, acceptProposalSchema, firstUrl, rejectContributionSchema } from "../../lib/validation/contribution-decision";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

const validProposal: [string, string][] = [
  ["title", "  Fonds numérique des quartiers  "],
  ["funderName", "Ville de Test"],
  ["applicationUrl", "https://www.exemple.org/fonds"],
  ["opensAt", ""],
  ["closesAt", "2027-04-30"],
  ["beneficiaries", "association"],
  ["beneficiaries", "association"],
  ["beneficiaries", "commune"],
  ["financed", "equipement"],
  ["territory", "  "],
  ["description", "Un fonds pour équiper les associations des quartiers prioritaires."],
  ["proposerName", ""],
  ["proposerOrganisation", "Association X"],
  ["proposerEmail", " Nom.Prenom@Exemple.FR "],
  ["consent", "on"],
];

describe("the proposal schema, shared by /proposer and its server action", () => {
  it("reads the form as typed and gives trimmed values, nulls for blanks, lists without duplicates, the e-mail in lower case", () => {
    const parsed = proposalSchema.parse(proposalValuesFromForm(form(validProposal)));
    expect(parsed).toEqual({
      title: "Fonds numérique des quartiers", funderName: "Ville de Test", applicationUrl: "https://www.exemple.org/fonds",
      opensAt: null, closesAt: "2027-04-30", beneficiaries: ["association", "commune"], financed: ["equipement"], territory: null,
      description: "Un fonds pour équiper les associations des quartiers prioritaires.", proposerName: null,
      proposerOrganisation: "Association X", proposerEmail: "nom.prenom@exemple.fr", consent: "on",
    });
  });

  it("says in French what is wrong, field by field, each message starting with the field's label", () => {
    const result = proposalSchema.safeParse(
      proposalValuesFromForm(form([["applicationUrl", "ftp://exemple.org"], ["opensAt", "2027-05-01"], ["closesAt", "2027-04-30"], ["beneficiaries", "licorne"], ["proposerEmail", "sans-arobase"]])),
    );
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors.title).toBe("Nom de l'appel ou du dispositif : ce champ est obligatoire.");
    expect(errors.funderName).toMatch(/^Financeur : /);
    expect(errors.applicationUrl).toMatch(/^Lien vers la page officielle : adresse web invalide/);
    expect(errors["beneficiaries.0"]).toBe("Qui peut candidater : valeur inconnue « licorne ».");
    expect(errors.closesAt).toBe("Date de clôture : elle doit suivre la date d'ouverture.");
    expect(errors.description).toBe("Description : ce champ est obligatoire.");
    const short = fieldErrors(proposalSchema.safeParse({ ...proposalValuesFromForm(form(validProposal)), title: " ab ", description: "Trop court." }).error!);
    expect(short).toEqual({ title: "Nom de l'appel ou du dispositif : 3 caractères au moins.", description: "Description : 20 caractères au moins." });
    expect(errors.proposerEmail).toMatch(/^Votre adresse e-mail : adresse invalide/);
    expect(errors.consent).toMatch(/^Accord : cochez la case/);
  });

  it("refuses an over-long description and an unconsented send", () => {
    const values = proposalValuesFromForm(form(validProposal.map(([k, v]) => (k === "description" ? [k, "x".repeat(5001)] : k === "consent" ? [k, "oui"] : [k, v]))));
    const errors = fieldErrors(proposalSchema.safeParse(values).error!);
    expect(Object.keys(errors).sort()).toEqual(["consent", "description"]);
  });
});

describe("the correction schema", () => {
  it("accepts a known subject, an optional source, and refuses an unknown subject", () => {
    const ok = correctionSchema.parse(
      correctionValuesFromForm(form([["topic", "montants"], ["correction", "Le plafond est de 20 000 €."], ["sourceUrl", ""], ["proposerEmail", "a@b.fr"], ["consent", "on"]])),
    );
    expect(ok).toMatchObject({ topic: "montants", sourceUrl: null, proposerEmail: "a@b.fr" });
    const bad = correctionSchema.safeParse(correctionValuesFromForm(form([["topic", "tout"], ["correction", "court"]])));
    const errors = fieldErrors(bad.error!);
    expect(errors.topic).toBe("Ce qui est inexact : valeur inconnue « tout ».");
    expect(errors.correction).toBe("La bonne information : 10 caractères au moins.");
  });
});

describe("the honeypot", () => {
  it("is filled only when its field holds something", () => {
    expect(honeypotFilled(form([]))).toBe(false);
    expect(honeypotFilled(form([[HONEYPOT_FIELD, "  "]]))).toBe(false);
    expect(honeypotFilled(form([[HONEYPOT_FIELD, "https://spam.example"]]))).toBe(true);
  });
});

describe("the curators' decision schemas", () => {
  const id = "0b7f3f4e-9d1a-4c51-8f0e-2f7d4c7b1a22";
  it("needs a reason to reject", () => {
    expect(fieldErrors(rejectContributionSchema.safeParse({ contributionId: id, decisionNote: "  " }).error!).decisionNote).toBe("Motif du refus : ce champ est obligatoire.");
  });
  it("needs a funder, an aid kind and a coverage to accept a proposal", () => {
    const errors = fieldErrors(acceptProposalSchema.safeParse({ contributionId: id, funder: "", aidKinds: [], isNational: false, territories: [], summary: "Un résumé assez long.", note: null }).error!);
    expect(Object.keys(errors).sort()).toEqual(["aidKinds", "funder", "territories"]);
    const coverage = fieldErrors(acceptProposalSchema.safeParse({ contributionId: id, funder: "anct", aidKinds: ["subvention"], isNational: false, territories: [], summary: "Un résumé assez long.", note: null }).error!);
    expect(coverage.territories).toMatch(/couverture nationale/);
  });
  it("reads blank structured fields of a correction as nothing to apply", () => {
    expect(acceptCorrectionSchema.parse({ contributionId: id, version: 3, applicationUrl: "", opensAt: "", closesAt: "", note: "" })).toEqual({
      contributionId: id, version: 3, applicationUrl: null, opensAt: null, closesAt: null, note: null,
    });
  });
});

describe("the link offered when a correction is about the application link", () => {
  it("is the first web address of the text, without the sentence's punctuation", () => {
    expect(firstUrl("Le bon lien est https://www.exemple.org/candidater?x=1. Merci !")).toBe("https://www.exemple.org/candidater?x=1");
    expect(firstUrl("Voir (https://exemple.org/a), puis http://exemple.org/b")).toBe("https://exemple.org/a");
    expect(firstUrl("Le lien est mort.")).toBeNull();
    expect(firstUrl(null)).toBeNull();
  });
});
