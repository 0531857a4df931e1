/**
 * The public category codes (French kebab-case, as in URLs and the API) and their French labels.
 * The database stores the same strings (PostgreSQL enums); Prisma names them with `_` for `-`.
 */

const define = <const T extends Record<string, string>>(labels: T) => ({
  labels,
  codes: Object.keys(labels) as (keyof T & string)[],
});

export const funderTypes = define({
  etat: "État",
  anct: "ANCT",
  "banque-des-territoires": "Banque des Territoires",
  "union-europeenne": "Union européenne",
  "operateur-public": "Opérateur de service public",
  region: "Région",
  departement: "Département",
  "commune-epci": "Commune ou intercommunalité",
  "fondation-privee": "Fondation",
  entreprise: "Entreprise",
  autre: "Autre financeur",
});

export const aidKinds = define({
  subvention: "Subvention",
  pret: "Prêt",
  "avance-remboursable": "Avance remboursable",
  "appel-a-projets": "Appel à projets",
  "appel-a-manifestation-d-interet": "Appel à manifestation d'intérêt",
  prix: "Prix, concours",
  "accompagnement-ingenierie": "Accompagnement, ingénierie",
  "cheque-pass": "Chèque, pass",
  autre: "Autre forme d'aide",
});

export const financedItems = define({
  "postes-mediateurs": "Postes de médiateurs",
  "formation-aidants": "Formation des aidants",
  equipement: "Équipement",
  ingenierie: "Ingénierie de projet",
  fonctionnement: "Fonctionnement",
  investissement: "Investissement",
  "pass-numerique": "Pass numériques",
  connexion: "Connexion, accès à internet",
  autre: "Autres dépenses",
});

export const beneficiaries = define({
  association: "Association",
  commune: "Commune",
  epci: "Intercommunalité (EPCI)",
  departement: "Département",
  region: "Région",
  "etablissement-public": "Établissement public",
  "entreprise-ess": "Entreprise de l'ESS",
  "tiers-lieu": "Tiers-lieu",
  "france-services": "France Services",
  particulier: "Particulier",
  autre: "Autre structure",
});

export const recurrences = define({
  ponctuel: "Ponctuel",
  annuel: "Annuel",
  permanent: "Permanent",
});

export const territoryLevels = define({
  region: "Région",
  departement: "Département",
  epci: "Intercommunalité",
  commune: "Commune",
});

export const editorialStatuses = define({
  draft: "Brouillon",
  in_review: "En relecture",
  published: "Publié",
  archived: "Archivé",
});

export const confidences = define({
  high: "élevée",
  medium: "moyenne",
  low: "faible",
});

export type FunderTypeCode = (typeof funderTypes.codes)[number];
export type AidKindCode = (typeof aidKinds.codes)[number];
export type FinancedCode = (typeof financedItems.codes)[number];
export type BeneficiaryCode = (typeof beneficiaries.codes)[number];
export type RecurrenceCode = (typeof recurrences.codes)[number];
export type TerritoryLevelCode = (typeof territoryLevels.codes)[number];

/** Public code (`fondation-privee`) → Prisma enum key (`fondation_privee`). */
export const toEnumKey = <C extends string>(code: C) => code.replaceAll("-", "_") as EnumKey<C>;
/** Prisma enum key (`fondation_privee`) → public code (`fondation-privee`). */
export const fromEnumKey = <K extends string>(key: K) => key.replaceAll("_", "-") as EnumCode<K>;

type EnumKey<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${EnumKey<B>}` : S;
type EnumCode<S extends string> = S extends `${infer A}_${infer B}` ? `${A}-${EnumCode<B>}` : S;
