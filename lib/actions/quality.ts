"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/guard";
import { transitionProgramme, verifyProgramme } from "../data/admin/programme-write";
import { isDomainError } from "../errors";
import { QUALITY_OUTCOMES, type QualityOutcome, qualityActionSchema, queueHref } from "../validation/quality-queue";

/**
 * The quality queue's actions (/admin/qualite), plain forms that work without JavaScript:
 * « Vérifié aujourd'hui » (verifyProgramme, with the version the queue was read at and a note) and
 * « Archiver » (transitionProgramme to archived, after the queue's confirmation step). Both are the
 * write services of lib/data/admin/programme-write.ts: they check the role (canVerify,
 * allowedTransitions), the version, and record the revision. The outcome comes back as a code in the
 * queue's URL (QUALITY_OUTCOMES), with the filters and the page the person was on.
 */

function read(form: FormData) {
  return qualityActionSchema.safeParse({
    slug: form.get("slug") ?? undefined,
    version: form.get("version") ?? undefined,
    note: form.get("note") ?? undefined,
    back: form.get("back") ?? undefined,
  });
}

function outcomeOf(error: unknown): QualityOutcome {
  if (!isDomainError(error)) throw error;
  switch (error.code) {
    case "conflict":
      return "conflit";
    case "forbidden":
      return "interdit";
    case "not_found":
      return "introuvable";
    case "invalid_transition":
      return "etape-impossible";
    default:
      return "invalide";
  }
}

async function run(form: FormData, done: QualityOutcome, write: (slug: string, version: number, note: string | null) => Promise<unknown>): Promise<never> {
  const parsed = read(form);
  if (!parsed.success) redirect(queueHref(undefined, { resultat: "invalide" }));
  const { slug, version, note, back } = parsed.data;
  let outcome: QualityOutcome = done;
  try {
    await write(slug, version, note);
    revalidatePath("/admin", "layout");
    revalidatePath(`/financements/${slug}`);
  } catch (error) {
    outcome = outcomeOf(error);
  }
  if (!QUALITY_OUTCOMES.includes(outcome)) outcome = "invalide";
  redirect(queueHref(back, { resultat: outcome, fiche: slug }));
}

/** « Vérifié aujourd'hui » from the queue. */
export async function verifyFromQueue(form: FormData): Promise<never> {
  const actor = await requireActor();
  return run(form, "verifiee", (slug, version, note) => verifyProgramme(actor, slug, { version, note }));
}

/** « Archiver » from the queue, once confirmed. */
export async function archiveFromQueue(form: FormData): Promise<never> {
  const actor = await requireActor();
  return run(form, "archivee", (slug, version, note) => transitionProgramme(actor, slug, { to: "archived", version, note: note ?? "Archivée depuis la file qualité." }));
}
