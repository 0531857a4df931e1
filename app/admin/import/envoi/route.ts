import { actorFromRequest } from "@/lib/auth/guard";
import { createImportBatch } from "@/lib/import/batches";
import { isSameOrigin } from "@/lib/security/same-origin";
import { MAX_IMPORT_BYTES } from "@/lib/import/read-file";
import { type ImportUploadError, importUploadSchema, uploadErrorCode } from "@/lib/validation/import";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /admin/import/envoi — the import form's multipart upload (a route, not a server action: a file
 * of several megabytes, and a size refused with a French sentence rather than the framework's limit).
 * Analyses the file (dry run), keeps it as a pending batch, and redirects to its report (303).
 * Session cookie required; a form posted from another site is refused.
 */
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
const back = (code: ImportUploadError) => seeOther(`/admin/import?erreur=${code}`);

export async function POST(req: Request): Promise<Response> {
  const actor = await actorFromRequest(req);
  if (!actor) return seeOther(`/connexion?callbackUrl=${encodeURIComponent("/admin/import")}`);
  if (!isSameOrigin(req)) return back("origine");
  // The multipart envelope adds a little to the file itself.
  if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return back("taille");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return back("illisible");
  }
  const parsed = importUploadSchema.safeParse({ file: form.get("file"), publish: form.get("publish") ?? undefined });
  if (!parsed.success) return back(uploadErrorCode(parsed.error));
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(await parsed.data.file.arrayBuffer());
  } catch {
    return back("encodage");
  }
  const batch = await createImportBatch(actor, { fileName: parsed.data.file.name, content, publish: parsed.data.publish });
  return seeOther(`/admin/import/${batch.id}`);
}
