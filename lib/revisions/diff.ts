import { editorialStatusLabels } from "../auth/policy";
import { aidKinds, beneficiaries, confidences, financedItems, funderTypes, recurrences, territoryLevels } from "../codes";
import { caseStudyFieldLabels } from "../validation/admin-case-study";
import { funderFieldLabels } from "../validation/admin-funder";
import { fundingKindLabels, fundingRecordFieldLabels } from "../validation/admin-funding-record";
import { programmeFieldLabels } from "../validation/admin-programme";

/**
 * What changed between two snapshots (lib/validation/admin-programme.ts, admin-funder.ts), field by
 * field, in words a curator reads: French labels, codes as their labels, days in French, lists as
 * the items added and removed. Pure: the names of funders and territories (the snapshots hold
 * slugs and ids) come in `names`, read by lib/data/admin/revisions.ts.
 */

export type ChangeKind = "added" | "removed" | "changed";
export type DiffEntityType = "programme" | "funder" | "funding-record" | "case-study";

export interface FieldChange {
  field: string;
  label: string;
  kind: ChangeKind;
  /** Readable value before / after: text, a list of texts, or null when empty. */
  before: string | string[] | null;
  after: string | string[] | null;
  /** Lists only: the items that appear / disappear. */
  added?: string[];
  removed?: string[];
}

export interface DiffNames {
  /** Funder slug → name. */
  funders?: Record<string, string>;
  /** Territory id (`commune:29019`) → name. */
  territories?: Record<string, string>;
  /** Programme slug → title (funding records, case studies). */
  programmes?: Record<string, string>;
}

type Snapshot = Record<string, unknown>;

const dayFormatter = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const moneyFormatter = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 2 });
const numberFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** "2026-01-05" → "5 janvier 2026" (a calendar day: no time zone shift). */
export function formatDay(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return typeof value === "string" ? value : null;
  return dayFormatter.format(new Date(`${value}T12:00:00Z`));
}

const codeLabel = (labels: Record<string, string>) => (value: unknown) =>
  typeof value === "string" ? (labels[value] ?? value) : null;

function territoryLabel(id: string, names: DiffNames): string {
  const name = names.territories?.[id];
  const level = id.split(":")[0] ?? "";
  const levelLabel = (territoryLevels.labels as Record<string, string>)[level];
  return name ? `${name}${levelLabel ? ` (${levelLabel.toLowerCase()})` : ""}` : id;
}

const funderLabel = (slug: string, names: DiffNames) => names.funders?.[slug] ?? slug;
const programmeLabel = (slug: string, names: DiffNames) => names.programmes?.[slug] ?? slug;

function roundLabel(r: unknown): string {
  const round = (r ?? {}) as { label?: string; opensAt?: string | null; closesAt?: string | null };
  const opens = formatDay(round.opensAt);
  const closes = formatDay(round.closesAt);
  const dates = opens && closes ? `du ${opens} au ${closes}` : opens ? `à partir du ${opens}` : closes ? `jusqu'au ${closes}` : "";
  return dates ? `${round.label ?? "Session"} (${dates})` : (round.label ?? "Session");
}

function sourceLabel(s: unknown): string {
  const source = (s ?? {}) as { url?: string; title?: string | null; retrievedAt?: string | null };
  const retrieved = formatDay(source.retrievedAt);
  return `${source.title ? `${source.title} — ` : ""}${source.url ?? ""}${retrieved ? ` (consultée le ${retrieved})` : ""}`;
}

type Reader = (value: unknown, names: DiffNames) => string | null;
const text: Reader = (v) => (typeof v === "string" && v.trim() !== "" ? v : v === null || v === undefined ? null : String(v));
const yesNo: Reader = (v) => (v === true ? "Oui" : v === false ? "Non" : null);
const money: Reader = (v) => (typeof v === "number" ? moneyFormatter.format(v) : null);
const percent: Reader = (v) => (typeof v === "number" ? `${numberFormatter.format(v)} %` : null);
const day: Reader = (v) => formatDay(v);
const status: Reader = (v) => codeLabel(editorialStatusLabels)(v);

/** How each field reads: a scalar reader, or `list` with the reader of one item. */
type FieldReader = { scalar: Reader } | { list: (item: unknown, names: DiffNames) => string };

const READERS: Record<string, FieldReader> = {
  status: { scalar: status },
  funder: { scalar: (v, n) => (typeof v === "string" ? funderLabel(v, n) : null) },
  coFunders: { list: (v, n) => funderLabel(String(v), n) },
  aidKinds: { list: (v) => codeLabel(aidKinds.labels)(v) ?? "" },
  financed: { list: (v) => codeLabel(financedItems.labels)(v) ?? "" },
  beneficiaries: { list: (v) => codeLabel(beneficiaries.labels)(v) ?? "" },
  eligibility: { list: (v) => String(v) },
  isNational: { scalar: yesNo },
  territories: { list: (v, n) => territoryLabel(String(v), n) },
  amountTotal: { scalar: money },
  amountMin: { scalar: money },
  amountMax: { scalar: money },
  fundingRateMax: { scalar: percent },
  opensAt: { scalar: day },
  closesAt: { scalar: day },
  recurrence: { scalar: (v) => codeLabel(recurrences.labels)(v) },
  isClosed: { scalar: yesNo },
  rounds: { list: roundLabel },
  confidence: { scalar: (v) => codeLabel(confidences.labels)(v) },
  sources: { list: sourceLabel },
  lastVerifiedAt: { scalar: day },
  type: { scalar: (v) => codeLabel(funderTypes.labels)(v) },
  territory: { scalar: (v, n) => (typeof v === "string" ? territoryLabel(v, n) : null) },
  // funding records
  kind: { scalar: (v) => codeLabel(fundingKindLabels)(v) },
  amount: { scalar: money },
  amountLow: { scalar: money },
  amountHigh: { scalar: money },
  programme: { scalar: (v, n) => (typeof v === "string" ? programmeLabel(v, n) : null) },
  funderType: { scalar: (v) => codeLabel(funderTypes.labels)(v) },
  overlapsOthers: { scalar: yesNo },
  sourceUrls: { list: (v) => String(v) },
  retrievedAt: { scalar: day },
  // case studies
  programmes: { list: (v, n) => programmeLabel(String(v), n) },
  funders: { list: (v, n) => funderLabel(String(v), n) },
};

const LABELS: Record<DiffEntityType, Record<string, string>> = {
  programme: programmeFieldLabels,
  funder: funderFieldLabels,
  "funding-record": fundingRecordFieldLabels,
  "case-study": caseStudyFieldLabels,
};

/** Which kind of snapshot this is (programmes have a title, funders a name, funding records a kind, case studies a body). */
export function snapshotEntityType(snapshot: Snapshot | null | undefined): DiffEntityType {
  if (snapshot && "kind" in snapshot && "yearStart" in snapshot) return "funding-record";
  if (snapshot && "body" in snapshot && !("description" in snapshot)) return "case-study";
  return snapshot && "name" in snapshot && !("title" in snapshot) ? "funder" : "programme";
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between `before` and `after` (null before: a creation, every filled field
 * is « added »), in the snapshot's order. Lists give the items added and removed (an order change
 * alone is a « changed » with neither).
 */
export function diffSnapshots(
  before: Snapshot | null | undefined,
  after: Snapshot | null | undefined,
  { entityType, names = {} }: { entityType?: DiffEntityType; names?: DiffNames } = {},
): FieldChange[] {
  const type = entityType ?? snapshotEntityType(after ?? before);
  const labels = LABELS[type];
  const keys = [...Object.keys(labels), ...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const a = before?.[field];
    const b = after?.[field];
    if (same(a, b)) continue;
    const reader = READERS[field] ?? { scalar: text };
    const label = labels[field] ?? field;
    if ("list" in reader) {
      const read = (v: unknown) => (Array.isArray(v) ? v.map((item) => reader.list(item, names)) : []);
      const from = read(a);
      const to = read(b);
      if (same(from, to) && same(a ?? [], b ?? [])) continue;
      const kind: ChangeKind = from.length === 0 ? "added" : to.length === 0 ? "removed" : "changed";
      changes.push({
        field, label, kind,
        before: from.length ? from : null,
        after: to.length ? to : null,
        added: to.filter((item) => !from.includes(item)),
        removed: from.filter((item) => !to.includes(item)),
      });
    } else {
      const from = reader.scalar(a, names);
      const to = reader.scalar(b, names);
      if (from === to) continue;
      const kind: ChangeKind = from === null ? "added" : to === null ? "removed" : "changed";
      changes.push({ field, label, kind, before: from, after: to });
    }
  }
  return changes;
}

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The funder slugs and territory ids a snapshot names (to read their names in one query each). */
export function referencedNames(snapshot: Snapshot | null | undefined): { funders: string[]; territories: string[] } {
  if (!snapshot) return { funders: [], territories: [] };
  const funders = [...(typeof snapshot.funder === "string" ? [snapshot.funder] : []), ...strings(snapshot.coFunders), ...strings(snapshot.funders)];
  const territories = [...strings(snapshot.territories), ...(typeof snapshot.territory === "string" ? [snapshot.territory] : [])];
  return { funders, territories };
}

/** The programme slugs a funding record or case study snapshot names. */
export function referencedProgrammes(snapshot: Snapshot | null | undefined): string[] {
  if (!snapshot) return [];
  return [...(typeof snapshot.programme === "string" ? [snapshot.programme] : []), ...strings(snapshot.programmes)];
}

/** A snapshot read back from the database (jsonb sorts keys its own way), in the label order again. */
export function inSnapshotOrder<T extends Snapshot>(snapshot: T | null, entityType: DiffEntityType): T | null {
  if (!snapshot || typeof snapshot !== "object") return snapshot;
  const order = Object.keys(LABELS[entityType]);
  const entries = Object.entries(snapshot).sort(([a], [b]) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
  });
  return Object.fromEntries(entries) as T;
}
