/**
 * The benchmark's query mix: what people and API clients ask /api/v1/programmes. Words, acronyms
 * found through synonyms, typos, a territory at each level, facets alone and combined, sorts, pages.
 * The HTTP run cycles through them in order across all connections; the floor runs the same ones.
 */

export interface BenchQuery {
  /** Short name for tables. */
  name: string;
  kind: "browse" | "words" | "synonym" | "typo" | "territory" | "facets" | "mixed" | "sort-page";
  params: [string, string][];
}

const q = (name: string, kind: BenchQuery["kind"], params: [string, string][]): BenchQuery => ({ name, kind, params });

export const QUERIES: BenchQuery[] = [
  q("default listing", "browse", []),
  q("médiation numérique", "words", [["q", "médiation numérique"]]),
  q("conseillers numériques", "words", [["q", "conseillers numériques"]]),
  q("tiers-lieux", "words", [["q", "tiers-lieux"]]),
  q("pass numérique", "words", [["q", "pass numérique"]]),
  q("France Services", "words", [["q", "France Services"]]),
  q("illectronisme", "words", [["q", "illectronisme"]]),
  q("seniors", "words", [["q", "seniors"]]),
  q("équipement informatique associations", "words", [["q", "équipement informatique associations"]]),
  q("QPV (synonym)", "synonym", [["q", "QPV"]]),
  q("CNFS (synonym)", "synonym", [["q", "CNFS"]]),
  q("typo: mediaton numerique", "typo", [["q", "mediaton numerique"]]),
  q("typo: illectronism", "typo", [["q", "illectronism"]]),
  q("typo: conseilers numeriques", "typo", [["q", "conseilers numeriques"]]),
  q("typo: reconditionement ordinateurs", "typo", [["q", "reconditionement ordinateurs"]]),
  q("région Bretagne", "territory", [["territory", "region:53"]]),
  q("département Finistère", "territory", [["territory", "departement:29"]]),
  q("EPCI Métropole de Lyon", "territory", [["territory", "epci:200046977"]]),
  q("commune Brest", "territory", [["territory", "commune:29019"]]),
  q("commune Paris", "territory", [["territory", "commune:75056"]]),
  q("commune rurale (Guéret)", "territory", [["territory", "commune:23096"]]),
  q("médiation + Gironde", "mixed", [["q", "médiation"], ["territory", "departement:33"]]),
  q("équipement + associations", "facets", [["finances", "equipement"], ["beneficiary", "association"]]),
  q("fondations, ouverts", "facets", [["funderType", "fondation-privee"], ["status", "open"]]),
  q("AAP postes, ouverts ou proches", "facets", [["aidKind", "appel-a-projets"], ["finances", "postes-mediateurs"], ["status", "open"], ["status", "closing-soon"]]),
  q("≥ 20 000 €, par montant", "facets", [["amountMin", "20000"], ["sort", "amount"]]),
  q("Isère + départements + formation", "mixed", [["territory", "departement:38"], ["funderType", "departement"], ["finances", "formation-aidants"]]),
  q("numérique, récents, page 3", "sort-page", [["q", "numérique"], ["sort", "recent"], ["page", "3"]]),
  q("clos, page 5", "sort-page", [["status", "closed"], ["page", "5"]]),
  q("communes, 50 par page, page 2", "sort-page", [["beneficiary", "commune"], ["perPage", "50"], ["page", "2"]]),
  q("financeur Banque des Territoires", "facets", [["funder", "banque-des-territoires"]]),
  q("aidants + État + subvention", "mixed", [["q", "aidants"], ["funder", "etat"], ["aidKind", "subvention"]]),
  q("seniors à Lyon, ouverts", "mixed", [["q", "seniors"], ["territory", "commune:69123"], ["status", "open"]]),
];

export const API_PATH = "/api/v1/programmes";

export const pathOf = (query: BenchQuery) => {
  const s = new URLSearchParams(query.params).toString();
  return s ? `${API_PATH}?${s}` : API_PATH;
};

/** The queries whose plans are written out (EXPLAIN ANALYZE, BUFFERS): one of each shape. */
export const EXPLAINED = ["default listing", "typo: mediaton numerique", "commune Brest", "Isère + départements + formation"];
