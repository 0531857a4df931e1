/** Where an entry opens in the workspace, and its kind in French. */
export type AdminEntityType = "programme" | "funder";

export const entityTypeLabels: Record<AdminEntityType, string> = { programme: "Programme", funder: "Financeur" };

const sections: Record<AdminEntityType, string> = { programme: "programmes", funder: "financeurs" };

export const isAdminEntityType = (value: string): value is AdminEntityType => value === "programme" || value === "funder";

/** /admin/programmes/<slug> or /admin/financeurs/<slug> (the edit page). */
export const adminEntityHref = (type: AdminEntityType, slug: string) => `/admin/${sections[type]}/${encodeURIComponent(slug)}`;

/** The entry's history page. */
export const adminHistoryHref = (type: AdminEntityType, slug: string) => `${adminEntityHref(type, slug)}/historique`;
