import { toParisIsoDate } from "../paris-time";
import { closedUnlessDated } from "./closed";
import { emptyDraft, isRecord, type RowDraft } from "./draft";

/**
 * JSON rows in the programme's own shapes: the API's (GET /api/v1/programmes/<slug>, and the
 * export /api/v1/export.json), the edit input's, and the seed's (prisma/seed-data/programmes.json:
 * `coverage`, `sourceStatus`, `years`). References may be objects ({ slug }, { id }), instants may be
 * ISO date-times (a Paris day is kept). Keys that are only read (url, dates of the entry…) are left out;
 * any other unknown key is rejected by the input schema.
 */

const READ_ONLY = new Set(["id", "url", "status", "updatedAt", "publishedAt", "createdAt", "version", "editorialStatus", "calendarStatus"]);
const INSTANT = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})$/;

/** « 2026-03-31T21:59:59.999Z » → « 2026-03-31 » (the Paris day); anything else as it is (the schema judges). */
export function toDay(value: unknown): unknown {
  if (typeof value === "string" && INSTANT.test(value.trim())) {
    const d = new Date(value.trim());
    return Number.isNaN(d.getTime()) ? value : toParisIsoDate(d);
  }
  return value;
}

const ref = (v: unknown, key: "slug" | "id") => (isRecord(v) && typeof v[key] === "string" ? v[key] : v);
const refs = (v: unknown, key: "slug" | "id") => (Array.isArray(v) ? v.map((x) => ref(x, key)) : v);

export function adaptProgrammeObject(raw: Record<string, unknown>, row: number): RowDraft {
  const draft = emptyDraft(row);
  const f = draft.fields;
  for (const [key, value] of Object.entries(raw)) {
    if (READ_ONLY.has(key)) continue;
    switch (key) {
      case "reviewNote":
        draft.reviewNote = typeof value === "string" && value.trim() ? value.trim() : null;
        break;
      case "funder":
        f.funder = ref(value, "slug");
        break;
      case "coFunders":
        f.coFunders = refs(value, "slug");
        break;
      case "territories":
        f.territories = refs(value, "id");
        break;
      case "coverage":
        if (isRecord(value)) {
          f.isNational = value.national;
          f.territories = refs(value.territories, "id");
        } else f.coverage = value;
        break;
      case "opensAt":
      case "closesAt":
      case "lastVerifiedAt":
        f[key] = toDay(value);
        break;
      case "rounds":
      case "sources":
        f[key] = Array.isArray(value)
          ? value.map((x) =>
              isRecord(x) ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === "url" || k === "label" || k === "title" ? v : toDay(v)])) : x,
            )
          : value;
        break;
      case "sourceStatus":
      case "years":
        break; // read below, with each other
      default:
        f[key] = value;
    }
  }
  // The seed's shape: researched facts, whose calendar status says open only when a date does.
  if (("sourceStatus" in raw || "years" in raw) && !("isClosed" in raw)) {
    f.isClosed = closedUnlessDated({
      sourceStatus: raw.sourceStatus,
      years: raw.years,
      recurrence: f.recurrence,
      opensAt: f.opensAt,
      closesAt: f.closesAt,
    });
  }
  return draft;
}
