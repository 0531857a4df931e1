"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "../auth/guard";
import { restoreCaseStudyRevision } from "../data/admin/case-study-write";
import { restoreFunderRevision } from "../data/admin/funder-write";
import { restoreFundingRecordRevision } from "../data/admin/funding-record-write";
import { restoreProgrammeRevision } from "../data/admin/programme-write";
import { isDomainError } from "../errors";
import { SLUG_PATTERN } from "../validation/admin-fields";

/**
 * « Restaurer cette version » from a history page (a plain form: works without JavaScript).
 * The outcome comes back as a code in the history page's URL (RESTORE_OUTCOMES), never as free text:
 * a success shows the new version; a conflict, a refusal or a version that no longer fits today's
 * rules each have their French message, and the person can try again from the same page.
 */

const sections = { programme: "programmes", funder: "financeurs", "funding-record": "effort", "case-study": "retours-d-experience" } as const;
const restorers = {
  programme: restoreProgrammeRevision,
  funder: restoreFunderRevision,
  "funding-record": restoreFundingRecordRevision,
  "case-study": restoreCaseStudyRevision,
} as const;

const formSchema = z.object({
  entityType: z.enum(["programme", "funder", "funding-record", "case-study"]),
  slug: z.string().max(120).regex(SLUG_PATTERN),
  revisionId: z.string().max(64),
  version: z.coerce.number().int().min(1),
  note: z.string().max(4000).transform((s) => s.trim() || null),
  /** The version being restored, only to say it in the success message. */
  from: z.coerce.number().int().min(1).optional().catch(undefined),
});

const historyPath = (entityType: keyof typeof sections, slug: string) => `/admin/${sections[entityType]}/${slug}/historique`;

export async function restoreRevisionAction(formData: FormData): Promise<never> {
  const actor = await requireActor();
  const parsed = formSchema.safeParse({
    entityType: formData.get("entityType"),
    slug: formData.get("slug"),
    revisionId: formData.get("revisionId") ?? "",
    version: formData.get("version"),
    note: formData.get("note") ?? "",
    from: formData.get("from") ?? undefined,
  });
  if (!parsed.success) redirect("/admin/historique");
  const { entityType, slug, revisionId, version, note, from } = parsed.data;
  const back = historyPath(entityType, slug);
  const restore = restorers[entityType];

  let target: string;
  try {
    const result = await restore(actor, slug, { revisionId, version, note });
    target = `${historyPath(entityType, result.slug)}?restauree=${result.version}${from ? `&depuis=${from}` : ""}#resultat`;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const confirm = `restaurer=${encodeURIComponent(revisionId)}`;
    switch (error.code) {
      case "conflict":
        target = `${back}?${confirm}&erreur=conflit#confirmation`;
        break;
      case "validation_failed":
        target = `${back}?${confirm}&erreur=invalide#confirmation`;
        break;
      case "forbidden":
        target = `${back}?erreur=interdit#resultat`;
        break;
      case "not_found":
        target = `${back}?erreur=introuvable#resultat`;
        break;
      default:
        throw error;
    }
  }
  redirect(target);
}
