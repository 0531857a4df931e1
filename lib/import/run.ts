import { type Actor, canEdit, canPublishImport, type EditorialStatus, editorialStatusLabels, isCurator } from "../auth/policy";
import type { PrismaClient } from "../generated/prisma/client";
import { toProgrammeSnapshot } from "../data/admin/programme-snapshot";
import { fieldErrors, slugify, TERRITORY_ID_PATTERN } from "../validation/admin-fields";
import { programmeInputFromSnapshot, programmeInputSchema, type ProgrammeInput, type ProgrammeSnapshot } from "../validation/admin-programme";
import { type Db, findFunder, findPlaces, type ImportContext, loadContext } from "./context";
import type { RowDraft } from "./draft";
import { nameKey } from "./normalize";
import { readImportFile } from "./read-file";
import { countOutcomes, type ImportReport, type RowError, type RowReport } from "./report";
import { createImported, currentSelect, type CurrentRow, ImportConflict, type Tx, updateImported } from "./write";

/**
 * The importer's core: a file → a report, written or not. Usable from the app (lib/data/admin/import.ts
 * wraps it), from scripts/import.ts and from the seed (actor null: nobody is the author).
 *
 *   every row: adapter (read-file.ts) → names resolved (funder, territories) → matched with an existing
 *   entry (slug, then application or source URL) → merged over it → programmeInputSchema, the form's
 *   schema → references checked → created / updated / unchanged / rejected.
 *
 * Everything runs in ONE transaction, rolled back for a dry run and whenever a row is rejected: a
 * confirmed import is all or nothing, and a dry run has exactly the outcome the import would have.
 */

export interface DuplicateHit {
  slug: string;
  title: string;
  reasons: { label: string }[];
}
/** lib/data/admin/duplicates.ts findSimilarProgrammes fits (the app passes it; the seed does without). */
export type DuplicateFinder = (
  query: { title: string; funderSlug?: string | null; applicationUrl?: string | null; sourceUrls?: readonly string[]; excludeId?: string | null },
  db: Tx,
) => Promise<DuplicateHit[]>;

export interface ImportOptions {
  /** Who imports (the revisions' author); null for the seed. */
  actor: Actor | null;
  dryRun: boolean;
  /** Publish the created entries (and the existing ones in draft or review) instead of putting them in review; curators only. */
  publish?: boolean;
  /** Per created row, instead of `publish` (the seed: clean, confident entries published). */
  publishRow?: (row: { reviewNote: string | null; confidence: string | null }) => boolean;
  /** The revisions' note. */
  note?: string | null;
  findDuplicates?: DuplicateFinder;
}

class Rollback extends Error {}

export async function runImport(prisma: PrismaClient, file: { fileName: string; content: string }, options: ImportOptions): Promise<ImportReport> {
  const parsed = readImportFile(file.fileName, file.content);
  const base = { format: parsed.format, dryRun: options.dryRun, fileErrors: parsed.fileErrors };
  if (parsed.fileErrors.length) {
    const rows = parsed.drafts.map((d) => rejectedRow(d, d.errors.length ? d.errors : [{ field: "_", message: "Fichier refusé." }]));
    return { ...base, applied: false, rows, counts: countOutcomes(rows) };
  }
  let rows: RowReport[] = [];
  try {
    await prisma.$transaction(
      async (tx) => {
        rows = await importDrafts(tx, parsed.drafts, options);
        if (options.dryRun || rows.some((r) => r.outcome === "rejected")) throw new Rollback();
      },
      { maxWait: 20_000, timeout: 300_000 },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    return { ...base, applied: false, rows, counts: countOutcomes(rows) };
  }
  return { ...base, applied: true, rows, counts: countOutcomes(rows) };
}

/** The rows of a file in a given transaction (the caller commits or rolls back). */
export async function importDrafts(tx: Tx, drafts: RowDraft[], options: ImportOptions): Promise<RowReport[]> {
  const ctx = await loadContext(tx);
  const state: FileState = { slugs: new Map(), entries: new Map() };
  const rows: RowReport[] = [];
  for (const draft of drafts) {
    // A row the database refuses is that row's rejection; the rows before it stay as they are.
    await tx.$executeRawUnsafe("SAVEPOINT import_row");
    try {
      rows.push(await importRow(tx, ctx, state, draft, options));
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
    } catch (error) {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_row");
      const message =
        error instanceof ImportConflict
          ? error.message
          : `La base de données a refusé cette ligne${constraintName(error)} : vérifiez ses valeurs.`;
      if (!(error instanceof ImportConflict) && !constraintName(error)) throw error;
      rows.push(rejectedRow(draft, [{ field: "_", message }]));
    }
  }
  return rows;
}

function constraintName(error: unknown): string {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: { message?: string } }).cause?.message ?? "")}` : "";
  const m = /constraint "?([a-z_]+)"?|\b([a-z_]+_(?:key|fkey|check|format|range|le_max|after_opens|non_negative|code))\b/.exec(text);
  return m ? ` (contrainte ${m[1] ?? m[2]})` : "";
}

interface FileState {
  /** Slugs taken by earlier rows of the file → their row. */
  slugs: Map<string, number>;
  /** Existing entries already written by an earlier row → that row. */
  entries: Map<string, number>;
}

function rejectedRow(draft: RowDraft, errors: RowError[]): RowReport {
  return {
    row: draft.row,
    title: typeof draft.fields.title === "string" ? draft.fields.title.trim() || null : null,
    slug: typeof draft.fields.slug === "string" ? draft.fields.slug : null,
    outcome: "rejected",
    status: null,
    fields: [],
    errors,
    warnings: draft.warnings,
    reviewNote: draft.reviewNote ?? null,
  };
}

/** Names typed in the file (funders, perimeters, territories) → slugs and ids. */
function resolveNames(ctx: ImportContext, draft: RowDraft) {
  const f = draft.fields;
  const err = (field: string, message: string) => draft.errors.push({ field, message });
  if (draft.funderName !== undefined) {
    const found = findFunder(ctx, draft.funderName);
    if (found) f.funder = found.slug;
    else err("funder", `Financeur principal : financeur inconnu « ${draft.funderName.slice(0, 120)} » (aucun financeur du catalogue ne porte ce nom ou ce sigle).`);
  } else if (typeof f.funder === "string" && f.funder.trim() && !ctx.fundersBySlug.has(f.funder.trim())) {
    const found = findFunder(ctx, f.funder);
    if (found) f.funder = found.slug;
    else err("funder", `Financeur principal : financeur inconnu « ${f.funder.trim().slice(0, 120)} ».`);
  }
  if (Array.isArray(f.coFunders)) {
    f.coFunders = f.coFunders.map((c, i) => {
      if (typeof c !== "string" || ctx.fundersBySlug.has(c)) return c;
      const found = findFunder(ctx, c);
      if (!found) err(`coFunders.${i}`, `Cofinanceurs : financeur inconnu « ${c.slice(0, 120)} ».`);
      return found?.slug ?? c;
    });
  }
  if (draft.perimeter !== undefined) {
    const places = findPlaces(ctx, draft.perimeter);
    if (!places.national && places.ids.length === 0) {
      err("territories", `Territoires couverts : territoire inconnu « ${draft.perimeter.slice(0, 120)} » (ni « national », ni un nom de région ou de département).`);
    }
    f.isNational = places.national;
    f.territories = places.ids;
  } else if (Array.isArray(f.territories)) {
    const ids: unknown[] = [];
    for (const t of f.territories) {
      if (typeof t !== "string" || TERRITORY_ID_PATTERN.test(t)) {
        ids.push(t);
        continue;
      }
      const places = findPlaces(ctx, t);
      if (places.national) f.isNational = true;
      else if (places.ids.length) ids.push(...places.ids);
      else err("territories", `Territoires couverts : territoire inconnu « ${t.slice(0, 80)} ».`);
    }
    f.territories = [...new Set(ids)];
  }
}

const urlsOf = (f: Record<string, unknown>): string[] => {
  const urls = new Set<string>();
  if (typeof f.applicationUrl === "string" && f.applicationUrl.trim()) urls.add(f.applicationUrl.trim());
  if (Array.isArray(f.sources)) for (const s of f.sources) if (s && typeof s === "object" && typeof (s as { url?: unknown }).url === "string") urls.add((s as { url: string }).url.trim());
  return [...urls];
};

/** The existing entry a row stands for: by slug; without one, by its application or a source URL (same funder or same title). */
async function findExisting(tx: Tx, draft: RowDraft): Promise<CurrentRow | null> {
  const f = draft.fields;
  if (typeof f.slug === "string" && f.slug.trim()) {
    return tx.programme.findUnique({ where: { slug: f.slug.trim() }, select: currentSelect });
  }
  const urls = urlsOf(f);
  if (!urls.length) return null;
  const candidates = await tx.programme.findMany({
    where: { OR: [{ applicationUrl: { in: urls } }, { sources: { some: { url: { in: urls } } } }] },
    select: currentSelect,
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  // A shared page (a funder's list of calls) is a source of several entries: the URL alone is not enough.
  const title = typeof f.title === "string" ? f.title : "";
  return (
    candidates.find((c) => title && nameKey(c.title) === nameKey(title)) ??
    candidates.find((c) => typeof f.funder === "string" && c.funder.slug === f.funder && wordOverlap(c.title, title) >= 0.5) ??
    null
  );
}

/** Shared words over all words of two titles (Jaccard, words of 3 letters or more, accents ignored). */
export function wordOverlap(a: string, b: string): number {
  const words = (s: string) => new Set(nameKey(s).split(/[\s-]+/).filter((w) => w.length >= 3));
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The lists in the order a snapshot reads them back (programme-snapshot.ts): co-funders and territories by id, rounds by dates. */
function inSnapshotOrder(s: ProgrammeSnapshot): ProgrammeSnapshot {
  return {
    ...s,
    coFunders: [...s.coFunders].sort(byText),
    territories: [...s.territories].sort(byText),
    rounds: [...s.rounds].sort(
      (a, b) => byText(a.opensAt ?? "9999", b.opensAt ?? "9999") || byText(a.closesAt ?? "9999", b.closesAt ?? "9999") || byText(a.label, b.label),
    ),
  };
}

const sortedKeys = (s: object) => JSON.stringify(Object.fromEntries(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : 1))));

async function importRow(tx: Tx, ctx: ImportContext, state: FileState, draft: RowDraft, options: ImportOptions): Promise<RowReport> {
  const { actor } = options;
  resolveNames(ctx, draft);
  const f = draft.fields;
  const explicitSlug = typeof f.slug === "string" && f.slug.trim() ? f.slug.trim() : null;
  if (explicitSlug && state.slugs.has(explicitSlug)) {
    draft.errors.push({ field: "slug", message: `Identifiant (slug) : déjà utilisé par la ligne ${state.slugs.get(explicitSlug)} du fichier.` });
  }
  const current = await findExisting(tx, draft);
  if (current && state.entries.has(current.id)) {
    draft.errors.push({ field: "_", message: `Cette ligne désigne la même fiche que la ligne ${state.entries.get(current.id)} (« ${current.title} »).` });
  }
  const before = current ? toProgrammeSnapshot(current) : null;

  // The row over the current entry (a file may give only some fields), then the form's schema.
  const merged: Record<string, unknown> = before ? { ...programmeInputFromSnapshot(before), ...f } : { ...f };
  if (before && f.slug === undefined) merged.slug = before.slug;
  if (f.isNational === true && !("territories" in f)) merged.territories = [];
  if (Array.isArray(f.territories) && f.territories.length > 0 && !("isNational" in f)) merged.isNational = false;
  const parsed = programmeInputSchema.safeParse(merged);
  // One reason per field: a name not found is not also a malformed slug.
  const named = new Set(draft.errors.map((e) => e.field.split(".")[0]));
  const add = (errors: RowDraft["errors"]) => draft.errors.push(...errors.filter((e) => !named.has(e.field.split(".")[0])));
  const later: RowDraft = { ...draft, errors: [] };
  if (parsed.success) {
    checkReferences(ctx, actor, parsed.data, later);
    await checkTerritories(tx, ctx, parsed.data, later);
  } else {
    for (const [field, message] of Object.entries(fieldErrors(parsed.error))) later.errors.push({ field, message });
  }
  add(later.errors);
  if (!parsed.success || draft.errors.length) return rejectedRow(draft, draft.errors);
  const input = parsed.data;
  const reviewNote = draft.reviewNote === undefined ? (current?.reviewNote ?? null) : draft.reviewNote;
  const funder = ctx.fundersBySlug.get(input.funder)!;
  const coFunderIds = input.coFunders.map((s) => ctx.fundersBySlug.get(s)!.id);
  const mayPublish = actor === null || canPublishImport(actor);
  const note = options.note ?? null;
  const warnings = draft.warnings;
  const publishBlocked = () => warnings.push(`Publication impossible : le financeur « ${funder.name} » n'est pas publié ; la fiche reste en relecture.`);

  if (current && before) {
    state.entries.set(current.id, draft.row);
    state.slugs.set(current.slug, draft.row);
    const slug = input.slug ?? before.slug;
    if (slug !== before.slug && (await tx.programme.findUnique({ where: { slug }, select: { id: true } }))) {
      return rejectedRow(draft, [{ field: "slug", message: "Identifiant (slug) : déjà pris par un autre programme." }]);
    }
    let status: EditorialStatus = current.status;
    if (options.publish && mayPublish && (status === "draft" || status === "in_review")) {
      if (funder.status === "published") status = "published";
      else publishBlocked();
    }
    const next = inSnapshotOrder({ ...input, slug, status, territories: input.isNational ? [] : input.territories });
    const changedFields = (Object.keys(next) as (keyof ProgrammeSnapshot)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
    if (reviewNote !== current.reviewNote) changedFields.push("reviewNote" as keyof ProgrammeSnapshot);
    const base = { row: draft.row, title: input.title, slug, errors: [], warnings, reviewNote };
    if (sortedKeys(next) === sortedKeys(before) && reviewNote === current.reviewNote) {
      return { ...base, outcome: "unchanged", status: current.status, fields: [] };
    }
    if (actor && !canEdit(actor, { status: current.status, createdById: current.createdById })) {
      return rejectedRow(draft, [
        {
          field: "_",
          message:
            current.status === "draft"
              ? `La fiche existante « ${current.title} » est le brouillon de quelqu'un d'autre : vous ne pouvez pas la modifier.`
              : `La fiche existante « ${current.title} » est « ${editorialStatusLabels[current.status].toLowerCase()} » : seuls les curateurs peuvent la modifier.`,
        },
      ]);
    }
    if (current.status === "published" && funder.slug !== before.funder && funder.status !== "published") {
      return rejectedRow(draft, [{ field: "funder", message: `Financeur principal : « ${funder.name} » n'est pas publié ; un programme publié ne peut en dépendre.` }]);
    }
    await updateImported(tx, actor, current, before, { input, slug, funderId: funder.id, coFunderIds, status, reviewNote, note });
    return { ...base, outcome: "updated", status, fields: changedFields };
  }

  // A new entry: its slug (given, or derived from the title), its status, the possible duplicates.
  let slug = input.slug ?? null;
  if (slug && (await tx.programme.findUnique({ where: { slug }, select: { id: true } }))) {
    return rejectedRow(draft, [{ field: "slug", message: "Identifiant (slug) : déjà pris par un autre programme." }]);
  }
  if (!slug) {
    const stem = slugify(input.title) || "programme";
    const taken = new Set((await tx.programme.findMany({ where: { slug: { startsWith: stem } }, select: { slug: true } })).map((t) => t.slug));
    for (const s of state.slugs.keys()) taken.add(s);
    slug = stem;
    for (let n = 2; taken.has(slug); n++) slug = `${stem}-${n}`;
  }
  state.slugs.set(slug, draft.row);
  if (options.findDuplicates) {
    const hits = await options.findDuplicates(
      { title: input.title, funderSlug: input.funder, applicationUrl: input.applicationUrl, sourceUrls: input.sources.map((s) => s.url) },
      tx,
    );
    for (const h of hits) warnings.push(`doublon possible : ${h.title} [${h.slug}] (${h.reasons.map((r) => r.label).join(", ")})`);
  }
  const wants = options.publishRow ? options.publishRow({ reviewNote, confidence: input.confidence }) : !!options.publish;
  let status: EditorialStatus = "in_review";
  if (wants && mayPublish) {
    if (funder.status === "published") status = "published";
    else publishBlocked();
  }
  await createImported(tx, actor, { input, slug, funderId: funder.id, coFunderIds, status, reviewNote, note });
  const given = Object.keys(f).filter((k) => f[k] !== undefined && k !== "slug");
  return { row: draft.row, title: input.title, slug, outcome: "created", status, fields: given, errors: [], warnings, reviewNote };
}

/** The funders exist, may be used by this actor and are not archived (as in the curation services). */
function checkReferences(ctx: ImportContext, actor: Actor | null, input: ProgrammeInput, draft: RowDraft) {
  const usable = (slug: string) => {
    const f = ctx.fundersBySlug.get(slug);
    return f && (actor === null || isCurator(actor) || f.status === "published" || f.createdById === actor.id) ? f : null;
  };
  const main = usable(input.funder);
  if (!main) draft.errors.push({ field: "funder", message: `Financeur principal : financeur inconnu « ${input.funder} ».` });
  else if (main.status === "archived") draft.errors.push({ field: "funder", message: `Financeur principal : « ${input.funder} » est archivé.` });
  input.coFunders.forEach((slug, i) => {
    const f = usable(slug);
    if (!f) draft.errors.push({ field: `coFunders.${i}`, message: `Cofinanceurs : financeur inconnu « ${slug} ».` });
    else if (f.status === "archived") draft.errors.push({ field: `coFunders.${i}`, message: `Cofinanceurs : « ${slug} » est archivé.` });
  });
}

async function checkTerritories(tx: Tx, ctx: ImportContext, input: ProgrammeInput, draft: RowDraft) {
  if (input.isNational) return;
  const others = input.territories.filter((id) => !ctx.placesById.has(id));
  if (!others.length) return;
  const found = new Set((await tx.territory.findMany({ where: { id: { in: others } }, select: { id: true } })).map((t) => t.id));
  const missing = others.filter((id) => !found.has(id));
  if (missing.length) {
    draft.errors.push({ field: "territories", message: `Territoires couverts : territoire inconnu ${missing.slice(0, 5).map((t) => `« ${t} »`).join(", ")}.` });
  }
}

export type { Db };
