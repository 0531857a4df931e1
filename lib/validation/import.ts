import { z } from "zod";
import { MAX_IMPORT_BYTES } from "../import/read-file";

/**
 * The import form (/admin/import): one file (CSV or JSON, 5 Mo at most) and, for curators, « publier
 * directement ». Errors travel back to the page as a code in its address (the form works without
 * JavaScript: a plain multipart POST to /admin/import/envoi, answered by a redirect).
 */

export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;

export const importUploadErrors = {
  fichier: "Fichier : choisissez un fichier CSV ou JSON à importer.",
  taille: `Fichier : trop volumineux, ${MAX_IMPORT_MEGABYTES} Mo au plus. Découpez-le en plusieurs fichiers.`,
  type: "Fichier : seuls les fichiers .csv et .json sont acceptés.",
  encodage: "Fichier : le texte n'est pas en UTF-8. Dans Excel, enregistrez-le en « CSV UTF-8 (délimité par des points-virgules) ».",
  illisible: "Le formulaire n'a pas pu être lu : envoyez le fichier de nouveau.",
  origine: "Envoi refusé : le formulaire ne vient pas de ce site.",
} as const;
export type ImportUploadError = keyof typeof importUploadErrors;

export const importUploadSchema = z.object({
  file: z
    .instanceof(File, { error: "fichier" })
    .refine((f) => f.size > 0 && f.name !== "", { error: "fichier" })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, { error: "taille" })
    .refine((f) => /\.(csv|json|txt)$/i.test(f.name), { error: "type" }),
  publish: z
    .enum(["on", "1", "true"])
    .optional()
    .transform((v) => v !== undefined),
});

/** The first error's code (the page shows its sentence). */
export function uploadErrorCode(error: z.ZodError): ImportUploadError {
  const code = error.issues[0]?.message;
  return code && code in importUploadErrors ? (code as ImportUploadError) : "fichier";
}

export const importBatchIdSchema = z.object({ id: z.uuid({ error: "Import introuvable." }) });

export const importBatchErrors = {
  introuvable: "Import introuvable.",
  deja: "Cet import n'est plus en attente : il a déjà été appliqué ou abandonné.",
  rejete: "Rien n'a été écrit : des lignes sont rejetées (voir le rapport). Corrigez le fichier et envoyez-le de nouveau.",
  conflit: "Une fiche a été modifiée pendant l'import : rien n'a été écrit. Relancez la confirmation.",
} as const;
export type ImportBatchError = keyof typeof importBatchErrors;

/** `?erreur=` of the pages, parsed. */
export const importPageQuerySchema = z.object({
  erreur: z.string().optional().catch(undefined),
  fait: z.enum(["applique", "abandonne"]).optional().catch(undefined),
});
