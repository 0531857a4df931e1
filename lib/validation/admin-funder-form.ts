import { orNull, readTerritoryIds, readText } from "./admin-form-data";
import { funderFieldLabels, type FunderSnapshot } from "./admin-funder";

/**
 * The funder form (app/admin/financeurs/…) ↔ funderInputSchema's input, as for programmes
 * (lib/validation/admin-programme-form.ts): values as typed (strings) to re-render the form after
 * an error, the same from a stored funder, and the input the schemas parse.
 */

export interface FunderFormValues {
  slug: string;
  name: string;
  acronym: string;
  type: string;
  website: string;
  description: string;
  logoUrl: string;
  /** A territory id (`region:53`), or "". */
  territory: string;
  lastVerifiedAt: string;
}

export const emptyFunderFormValues = (): FunderFormValues => ({
  slug: "", name: "", acronym: "", type: "", website: "", description: "", logoUrl: "", territory: "", lastVerifiedAt: "",
});

export function funderFormValues(form: FormData): FunderFormValues {
  const t = (name: string) => readText(form, name);
  // The territory picker sends one id (hidden input) or, without JavaScript, the typed id; more than
  // one is kept as typed so that the schema says it is not one territory.
  const territories = readTerritoryIds(form, "territory");
  return {
    slug: t("slug").trim(),
    name: t("name"),
    acronym: t("acronym"),
    type: t("type"),
    website: t("website").trim(),
    description: t("description"),
    logoUrl: t("logoUrl").trim(),
    territory: territories.join(" "),
    lastVerifiedAt: t("lastVerifiedAt").trim(),
  };
}

export function funderFormValuesFromSnapshot(s: FunderSnapshot): FunderFormValues {
  return {
    slug: s.slug,
    name: s.name,
    acronym: s.acronym ?? "",
    type: s.type,
    website: s.website ?? "",
    description: s.description ?? "",
    logoUrl: s.logoUrl ?? "",
    territory: s.territory ?? "",
    lastVerifiedAt: s.lastVerifiedAt ?? "",
  };
}

export function funderInputFromValues(v: FunderFormValues): Record<string, unknown> {
  return {
    ...(v.slug ? { slug: v.slug } : {}),
    name: v.name,
    acronym: orNull(v.acronym),
    type: v.type,
    website: orNull(v.website),
    description: orNull(v.description),
    logoUrl: orNull(v.logoUrl),
    territory: orNull(v.territory),
    lastVerifiedAt: orNull(v.lastVerifiedAt),
  };
}

export function funderFieldLabel(path: string): string {
  const head = path.split(".")[0] ?? "";
  return (funderFieldLabels as Record<string, string>)[head] ?? "Formulaire";
}
