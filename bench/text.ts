/**
 * Fragments of the field (digital inclusion funding in France) that the generator composes into
 * synthetic titles, summaries and descriptions. Written in the style of prisma/seed-data/programmes.json:
 * plain administrative French, one short paragraph, the usual acronyms (QPV, ZRR, FNE, EPN, CNFS…).
 */

import type { Random } from "./random";

export type Financed =
  | "postes-mediateurs" | "formation-aidants" | "equipement" | "ingenierie" | "fonctionnement"
  | "investissement" | "pass-numerique" | "connexion" | "autre";
export type Beneficiary =
  | "association" | "commune" | "epci" | "departement" | "region" | "etablissement-public"
  | "entreprise-ess" | "tiers-lieu" | "france-services" | "particulier" | "autre";
export type AidKind =
  | "subvention" | "pret" | "avance-remboursable" | "appel-a-projets" | "appel-a-manifestation-d-interet"
  | "prix" | "accompagnement-ingenierie" | "cheque-pass" | "autre";

/** A theme of the field: its wording and what programmes on it usually finance, and for whom. */
export interface Theme {
  /** For a title, inside « ». */
  title: string;
  /** What is financed, as the object of « finançant … ». */
  object: string;
  financed: Financed[];
  beneficiaries: Beneficiary[];
  aidKinds?: AidKind[];
}

export const THEMES: Theme[] = [
  { title: "Médiation numérique de proximité", object: "des permanences de médiation numérique de proximité", financed: ["postes-mediateurs", "fonctionnement"], beneficiaries: ["association", "commune", "tiers-lieu"] },
  { title: "Conseillers numériques", object: "le recrutement et la formation de conseillers numériques", financed: ["postes-mediateurs", "formation-aidants"], beneficiaries: ["commune", "epci", "association", "france-services"] },
  { title: "Inclusion numérique des seniors", object: "des ateliers d'initiation au numérique pour les personnes âgées", financed: ["fonctionnement", "equipement"], beneficiaries: ["association", "etablissement-public"] },
  { title: "Lutte contre l'illectronisme", object: "des actions de lutte contre l'illectronisme et l'illettrisme", financed: ["fonctionnement", "ingenierie"], beneficiaries: ["association", "etablissement-public"] },
  { title: "Tiers-lieux numériques", object: "la création et l'animation de tiers-lieux numériques", financed: ["investissement", "fonctionnement", "equipement"], beneficiaries: ["tiers-lieu", "association", "commune"] },
  { title: "Pass numériques", object: "l'achat et la distribution de pass numériques", financed: ["pass-numerique"], beneficiaries: ["commune", "epci", "departement"], aidKinds: ["cheque-pass"] },
  { title: "Équipement des espaces France Services", object: "l'équipement informatique des espaces France Services", financed: ["equipement", "investissement"], beneficiaries: ["france-services", "commune", "epci"] },
  { title: "Aidants numériques", object: "la formation des aidants numériques et des travailleurs sociaux", financed: ["formation-aidants"], beneficiaries: ["association", "etablissement-public", "commune"] },
  { title: "Accès aux droits en ligne", object: "l'accompagnement aux démarches administratives en ligne", financed: ["postes-mediateurs", "fonctionnement"], beneficiaries: ["association", "france-services", "etablissement-public"] },
  { title: "Reconditionnement informatique solidaire", object: "la collecte et le reconditionnement d'ordinateurs pour les foyers modestes", financed: ["equipement", "fonctionnement"], beneficiaries: ["entreprise-ess", "association"] },
  { title: "Numérique solidaire", object: "des projets où le numérique sert la solidarité et le lien social", financed: ["fonctionnement", "autre"], beneficiaries: ["association", "entreprise-ess"] },
  { title: "Itinérance numérique en milieu rural", object: "des dispositifs itinérants (bus numérique, camping-car connecté) en zone rurale", financed: ["investissement", "equipement", "postes-mediateurs"], beneficiaries: ["epci", "commune", "association"] },
  { title: "Quartiers connectés", object: "la médiation numérique dans les quartiers prioritaires de la politique de la ville (QPV)", financed: ["postes-mediateurs", "fonctionnement"], beneficiaries: ["association", "commune"] },
  { title: "Parentalité et numérique", object: "l'accompagnement des familles aux usages numériques et à la parentalité numérique", financed: ["fonctionnement"], beneficiaries: ["association", "etablissement-public"] },
  { title: "Jeunes et compétences numériques", object: "l'acquisition de compétences numériques par les jeunes en insertion", financed: ["formation-aidants", "fonctionnement"], beneficiaries: ["association", "entreprise-ess", "etablissement-public"] },
  { title: "Insertion professionnelle et numérique", object: "des parcours d'insertion professionnelle intégrant les compétences numériques de base", financed: ["fonctionnement", "formation-aidants"], beneficiaries: ["association", "entreprise-ess"] },
  { title: "Fabriques numériques de territoire", object: "le fonctionnement de fabriques numériques de territoire et de fab labs solidaires", financed: ["fonctionnement", "equipement"], beneficiaries: ["tiers-lieu", "association"] },
  { title: "Espaces publics numériques", object: "le fonctionnement des espaces publics numériques (EPN)", financed: ["fonctionnement", "equipement"], beneficiaries: ["commune", "epci", "association"] },
  { title: "Accessibilité numérique et handicap", object: "l'accès au numérique des personnes en situation de handicap", financed: ["equipement", "fonctionnement"], beneficiaries: ["association", "etablissement-public"] },
  { title: "Coordination territoriale de l'inclusion numérique", object: "la coordination des acteurs de l'inclusion numérique à l'échelle du territoire", financed: ["ingenierie"], beneficiaries: ["departement", "epci", "region"], aidKinds: ["accompagnement-ingenierie"] },
  { title: "Feuille de route France Numérique Ensemble", object: "les actions inscrites dans la feuille de route France Numérique Ensemble", financed: ["ingenierie", "fonctionnement"], beneficiaries: ["departement", "epci", "association"] },
  { title: "Connexion des foyers modestes", object: "l'accès à une connexion internet pour les foyers modestes", financed: ["connexion", "equipement"], beneficiaries: ["particulier", "association"] },
  { title: "Équipement informatique des associations", object: "l'équipement informatique et numérique des associations", financed: ["equipement", "investissement"], beneficiaries: ["association"] },
  { title: "Prévention de la perte d'autonomie", object: "des actions collectives de prévention intégrant les usages numériques pour les plus de 60 ans", financed: ["fonctionnement"], beneficiaries: ["association", "etablissement-public"] },
  { title: "Cybersécurité du quotidien", object: "la sensibilisation des habitants à la cybersécurité et à la protection des données", financed: ["fonctionnement", "formation-aidants"], beneficiaries: ["association", "commune"] },
  { title: "Numérique pour les personnes allophones", object: "l'accompagnement numérique des personnes allophones et réfugiées", financed: ["fonctionnement", "equipement", "connexion"], beneficiaries: ["association"] },
  { title: "Hubs territoriaux pour un numérique inclusif", object: "l'animation de têtes de réseau de la médiation numérique", financed: ["ingenierie", "fonctionnement"], beneficiaries: ["association", "entreprise-ess"] },
  { title: "Mobilier d'inclusion numérique", object: "l'acquisition de kits et de mobiliers d'inclusion numérique", financed: ["equipement", "investissement"], beneficiaries: ["commune", "france-services", "tiers-lieu"] },
  { title: "Écrivains publics numériques", object: "des permanences d'écrivains publics numériques", financed: ["postes-mediateurs"], beneficiaries: ["association", "commune"] },
  { title: "Éducation aux médias et à l'information", object: "des ateliers d'éducation aux médias, à l'information et à l'esprit critique en ligne", financed: ["fonctionnement"], beneficiaries: ["association", "etablissement-public"] },
  { title: "Numérique en bibliothèque", object: "des ateliers numériques dans les bibliothèques et médiathèques", financed: ["equipement", "fonctionnement"], beneficiaries: ["commune", "epci"] },
  { title: "Santé numérique", object: "l'accompagnement des patients à l'usage des services de santé en ligne", financed: ["fonctionnement", "formation-aidants"], beneficiaries: ["association", "etablissement-public"] },
];

export const BRAND_HEADS = ["Cap", "Déclic", "Passerelle", "Tremplin", "Relais", "Clic", "Lien", "Agir", "Connect", "Boussole", "Pas à pas", "Ensemble", "Trait d'union", "Coup de pouce"];
export const BRAND_TAILS = ["numérique", "solidaire", "seniors", "pour tous", "en territoire", "inclusif", "citoyen", "rural", "quartiers", "familles", "jeunesse", "autonomie"];

/** `%s`: the adjective of the level (« départemental », « régional », « national »…). */
export const FUND_NAMES = [
  "Fonds %s pour l'inclusion numérique",
  "Fonds %s d'appui à la médiation numérique",
  "Fonds %s de soutien aux tiers-lieux",
  "Fonds %s d'initiatives numériques",
  "Fonds %s de solidarité numérique",
  "Fonds %s d'innovation sociale",
];

export const AID_NOUNS = [
  "Aide à l'équipement informatique des associations",
  "Aide au recrutement de médiateurs numériques",
  "Aide au fonctionnement des espaces publics numériques",
  "Aide à l'investissement numérique des petites communes",
  "Aide à la création de lieux de médiation numérique",
  "Aide à l'acquisition de matériel reconditionné",
  "Aide aux projets d'accompagnement numérique des seniors",
  "Aide à la connexion des foyers modestes",
];

export const VERBS = ["finançant", "soutenant", "cofinançant", "destiné à financer", "qui accompagne", "visant à développer", "consacré à"];

export const PUBLICS = [
  "pour les seniors",
  "auprès des personnes éloignées du numérique",
  "en faveur des habitants des quartiers prioritaires (QPV)",
  "pour les jeunes en insertion",
  "à destination des familles allocataires",
  "pour les personnes en situation de handicap",
  "en zone de revitalisation rurale (ZRR)",
  "pour les demandeurs d'emploi",
  "auprès des personnes allophones",
  "pour les personnes âgées isolées",
  "auprès des publics fragiles",
  "pour les allocataires du RSA",
  "auprès des usagers des services publics",
  "pour les habitants des communes rurales",
];

export const CONTEXTS = [
  "Face à la dématérialisation des démarches administratives, une part importante des habitants manque de compétences numériques de base.",
  "Le programme s'inscrit dans la feuille de route France Numérique Ensemble.",
  "Il prolonge l'action des conseillers numériques France Services déployés sur le territoire.",
  "Le dispositif s'appuie sur le réseau des espaces France Services, des EPN et des tiers-lieux.",
  "Il répond aux priorités de la stratégie nationale pour un numérique inclusif.",
  "L'illectronisme touche particulièrement les personnes âgées, les foyers modestes et les habitants des zones rurales.",
  "Il complète les dispositifs nationaux portés par l'ANCT et la Banque des Territoires.",
  "Il fait suite au diagnostic territorial de l'inclusion numérique réalisé avec les acteurs locaux.",
  "Il s'adresse en priorité aux structures qui accueillent un public en difficulté avec les outils numériques.",
];

export const EXPENSES = [
  "les frais de personnel dédié à la médiation",
  "le matériel informatique (ordinateurs, tablettes, imprimantes)",
  "la formation des bénévoles et des salariés",
  "l'ingénierie de projet",
  "les frais de fonctionnement",
  "les abonnements et la connexion",
  "l'aménagement des locaux",
  "la communication auprès des publics",
  "les déplacements liés à l'itinérance",
  "les logiciels et licences",
];

export const PARTNERS = [
  "l'État, la CAF et le Département",
  "la Banque des Territoires et la Région",
  "la préfecture, la MSA et la Carsat",
  "les membres de la conférence des financeurs",
  "le hub territorial pour un numérique inclusif",
  "les partenaires du contrat de ville",
  "les représentants des réseaux de médiation numérique",
];

export const CLOSERS = [
  "Une attention particulière est portée aux projets implantés en quartier prioritaire de la politique de la ville (QPV) ou en zone de revitalisation rurale (ZRR).",
  "Les projets mutualisés entre plusieurs structures sont encouragés.",
  "Les actions doivent être gratuites pour les bénéficiaires.",
  "Un bilan qualitatif et financier est demandé à l'issue du projet.",
  "Les lauréats bénéficient d'un accompagnement par un référent pendant la durée du projet.",
  "Les porteurs sont invités à s'appuyer sur les outils Aidants Connect et PIX.",
  "Le cumul avec d'autres financements publics est possible dans la limite de 80 % du coût total.",
];

export const ELIGIBILITY = [
  "Être une association loi 1901 déclarée depuis au moins un an.",
  "Structures labellisées France Services.",
  "Communes de moins de 10 000 habitants.",
  "Projet d'une durée maximale de 24 mois.",
  "Cofinancement d'au moins 20 % du budget du projet.",
  "Accueillir un public éloigné du numérique.",
  "Disposer d'un lieu d'accueil ouvert au public.",
  "Projet porté par une structure de l'économie sociale et solidaire (ESS).",
  "Médiateurs titulaires du titre professionnel Responsable d'espace de médiation numérique ou en cours de formation.",
  "Actions réalisées au bénéfice de personnes de plus de 60 ans vivant à domicile.",
];

export const LIST_ITEMS = [
  "ateliers collectifs d'initiation",
  "accompagnement individuel sur rendez-vous",
  "permanences dans les mairies",
  "prêt de matériel",
  "formation des aidants professionnels",
  "sensibilisation aux arnaques en ligne",
  "aide à la création d'une adresse électronique",
  "découverte des services publics en ligne",
];

export const NATIONAL_COVERAGE = ["national", "France entière", "France métropolitaine et outre-mer", "Tout le territoire national"];

export const FOUNDATION_NAMES = [
  "Fondation Lien Numérique", "Fondation Territoires Connectés", "Fonds de dotation Agir pour l'inclusion",
  "Fondation Solidarités Numériques", "Fondation Passerelles", "Fonds de dotation Numérique pour tous",
  "Fondation Clés du Numérique", "Fondation Avenir Solidaire", "Fonds de dotation Cap Autonomie",
  "Fondation Horizons Numériques", "Fondation Entraide et Territoires", "Fonds de dotation Connexions Solidaires",
];
export const COMPANY_NAMES = [
  "Réseau Télécom Solidaire", "Groupe Énergies Communes", "Mutuelle des Territoires", "Coopérative Numérique Ouest",
  "Assurances Solidaires de France", "Banque Coopérative des Régions",
];
export const BANK_FOUNDATIONS = ["Fondation Crédit Agricole", "Fondation Caisse d'Epargne", "Fondation Banque Populaire", "Fondation Crédit Mutuel"];

/** The linking word of a place name by its COG « type de nom en clair » (TNCC): « de l'Ain », « du Mans ». */
export function ofPlace(name: string, tncc: number | undefined): string {
  switch (tncc) {
    case 1: return `d'${name}`;
    case 2: return `du ${name.replace(/^Le /, "")}`;
    case 3: return `de la ${name.replace(/^La /, "")}`;
    case 4: case 6: return `des ${name.replace(/^Les /, "")}`;
    case 5: return `de l'${name.replace(/^L'/, "")}`;
    default:
      if (/^Le /.test(name)) return `du ${name.slice(3)}`;
      if (/^Les /.test(name)) return `des ${name.slice(4)}`;
      if (/^La /.test(name)) return `de la ${name.slice(3)}`;
      if (/^L'/.test(name)) return `de l'${name.slice(2)}`;
      return /^[AEIOUYÉÈÊÎÔH]/.test(name) ? `d'${name}` : `de ${name}`;
  }
}

/** « dans l'Ain », « dans le Finistère », « en Bretagne », « à Brest », « au Mans ». */
export function inPlace(level: string, name: string, tncc: number | undefined): string {
  if (level === "commune") {
    if (tncc === 2) return `au ${name.replace(/^Le /, "")}`;
    if (tncc === 4 || tncc === 6) return `aux ${name.replace(/^Les /, "")}`;
    return `à ${name}`;
  }
  if (level === "epci") return `sur le territoire de ${name}`;
  switch (tncc) {
    case 2: return `dans le ${name.replace(/^Le /, "")}`;
    case 3: return level === "region" ? `en ${name}` : `dans la ${name.replace(/^La /, "")}`;
    case 4: case 6: return `dans les ${name.replace(/^Les /, "")}`;
    case 5: return `dans l'${name.replace(/^L'/, "")}`;
    default: return /^(La |Saint|Paris$|Mayotte$)/.test(name) ? `à ${name}` : `en ${name}`;
  }
}

/** EPCI names from the COG use short forms: « CC du Pays de X » → « Communauté de communes du Pays de X ». */
export function expandEpciName(name: string): string {
  return name
    .replace(/^CC /, "Communauté de communes ")
    .replace(/^CA /, "Communauté d'agglomération ")
    .replace(/^CU /, "Communauté urbaine ");
}

export const slugify = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** A French amount as the sources write it: « 15 000 € », « 1,5 M€ ». */
export function euros(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} M€`;
  return `${n.toLocaleString("fr-FR").replace(/\u202f/g, " ")} €`;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
export const frenchDate = (d: Date) => `${d.getUTCDate() === 1 ? "1er" : d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** The name with its article, after « par » (« la Région Bretagne », « le Département de l'Ain »). */
export function withArticle(name: string): string {
  if (/^État\b/.test(name)) return "l'État";
  if (/^(Région|Ville|Fondation|Caisse|Préfecture|Conférence|Communauté|Métropole|Mutualité|Banque|Coopérative|Mutuelle|Délégation|Poste)\b/.test(name)) return `la ${name}`;
  if (/^(Département|CCAS|Fonds|Groupe|Réseau|FNADT)\b/.test(name)) return `le ${name}`;
  if (/^(Services|Assurances|Caisses|Conférences|Préfectures|Départements|Fondations)\b/.test(name)) return `les ${name}`;
  if (/^(Agence|Union|Assurance|Institution|Agirc|ANCT|ANAH)\b/i.test(name)) return `l'${name}`;
  return name;
}

export function brand(r: Random): string {
  return `${r.pick(BRAND_HEADS)} ${r.pick(BRAND_TAILS)}`;
}
