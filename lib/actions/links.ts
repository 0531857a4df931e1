"use server";

import { forbidden, redirect } from "next/navigation";
import { requireActor } from "../auth/guard";
import { canRunLinkCheck } from "../auth/policy";
import { startLinkCheckInBackground } from "../links/background";

/**
 * « Lancer une vérification maintenant » on /admin/liens (a plain form: works without JavaScript).
 * Starts the run in the background and comes back to the page, which shows its progress; a run
 * already going on is left alone (the page says so).
 */
export async function startLinkCheckAction(_formData: FormData): Promise<never> {
  const actor = await requireActor();
  if (!canRunLinkCheck(actor)) forbidden();
  const outcome = await startLinkCheckInBackground("admin");
  redirect(`/admin/liens?lancement=${outcome === "started" ? "ok" : "deja"}#derniere-verification`);
}
