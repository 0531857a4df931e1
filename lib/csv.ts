/** RFC 4180 CSV (comma, CRLF, quotes doubled), preceded by a UTF-8 byte order mark so spreadsheets read the accents. */

export type CsvValue = string | number | boolean | null | undefined;

const cell = (value: CsvValue): string => {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** Reads back what toCsv writes (used by the tests, and by anyone checking an export). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') { value += '"'; i++; }
      else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(value); value = ""; }
    else if (c === "\r" && input[i + 1] === "\n") { row.push(value); rows.push(row); row = []; value = ""; i++; }
    else if (c === "\n") { row.push(value); rows.push(row); row = []; value = ""; }
    else value += c;
  }
  if (value !== "" || row.length > 0) { row.push(value); rows.push(row); }
  return rows;
}

export function csvResponse(body: string, filename: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}
