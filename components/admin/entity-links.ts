/** Where an entry opens in the workspace, and its kind in French. */
export type AdminEntityType = "programme" | "funder" | "funding-record" | "case-study";

export const entityTypeLabels: Record<AdminEntityType, string> = {
  programme: "Programme",
  funder: "Financeur",
  "funding-record": "Montant",
  "case-study": "Retour d'expérience",
};

const sections: Record<AdminEntityType, string> = {
  programme: "programmes",
  funder: "financeurs",
  "funding-record": "effort",
  "case-study": "retours-d-experience",
};

export const isAdminEntityType = (value: string): value is AdminEntityType => Object.hasOwn(sections, value);

/** /admin/programmes/<slug> or /admin/financeurs/<slug> (the edit page). */
export const adminEntityHref = (type: AdminEntityType, slug: string) => `/admin/${sections[type]}/${encodeURIComponent(slug)}`;

/** The entry's history page. */
export const adminHistoryHref = (type: AdminEntityType, slug: string) => `${adminEntityHref(type, slug)}/historique`;
