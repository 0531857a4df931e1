import type { SqlRunner } from "../connect";

/**
 * Acronyms and other names of the field, searched both ways: a query holding any phrase of a set
 * also finds the documents that use another (« CNFS » finds « conseillers numériques France
 * Services » and the reverse). Matching is by French stems, accents and case ignored, so most
 * plurals need no entry; the stemmer cuts « conseiller » to 'conseil' but « conseillers » to
 * 'conseiller', hence both forms below. Curators may add phrases to a set: the seed only ever adds
 * its own to them.
 */
export const SEARCH_SYNONYMS: { term: string; synonyms: string[] }[] = [
  // The field's programmes and their usual short names.
  {
    term: "CNFS",
    synonyms: [
      "conseiller numérique France Services", "conseillers numériques France Services",
      "conseiller numérique", "conseillers numériques",
    ],
  },
  { term: "APTIC", synonyms: ["pass numérique", "chèque APTIC"] },
  { term: "FNE", synonyms: ["France Numérique Ensemble"] },
  { term: "TANI", synonyms: ["territoire d'action pour un numérique inclusif"] },
  { term: "MSAP", synonyms: ["maison de services au public", "France Services"] },
  // Funders.
  { term: "ANCT", synonyms: ["Agence nationale de la cohésion des territoires"] },
  { term: "BdT", synonyms: ["Banque des Territoires", "Caisse des dépôts"] },
  { term: "FEDER", synonyms: ["Fonds européen de développement régional"] },
  { term: "FSE", synonyms: ["FSE+", "Fonds social européen", "Fonds social européen plus"] },
  { term: "FEADER", synonyms: ["Fonds européen agricole pour le développement rural"] },
  { term: "LEADER", synonyms: ["Liaison entre actions de développement de l'économie rurale"] },
  { term: "FNADT", synonyms: ["Fonds national d'aménagement et de développement du territoire"] },
  { term: "CAF", synonyms: ["caisse d'allocations familiales"] },
  { term: "MSA", synonyms: ["Mutualité sociale agricole"] },
  { term: "Carsat", synonyms: ["caisse d'assurance retraite et de la santé au travail"] },
  // Places and applicants.
  { term: "EPCI", synonyms: ["intercommunalité", "établissement public de coopération intercommunale"] },
  { term: "QPV", synonyms: ["quartiers prioritaires", "quartiers prioritaires de la politique de la ville"] },
  { term: "ZRR", synonyms: ["zone de revitalisation rurale"] },
  { term: "ESS", synonyms: ["économie sociale et solidaire"] },
  // Kinds of calls.
  { term: "AAP", synonyms: ["appel à projets"] },
  { term: "AMI", synonyms: ["appel à manifestation d'intérêt"] },
];

/** Idempotent: creates the missing sets and adds the missing phrases to existing ones. */
export async function seedSynonyms(sql: SqlRunner, entries = SEARCH_SYNONYMS): Promise<number> {
  await sql.query(
    `insert into search_synonym (id, term, synonyms)
     select gen_random_uuid(), e.term, array(select jsonb_array_elements_text(e.synonyms))
       from jsonb_to_recordset($1::jsonb) as e(term text, synonyms jsonb)
     on conflict (term) do update
       set synonyms = array(select distinct unnest(search_synonym.synonyms || excluded.synonyms) order by 1)`,
    [JSON.stringify(entries)],
  );
  return entries.length;
}
