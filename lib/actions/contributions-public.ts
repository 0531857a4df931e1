import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "../auth/login-limit";
import { submitContribution } from "../data/contributions";
import { isDomainError } from "../errors";
import {
  type CorrectionValues,
  correctionValuesFromForm,
  honeypotFilled,
  type ProposalValues,
  proposalValuesFromForm,
} from "../validation/contribution";
import type { ContributionFormState } from "./contributions-state";

/**
 * The public forms' actions: /proposer and /financements/<slug>/signaler. They are OPEN TO ANONYMOUS VISITORS
 * on purpose — which is why each declares "use server" in its body rather than at the top of the module: the
 * authorization matrix (tests/db/authorization-matrix.test.ts) tries every top-level "use server" module as
 * anonymous and expects the sign-in page. Their own tests are tests/db/contributions-public.test.ts.
 * The curators' actions are lib/actions/contributions.ts (guarded, in the matrix).
 *
 * The sender's address is read as the sign-in limit reads it (lib/auth/login-limit.ts clientAddress).
 */

async function address(): Promise<string> {
  return clientAddress(await headers());
}

function answer<V>(error: unknown, attempt: number, values: V): ContributionFormState<V> {
  if (!isDomainError(error)) throw error;
  switch (error.code) {
    case "validation_failed":
      return { ok: false, attempt, values, status: 400, fieldErrors: error.details?.fields, message: error.message };
    case "rate_limited":
      return { ok: false, attempt, values, status: 429, message: error.message };
    case "not_found":
      return { ok: false, attempt, values, status: 404, message: error.message };
    default:
      return { ok: false, attempt, values, status: 400, message: error.message };
  }
}

const sentState = <V>(attempt: number, values: V): ContributionFormState<V> => ({ ok: true, sent: true, attempt, values, status: 200 });

export async function proposeProgrammeAction(
  previous: ContributionFormState<ProposalValues>,
  form: FormData,
): Promise<ContributionFormState<ProposalValues>> {
  "use server";
  const attempt = (previous?.attempt ?? 0) + 1;
  const values = proposalValuesFromForm(form);
  // A robot: answered like a success, nothing stored.
  if (honeypotFilled(form)) return sentState(attempt, values);
  try {
    await submitContribution({ kind: "proposal", input: values, address: await address() });
    return sentState(attempt, values);
  } catch (error) {
    return answer(error, attempt, values);
  }
}

export async function reportErrorAction(
  previous: ContributionFormState<CorrectionValues>,
  form: FormData,
): Promise<ContributionFormState<CorrectionValues>> {
  "use server";
  const attempt = (previous?.attempt ?? 0) + 1;
  const values = correctionValuesFromForm(form);
  const slug = form.get("programme");
  if (honeypotFilled(form)) return sentState(attempt, values);
  try {
    await submitContribution({
      kind: "correction",
      input: values,
      address: await address(),
      programmeSlug: typeof slug === "string" ? slug.slice(0, 200) : "",
    });
    return sentState(attempt, values);
  } catch (error) {
    return answer(error, attempt, values);
  }
}
