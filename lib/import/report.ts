/**
 * What an import says about each row of its file (lib/import/run.ts): created, updated, unchanged
 * or rejected, with a French reason per rejected field and warnings (possible duplicates, guesses
 * to check). Stored as JSON in ImportBatch.report and printed by `npm run import`.
 */

export type RowOutcome = "created" | "updated" | "unchanged" | "rejected";
export type ImportFormat = "json-api" | "json-research" | "csv";

export const rowOutcomeLabels: Record<RowOutcome, string> = {
  created: "Créé",
  updated: "Mis à jour",
  unchanged: "Inchangé",
  rejected: "Rejeté",
};

export interface RowError {
  /** The field (a key of the programme input, e.g. `closesAt`, `sources.1.url`), or `_` for the whole row. */
  field: string;
  message: string;
}

export interface RowReport {
  /** 1-based position in the file (a CSV line number counts the header as line 1). */
  row: number;
  title: string | null;
  slug: string | null;
  outcome: RowOutcome;
  /** The editorial status the entry has (or would have) after the import. */
  status: string | null;
  /** Fields that changed (updated) or were given (created). */
  fields: string[];
  errors: RowError[];
  warnings: string[];
  reviewNote: string | null;
}

export interface ImportReport {
  format: ImportFormat | null;
  dryRun: boolean;
  /** True when the rows were written (a confirmed import without any rejection). */
  applied: boolean;
  /** Problems with the file as a whole (unreadable, unknown column…): nothing is imported then. */
  fileErrors: string[];
  rows: RowReport[];
  counts: Record<RowOutcome, number>;
}

export function countOutcomes(rows: RowReport[]): Record<RowOutcome, number> {
  const counts: Record<RowOutcome, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome]++;
  return counts;
}

/** True when the import cannot be applied: a file error or a rejected row. */
export const hasRejections = (report: Pick<ImportReport, "fileErrors" | "counts">) =>
  report.fileErrors.length > 0 || report.counts.rejected > 0;

/** The report as lines of French text (the command line). */
export function reportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const e of report.fileErrors) lines.push(`Fichier : ${e}`);
  for (const r of report.rows) {
    const name = r.title ?? r.slug ?? "(sans titre)";
    const head = `Ligne ${r.row} — ${rowOutcomeLabels[r.outcome]} : ${name}${r.slug ? ` [${r.slug}]` : ""}`;
    lines.push(r.status && r.outcome !== "rejected" ? `${head} (${statusWord(r.status)})` : head);
    if (r.outcome === "updated" && r.fields.length) lines.push(`    champs modifiés : ${r.fields.join(", ")}`);
    for (const e of r.errors) lines.push(`    ✗ ${e.field === "_" ? "" : `${e.field} — `}${e.message}`);
    for (const w of r.warnings) lines.push(`    ⚠ ${w}`);
    if (r.reviewNote) lines.push(`    Note de la recherche à vérifier : ${r.reviewNote}`);
  }
  const c = report.counts;
  lines.push(
    `${report.rows.length} ligne(s) : ${c.created} créée(s), ${c.updated} mise(s) à jour, ${c.unchanged} inchangée(s), ${c.rejected} rejetée(s).`,
  );
  return lines;
}

const statusWords: Record<string, string> = {
  draft: "brouillon",
  in_review: "en relecture",
  published: "publié",
  archived: "archivé",
};
export const statusWord = (status: string) => statusWords[status] ?? status;
