import { parse } from "csv-parse/sync";
import { type CsvValue, toCsv } from "../csv";
import { programmeFieldLabels, type ProgrammeSnapshot } from "../validation/admin-programme";
import { emptyDraft, type RowDraft } from "./draft";
import { nameKey } from "./normalize";

/**
 * The programme as a CSV row: one column per field of the input (header = the field's key, or its
 * French label), lists separated by `|` (`\|` inside an item), booleans « oui » / « non », days
 * AAAA-MM-JJ (JJ/MM/AAAA accepted), amounts with a point or a comma. A session is
 * « Libellé (AAAA-MM-JJ → AAAA-MM-JJ) » (« ? » for an unknown day), a source « adresse Titre
 * [consultée le AAAA-MM-JJ] » (title and day optional). The export (/api/v1/programmes.csv) writes
 * exactly this, plus read-only columns the import ignores.
 */

export const CSV_COLUMNS = [
  "slug", "title", "summary", "description", "funder", "coFunders", "funderNote", "aidKinds", "financed",
  "beneficiaries", "eligibility", "isNational", "territories", "coverageNote", "amountTotal", "amountMin",
  "amountMax", "fundingRateMax", "currency", "amountNote", "opensAt", "closesAt", "recurrence", "isClosed",
  "rounds", "calendarNote", "applicationUrl", "contact", "confidence", "sources", "lastVerifiedAt",
  "verificationNote", "reviewNote",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Written by the export for people, ignored by the import. */
export const READ_ONLY_COLUMNS = ["calendarStatus", "funderName", "url", "status"] as const;

const LISTS = new Set<CsvColumn>(["coFunders", "aidKinds", "financed", "beneficiaries", "eligibility", "territories"]);
const BOOLEANS = new Set<CsvColumn>(["isNational", "isClosed"]);
const NUMBERS = new Set<CsvColumn>(["amountTotal", "amountMin", "amountMax", "fundingRateMax"]);
const DAYS = new Set<CsvColumn>(["opensAt", "closesAt", "lastVerifiedAt"]);

const labels: Record<string, string> = { ...programmeFieldLabels, reviewNote: "Note de la recherche à vérifier" };

/** Header cell → column (key or French label, any case or accents). */
const HEADERS = new Map<string, string>();
for (const c of CSV_COLUMNS) {
  HEADERS.set(nameKey(c), c);
  if (labels[c]) HEADERS.set(nameKey(labels[c]), c);
}
for (const c of READ_ONLY_COLUMNS) HEADERS.set(nameKey(c), c);

// ---------------------------------------------------------------- reading

/** `;` or `,`: the one that splits the header line into more cells (Excel in French writes `;`). */
export function detectDelimiter(text: string): ";" | "," {
  const header = (text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "");
  return header.split(";").length > header.split(",").length ? ";" : ",";
}

export function splitList(cell: string): string[] {
  return cell
    .split(/(?<!\\)\|/)
    .map((s) => s.replace(/\\\|/g, "|").trim())
    .filter(Boolean);
}

const BOOLEAN_WORDS: Record<string, boolean> = { oui: true, non: false, true: true, false: false, vrai: true, faux: false, "1": true, "0": false };

function readNumber(cell: string): unknown {
  const compact = cell.replace(/[\s\u00a0\u202f€%]/g, "");
  if (!compact) return null;
  const normal = /^-?\d+(,\d+)?$/.test(compact) ? compact.replace(",", ".") : compact;
  const n = Number(normal);
  return /^-?\d+(\.\d+)?$/.test(normal) && Number.isFinite(n) ? n : cell;
}

/** 31/03/2026 → 2026-03-31; anything else as it is (the schema judges). */
function readDay(cell: string): string | null {
  const v = cell.trim();
  if (!v) return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return fr ? `${fr[3]}-${fr[2]!.padStart(2, "0")}-${fr[1]!.padStart(2, "0")}` : v;
}

const ROUND = /^(.*?)\s*\(\s*(\S+)\s*→\s*(\S+)\s*\)$/;
const SOURCE = /^(\S+)(?:\s+(.*?))?(?:\s*\[consultée le (\S+)\])?$/;
const unknownDay = (v: string | undefined) => (!v || v === "?" ? null : readDay(v));

function readCell(column: CsvColumn, cell: string): unknown {
  const v = cell.trim();
  if (LISTS.has(column)) return splitList(v);
  if (BOOLEANS.has(column)) return v === "" ? false : (BOOLEAN_WORDS[nameKey(v)] ?? v);
  if (NUMBERS.has(column)) return readNumber(v);
  if (DAYS.has(column)) return readDay(v);
  if (column === "rounds") {
    return splitList(v).map((item) => {
      const m = ROUND.exec(item);
      return m ? { label: m[1], opensAt: unknownDay(m[2]), closesAt: unknownDay(m[3]) } : { label: item, opensAt: null, closesAt: null };
    });
  }
  if (column === "sources") {
    return splitList(v).map((item) => {
      const m = SOURCE.exec(item);
      return { url: m?.[1] ?? item, title: m?.[2]?.trim() || null, retrievedAt: unknownDay(m?.[3]) };
    });
  }
  if (column === "currency") return v || "EUR";
  // Required texts stay empty strings: the schema then says « ce champ est obligatoire ».
  if (column === "title" || column === "summary" || column === "description" || column === "funder") return v;
  if (column === "slug") return v || undefined;
  return v === "" ? null : v;
}

export interface CsvRows {
  drafts: RowDraft[];
  fileErrors: string[];
}

export function readCsv(text: string): CsvRows {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { drafts: [], fileErrors: [`CSV illisible${line ? ` (ligne ${line})` : ""} : vérifiez les guillemets et le séparateur (; ou ,).`] };
  }
  const [header, ...rows] = records;
  if (!header) return { drafts: [], fileErrors: ["Le fichier est vide."] };
  const columns = header.map((h) => HEADERS.get(nameKey(h)) ?? null);
  const fileErrors = header.flatMap((h, i) => (columns[i] === null && h.trim() ? [`Colonne inconnue « ${h.trim().slice(0, 60)} ».`] : []));
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c && seen.has(c)) fileErrors.push(`Colonne en double « ${header[i]} ».`);
    if (c) seen.add(c);
  });
  if (!columns.includes("title") && !columns.includes("slug")) fileErrors.push("Il faut au moins une colonne « title » (Titre) ou « slug ».");
  const drafts = rows.map((cells, i) => {
    const draft = emptyDraft(i + 2);
    columns.forEach((column, j) => {
      if (!column || (READ_ONLY_COLUMNS as readonly string[]).includes(column)) return;
      const cell = cells[j] ?? "";
      if (column === "reviewNote") draft.reviewNote = cell.trim() || null;
      else draft.fields[column] = readCell(column as CsvColumn, cell);
    });
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim())) {
      draft.errors.push({ field: "_", message: `La ligne a ${cells.length} cellules pour ${header.length} colonnes.` });
    }
    return draft;
  });
  return { drafts, fileErrors };
}

// ---------------------------------------------------------------- writing

const escapeItem = (s: string) => s.replace(/\|/g, "\\|");
const list = (items: string[]) => items.map(escapeItem).join(" | ");

/** A programme's snapshot as the export's cells (EXPORT_HEADER order). */
export function csvCells(s: ProgrammeSnapshot, extra: { calendarStatus?: string; funderName?: string; url?: string }): CsvValue[] {
  const cells: Record<Exclude<CsvColumn, "reviewNote">, CsvValue> = {
    slug: s.slug, title: s.title, summary: s.summary, description: s.description, funder: s.funder,
    coFunders: list(s.coFunders), funderNote: s.funderNote, aidKinds: list(s.aidKinds), financed: list(s.financed),
    beneficiaries: list(s.beneficiaries), eligibility: list(s.eligibility), isNational: s.isNational ? "oui" : "non",
    territories: list(s.territories), coverageNote: s.coverageNote, amountTotal: s.amountTotal, amountMin: s.amountMin,
    amountMax: s.amountMax, fundingRateMax: s.fundingRateMax, currency: s.currency, amountNote: s.amountNote,
    opensAt: s.opensAt, closesAt: s.closesAt, recurrence: s.recurrence, isClosed: s.isClosed ? "oui" : "non",
    rounds: list(s.rounds.map((r) => `${r.label} (${r.opensAt ?? "?"} → ${r.closesAt ?? "?"})`)),
    calendarNote: s.calendarNote, applicationUrl: s.applicationUrl, contact: s.contact, confidence: s.confidence,
    sources: list(s.sources.map((x) => [x.url, x.title, x.retrievedAt ? `[consultée le ${x.retrievedAt}]` : null].filter(Boolean).join(" "))),
    lastVerifiedAt: s.lastVerifiedAt, verificationNote: s.verificationNote,
  };
  return [...CSV_COLUMNS.filter((c) => c !== "reviewNote").map((c) => cells[c as Exclude<CsvColumn, "reviewNote">]), extra.calendarStatus, extra.funderName, extra.url];
}

/** The export's columns: every field but the review note (it stays in the workspace), then the read-only ones. */
export const EXPORT_HEADER: string[] = [...CSV_COLUMNS.filter((c) => c !== "reviewNote"), "calendarStatus", "funderName", "url"];

export function programmesCsv(header: string[], rows: CsvValue[][]): string {
  return toCsv(header, rows);
}
