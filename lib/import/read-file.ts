import { adaptProgrammeObject } from "./adapt-programme";
import { adaptResearchObject, isResearchRow } from "./adapt-research";
import { readCsv } from "./csv-format";
import { emptyDraft, isRecord, type RowDraft } from "./draft";
import type { ImportFormat } from "./report";

/**
 * A file's text → its rows, each brought to the programme input's shape by its format's adapter.
 * JSON: an array of programmes, `{ items: [...] }` or `{ programmes: [...] }` (the export), or one
 * programme (the API's answer for one slug); each row in the API / seed shape or the research shape.
 * Anything else is read as CSV.
 */

export interface ParsedFile {
  format: ImportFormat | null;
  drafts: RowDraft[];
  fileErrors: string[];
}

/** Files larger than this are refused (the upload form says so too). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

export function looksLikeJson(fileName: string, text: string): boolean {
  return /\.json$/i.test(fileName) || /^[\s\uFEFF]*[[{]/.test(text);
}

export function readImportFile(fileName: string, text: string): ParsedFile {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) {
    return { format: null, drafts: [], fileErrors: [`Fichier trop volumineux : ${MAX_IMPORT_BYTES / 1024 / 1024} Mo au plus.`] };
  }
  if (!text.trim()) return { format: null, drafts: [], fileErrors: ["Le fichier est vide."] };
  const result = looksLikeJson(fileName, text) ? readJson(text) : { format: "csv" as const, ...readCsv(text) };
  if (result.drafts.length > MAX_IMPORT_ROWS) {
    return { ...result, drafts: [], fileErrors: [`Trop de lignes : ${MAX_IMPORT_ROWS} au plus par fichier (${result.drafts.length}).`] };
  }
  if (result.drafts.length === 0 && result.fileErrors.length === 0) result.fileErrors.push("Aucune ligne à importer.");
  return result;
}

function readJson(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message.replace(/^.*?(position \d+).*$/s, "$1")})` : "";
    return { format: null, drafts: [], fileErrors: [`JSON illisible${where}.`] };
  }
  const rows = Array.isArray(data)
    ? data
    : isRecord(data) && Array.isArray(data.programmes)
      ? data.programmes
      : isRecord(data) && Array.isArray(data.items)
        ? data.items
        : isRecord(data)
          ? [data]
          : null;
  if (!rows) return { format: null, drafts: [], fileErrors: ["JSON inattendu : une liste de programmes est attendue."] };
  const research = rows.filter((r) => isRecord(r) && isResearchRow(r)).length;
  const format: ImportFormat = research > 0 && research >= rows.length / 2 ? "json-research" : "json-api";
  const drafts = rows.map((raw, i) => {
    if (!isRecord(raw)) {
      const d = emptyDraft(i + 1);
      d.errors.push({ field: "_", message: "Un objet JSON est attendu pour chaque programme." });
      return d;
    }
    return isResearchRow(raw) ? adaptResearchObject(raw, i + 1) : adaptProgrammeObject(raw, i + 1);
  });
  return { format, drafts, fileErrors: [] };
}
