"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { requireActor } from "../auth/guard";
import { canReviewContributions } from "../auth/policy";
import { acceptCorrection, acceptProposal, rejectContribution } from "../data/admin/contributions-decide";
import { isDomainError } from "../errors";
import type { ContributionFormState } from "./contributions-state";

/**
 * The curators' decisions on /admin/contributions/<id>: accept a proposal (a draft programme), accept a
 * correction, reject with a reason. Each checks the session and canReviewContributions on the server; the
 * services check it again and refuse a contribution that is no longer pending.
 */

export type DecisionValues = Record<string, string | string[]>;

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

function valuesOf(form: FormData): DecisionValues {
  const values: DecisionValues = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = key === "aidKinds" || key === "territories" ? all : (all[0] ?? "");
  }
  return values;
}

async function reviewer() {
  const actor = await requireActor();
  if (!canReviewContributions(actor)) forbidden();
  return actor;
}

function failed(error: unknown, attempt: number, values: DecisionValues): ContributionFormState<DecisionValues> {
  if (!isDomainError(error)) throw error;
  const status = ({ validation_failed: 400, forbidden: 403, not_found: 404, conflict: 409 } as const)[error.code as "conflict"] ?? 400;
  return { ok: false, attempt, values, status, fieldErrors: error.details?.fields, message: error.message };
}

function done(id: string) {
  revalidatePath("/admin", "layout");
  revalidatePath(`/admin/contributions/${id}`);
}

/** The territories field: hidden inputs (with JavaScript) or one text of ids separated by spaces (without). */
const territoryIds = (form: FormData) =>
  form
    .getAll("territories")
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) => v.split(/[\s,;]+/))
    .filter(Boolean);

export async function acceptProposalAction(
  previous: ContributionFormState<DecisionValues> | undefined,
  form: FormData,
): Promise<ContributionFormState<DecisionValues>> {
  const actor = await reviewer();
  const attempt = (previous?.attempt ?? 0) + 1;
  const values = valuesOf(form);
  const contributionId = str(form, "contributionId");
  try {
    const result = await acceptProposal(actor, {
      contributionId,
      funder: str(form, "funder"),
      aidKinds: form.getAll("aidKinds").filter((v) => typeof v === "string"),
      isNational: form.get("isNational") === "on",
      territories: territoryIds(form),
      summary: str(form, "summary"),
      note: str(form, "note") || null,
    });
    done(contributionId);
    return {
      ok: true,
      attempt,
      values,
      status: 200,
      notice: {
        text: "Proposition acceptée : un brouillon de programme a été créé, avec une révision qui crédite la personne. Complétez-le, puis soumettez-le à relecture.",
        href: `/admin/programmes/${result.programmeSlug}`,
        linkLabel: "Compléter le brouillon",
      },
    };
  } catch (error) {
    return failed(error, attempt, values);
  }
}

export async function acceptCorrectionAction(
  previous: ContributionFormState<DecisionValues> | undefined,
  form: FormData,
): Promise<ContributionFormState<DecisionValues>> {
  const actor = await reviewer();
  const attempt = (previous?.attempt ?? 0) + 1;
  const values = valuesOf(form);
  const contributionId = str(form, "contributionId");
  const version = Number(str(form, "version"));
  try {
    const result = await acceptCorrection(actor, {
      contributionId,
      version: Number.isInteger(version) ? version : 0,
      applicationUrl: str(form, "applicationUrl"),
      opensAt: str(form, "opensAt"),
      closesAt: str(form, "closesAt"),
      note: str(form, "note") || null,
    });
    done(contributionId);
    revalidatePath(`/financements/${result.programmeSlug}`);
    return {
      ok: true,
      attempt,
      values,
      status: 200,
      notice: {
        text: result.applied.length
          ? `Correction acceptée et appliquée au programme (${result.applied.join(", ")}).`
          : "Correction acceptée : la décision et le crédit figurent dans l'historique du programme.",
        href: `/admin/programmes/${result.programmeSlug}/historique`,
        linkLabel: "Voir l'historique du programme",
      },
    };
  } catch (error) {
    return failed(error, attempt, values);
  }
}

export async function rejectContributionAction(
  previous: ContributionFormState<DecisionValues> | undefined,
  form: FormData,
): Promise<ContributionFormState<DecisionValues>> {
  const actor = await reviewer();
  const attempt = (previous?.attempt ?? 0) + 1;
  const values = valuesOf(form);
  const contributionId = str(form, "contributionId");
  try {
    await rejectContribution(actor, { contributionId, decisionNote: str(form, "decisionNote") });
    done(contributionId);
    return { ok: true, attempt, values, status: 200, notice: { text: "Contribution refusée ; le motif est gardé pour l'équipe." } };
  } catch (error) {
    return failed(error, attempt, values);
  }
}
