/**
 * Who may do what in the curation workspace: the one place that decides it (pure functions, no I/O).
 * Every admin page, server action and /api/v1/admin route asks these through lib/auth/guard.ts or the
 * service functions of lib/data/admin/*; nothing else decides.
 *
 *   admin        everything, plus managing accounts
 *   curator      create and edit every funder and programme, review, publish, archive, restore
 *   contributor  create programmes and funders as drafts, edit their own drafts, submit them for
 *                review (and withdraw them); never publish, never touch someone else's entry
 */

export const ROLES = ["admin", "curator", "contributor"] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Administrateur",
  curator: "Curateur (ANCT)",
  contributor: "Contributeur",
};

/** The person acting, as the server knows them (never taken from the client). */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const EDITORIAL_STATUSES = ["draft", "in_review", "published", "archived"] as const;
export type EditorialStatus = (typeof EDITORIAL_STATUSES)[number];

export const editorialStatusLabels: Record<EditorialStatus, string> = {
  draft: "Brouillon",
  in_review: "En relecture",
  published: "Publié",
  archived: "Archivé",
};

/** An entry as the policy needs it: its status and who created it. */
export interface OwnedEntry {
  status: EditorialStatus;
  createdById: string | null;
}

const RANK: Record<Role, number> = { contributor: 1, curator: 2, admin: 3 };

/** True when `role` is at least `minimum` (admin ⊃ curator ⊃ contributor). */
export const hasRole = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum];

export const isCurator = (actor: Actor): boolean => hasRole(actor.role, "curator");

/** May see the entry in the workspace (a contributor sees only their own entries). */
export function canView(actor: Actor, entry: OwnedEntry): boolean {
  return isCurator(actor) || entry.createdById === actor.id;
}

/** May create entries (always as drafts for a contributor). */
export const canCreate = (_actor: Actor): boolean => true;

/** May change the entry's fields. */
export function canEdit(actor: Actor, entry: OwnedEntry): boolean {
  if (isCurator(actor)) return true;
  return entry.createdById === actor.id && entry.status === "draft";
}

/**
 * The workflow: draft → in review → published → archived, and back to draft.
 * Curators may also publish a draft directly, send a review back, unpublish, and publish again
 * from the archive.
 */
const CURATOR_STEPS: Record<EditorialStatus, EditorialStatus[]> = {
  draft: ["in_review", "published", "archived"],
  in_review: ["draft", "published", "archived"],
  published: ["archived", "draft"],
  archived: ["draft", "published"],
};
const CONTRIBUTOR_STEPS: Record<EditorialStatus, EditorialStatus[]> = {
  draft: ["in_review"],
  in_review: ["draft"],
  published: [],
  archived: [],
};

/** The statuses this actor may move the entry to (empty when none). */
export function allowedTransitions(actor: Actor, entry: OwnedEntry): EditorialStatus[] {
  if (isCurator(actor)) return CURATOR_STEPS[entry.status];
  if (entry.createdById !== actor.id) return [];
  return CONTRIBUTOR_STEPS[entry.status];
}

/** Whether the step exists at all from this status, for any role (to tell 409 from 403). */
export const transitionExists = (from: EditorialStatus, to: EditorialStatus): boolean => CURATOR_STEPS[from].includes(to);

export function canTransition(actor: Actor, entry: OwnedEntry, to: EditorialStatus): boolean {
  return allowedTransitions(actor, entry).includes(to);
}

/** May restore an earlier version (a new revision): curators only, as restoring may touch published entries. */
export const canRestore = (actor: Actor, entry: OwnedEntry): boolean => isCurator(actor) || canEdit(actor, entry);

/** May mark the entry as verified against its source today. */
export const canVerify = (actor: Actor): boolean => isCurator(actor);

/** Account management (/admin/utilisateurs). */
export const canManageUsers = (actor: Actor): boolean => actor.role === "admin";

/** The activity of everyone (/admin/historique); a contributor sees only their own. */
export const canSeeAllActivity = (actor: Actor): boolean => isCurator(actor);

export const transitionLabels: Record<EditorialStatus, string> = {
  draft: "Repasser en brouillon",
  in_review: "Soumettre à relecture",
  published: "Publier",
  archived: "Archiver",
};

// ------------------------------------------------------------ keeping the catalogue true

/** May import a file: any account (a contributor's entries land in review, whatever the file asks). */
export const canImport = (_actor: Actor): boolean => true;

/** May publish the entries of an import directly instead of putting them in review. */
export const canPublishImport = (actor: Actor): boolean => isCurator(actor);

/** May start a link check by hand (the daily run needs nobody). */
export const canRunLinkCheck = (actor: Actor): boolean => isCurator(actor);

/** May read the public's proposals and corrections (they hold the proposers' e-mails) and accept or reject them. */
export const canReviewContributions = (actor: Actor): boolean => isCurator(actor);
