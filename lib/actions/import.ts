"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/guard";
import { isDomainError } from "../errors";
import { confirmImportBatch, discardImportBatch } from "../import/batches";
import { type ImportBatchError, importBatchIdSchema } from "../validation/import";

/**
 * « Confirmer l'import » and « Abandonner » on /admin/import/<id> (plain forms: they work without
 * JavaScript). Each answers with a redirect to the report page, carrying the outcome in its address.
 */

const page = (id: string, query: string) => `/admin/import/${id}?${query}`;

function errorCode(error: unknown): ImportBatchError {
  if (!isDomainError(error)) throw error;
  return error.code === "not_found" ? "introuvable" : "deja";
}

export async function confirmImportAction(form: FormData): Promise<void> {
  const actor = await requireActor();
  const parsed = importBatchIdSchema.safeParse({ id: form.get("id") });
  if (!parsed.success) redirect("/admin/import?erreur=introuvable");
  const { id } = parsed.data;
  let target: string;
  try {
    const batch = await confirmImportBatch(actor, id);
    target = batch.status === "applied" ? page(id, "fait=applique") : page(id, "erreur=rejete");
  } catch (error) {
    target = error instanceof Error && error.message.includes("modifié pendant l'import") ? page(id, "erreur=conflit") : page(id, `erreur=${errorCode(error)}`);
  }
  revalidatePath("/admin/import");
  redirect(target);
}

export async function discardImportAction(form: FormData): Promise<void> {
  const actor = await requireActor();
  const parsed = importBatchIdSchema.safeParse({ id: form.get("id") });
  if (!parsed.success) redirect("/admin/import?erreur=introuvable");
  const { id } = parsed.data;
  let target: string;
  try {
    await discardImportBatch(actor, id);
    target = page(id, "fait=abandonne");
  } catch (error) {
    target = page(id, `erreur=${errorCode(error)}`);
  }
  revalidatePath("/admin/import");
  redirect(target);
}
