import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/guard";
import type { Actor, EditorialStatus } from "../auth/policy";
import type { WriteResult } from "../data/admin/entity-write";
import { isDomainError } from "../errors";
import { changedKeys, mergeOntoCurrent } from "../validation/admin-form-merge";
import { failure, intentOf, textOf, versionOf } from "./form-outcome";
import type { ConflictInfo, FieldChange, FormActionState } from "./form-state";

/**
 * The one flow behind the programme and funder forms (lib/actions/programmes.ts, funders.ts), so
 * that both behave the same: requireActor → FormData to input → the entity's services (which
 * authorize, parse with the shared schema, check the version and record the revision) → revalidate.
 * The button pressed says what to do (`intent`):
 *
 *   save          create (then go to the edit page), or update carrying the form's version
 *   verify        « Vérifié aujourd'hui », after saving what the form changed (an update that
 *                 changes nothing is skipped by the service: no version, no revision)
 *   status:<to>   a workflow step, after saving likewise
 *   reapply       after a conflict: the person's changes merged onto the current version, not saved
 *
 * A stale version answers the conflict screen: who saved, when, what changed meanwhile, and what
 * the person changed — their values stay in the form.
 */
/** The entry as its edit page reads it (lib/data/admin/*-read.ts). */
interface StoredEntry<S> {
  snapshot: S;
  version: number;
  updatedAt: Date;
  updatedBy: { name: string } | null;
}

export interface EntityFormAdapter<V extends object, S, E extends StoredEntry<S> = StoredEntry<S>> {
  /** /admin/programmes or /admin/financeurs. */
  adminPath: string;
  /** The public page after a change (revalidated), or null. */
  publicPath: (slug: string) => string | null;
  /** « Programme », « Financeur » (the notices). */
  noun: string;
  /** A field the form sends whenever its fields are editable (a read-only form sends none). */
  probeField: string;
  fromForm: (form: FormData) => V;
  fromSnapshot: (snapshot: S) => V;
  toInput: (values: V) => Record<string, unknown>;
  fieldLabel: (field: string) => string;
  /** What changed from the snapshot the person started from to the entry as it is now (lib/revisions/diff.ts). */
  changes: (before: S, current: E) => FieldChange[];
  /** The note « Vérifié aujourd'hui » records. */
  verifyNote: (values: V, form: FormData) => string | null;
  create: (actor: Actor, input: unknown) => Promise<WriteResult<S>>;
  update: (actor: Actor, slug: string, patch: unknown) => Promise<WriteResult<S>>;
  verify: (actor: Actor, slug: string, input: unknown) => Promise<WriteResult<S>>;
  transition: (actor: Actor, slug: string, input: unknown) => Promise<WriteResult<S>>;
  getForEdit: (actor: Actor, slug: string) => Promise<E | null>;
  snapshotAt: (actor: Actor, slug: string, version: number) => Promise<S | null>;
}

export async function handleEntityForm<V extends object, S, E extends StoredEntry<S>>(
  adapter: EntityFormAdapter<V, S, E>,
  previous: FormActionState<V>,
  form: FormData,
): Promise<FormActionState<V>> {
  const actor = await requireActor();
  const attempt = previous.attempt + 1;
  const values = adapter.fromForm(form);
  const originalSlug = textOf(form, "originalSlug");
  const version = versionOf(form);
  const intent = intentOf(form);

  if (!originalSlug) {
    let slug: string;
    try {
      slug = (await adapter.create(actor, adapter.toInput(values))).slug;
    } catch (error) {
      return failure(error, { attempt, values, version: null });
    }
    revalidatePath("/admin", "layout");
    redirect(`${adapter.adminPath}/${slug}?cree=1`);
  }

  try {
    if (intent === "reapply") return await reapply(adapter, actor, originalSlug, values, version, attempt);

    let result = form.has(adapter.probeField) ? await adapter.update(actor, originalSlug, { ...adapter.toInput(values), version }) : null;
    const slug = result?.slug ?? originalSlug;
    let notice: FormActionState<V>["notice"] = {
      text: result?.changed === false ? "Aucune modification à enregistrer." : "Modifications enregistrées.",
    };
    if (intent === "verify") {
      result = await adapter.verify(actor, slug, { version: result?.version ?? version, note: adapter.verifyNote(values, form) });
      notice = { text: "Fiche marquée « vérifiée auprès de la source » aujourd'hui." };
    } else if (intent !== "save") {
      const to = intent.slice("status:".length) as EditorialStatus;
      result = await adapter.transition(actor, slug, { to, version: result?.version ?? version, note: textOf(form, "transitionNote") });
      notice = transitionNotice(adapter, to, slug);
    }

    revalidatePath("/admin", "layout");
    const publicPath = adapter.publicPath(slug);
    if (publicPath) revalidatePath(publicPath);
    if (slug !== originalSlug) redirect(`${adapter.adminPath}/${slug}?enregistre=1`);
    return {
      ok: true,
      attempt,
      values: result ? adapter.fromSnapshot(result.snapshot) : values,
      version: result?.version ?? version,
      notice,
    };
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") {
      const conflict = await describeConflict(adapter, actor, originalSlug, version, values);
      return { ok: false, attempt, values, version, message: error.message, conflict: conflict?.info };
    }
    return failure(error, { attempt, values, version });
  }
}

function transitionNotice<V extends object, S, E extends StoredEntry<S>>(adapter: EntityFormAdapter<V, S, E>, to: EditorialStatus, slug: string): FormActionState<V>["notice"] {
  const publicPath = adapter.publicPath(slug);
  switch (to) {
    case "published":
      return {
        text: `${adapter.noun} publié : il apparaît dès maintenant sur le site public.`,
        ...(publicPath ? { href: publicPath, linkLabel: "Voir la page publique" } : {}),
      };
    case "in_review":
      return { text: `${adapter.noun} soumis à relecture : un curateur va le relire avant publication.` };
    case "archived":
      return { text: `${adapter.noun} archivé : il n'apparaît plus sur le site public.` };
    default:
      return { text: `${adapter.noun} repassé en brouillon : il n'apparaît plus sur le site public.` };
  }
}

/** The version the person started from, the current one, and what differs (null if it vanished). */
async function describeConflict<V extends object, S, E extends StoredEntry<S>>(adapter: EntityFormAdapter<V, S, E>, actor: Actor, slug: string, baseVersion: number, typed: V) {
  const entry = await adapter.getForEdit(actor, slug);
  if (!entry) return null;
  const baseSnapshot = baseVersion > 0 ? await adapter.snapshotAt(actor, slug, baseVersion) : null;
  const base = baseSnapshot ? adapter.fromSnapshot(baseSnapshot) : null;
  const current = adapter.fromSnapshot(entry.snapshot);
  const info: ConflictInfo = {
    author: entry.updatedBy?.name ?? null,
    at: entry.updatedAt.toISOString(),
    baseVersion,
    currentVersion: entry.version,
    theirs: baseSnapshot ? adapter.changes(baseSnapshot, entry) : [],
    mine: changedKeys(base ?? current, typed).map(adapter.fieldLabel),
  };
  return { info, base, current, version: entry.version };
}

async function reapply<V extends object, S, E extends StoredEntry<S>>(
  adapter: EntityFormAdapter<V, S, E>,
  actor: Actor,
  slug: string,
  typed: V,
  baseVersion: number,
  attempt: number,
): Promise<FormActionState<V>> {
  const conflict = await describeConflict(adapter, actor, slug, baseVersion, typed);
  if (!conflict) {
    return { ok: false, attempt, values: typed, version: baseVersion, message: "Cette fiche n'existe plus ou ne vous est plus accessible." };
  }
  const { values, both } = conflict.base ? mergeOntoCurrent(conflict.base, typed, conflict.current) : { values: typed, both: [] };
  return {
    ok: false,
    attempt,
    values,
    version: conflict.version,
    notice: {
      text:
        `Vos modifications sont reportées sur la version actuelle (n° ${conflict.version}), avec ce qui a changé entre-temps. ` +
        (both.length ? `Vous avez tous deux modifié : ${both.map((k) => adapter.fieldLabel(String(k))).join(", ")} ; votre saisie est gardée. ` : "") +
        "Relisez, puis enregistrez.",
    },
  };
}
