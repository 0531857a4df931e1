import { createRequire } from "node:module";
import type { SqlRunner } from "../connect";

/**
 * Every région, département, EPCI and commune of France from @etalab/decoupage-administratif
 * (official COG data shipped in the npm package: no download at run time).
 */

interface Region { code: string; nom: string }
interface Departement { code: string; nom: string; region?: string }
interface Commune {
  code: string; nom: string; type: string; departement?: string; region?: string;
  codesPostaux?: string[]; population?: number;
}
interface Epci {
  code: string; nom: string; populationMunicipale?: number;
  membres: { code: string }[];
}

export interface TerritoryRow {
  id: string;
  level: "region" | "departement" | "epci" | "commune";
  code: string;
  name: string;
  population: number | null;
  postal_codes: string[];
  region_id: string | null;
  departement_id: string | null;
  epci_id: string | null;
}

const load = <T>(file: string): T[] =>
  createRequire(import.meta.url)(`@etalab/decoupage-administratif/data/${file}.json`) as T[];

const mostCommon = (values: (string | undefined)[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/** Builds the rows, parents before children (régions, départements, EPCI, communes). */
export function buildTerritoryRows(): TerritoryRow[] {
  const communes = load<Commune>("communes").filter((c) => c.type === "commune-actuelle");
  const epcis = load<Epci>("epci");
  const regions = load<Region>("regions");
  const departements = load<Departement>("departements");

  const regionIds = new Set(regions.map((r) => `region:${r.code}`));
  const deptIds = new Set(departements.map((d) => `departement:${d.code}`));
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  const epciOfCommune = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciOfCommune.set(m.code, e.code);

  const sumPopulation = (key: "region" | "departement", code: string) =>
    communes.reduce((sum, c) => (c[key] === code ? sum + (c.population ?? 0) : sum), 0);
  const regionOf = (code?: string) => (code && regionIds.has(`region:${code}`) ? `region:${code}` : null);
  const deptOf = (code?: string) => (code && deptIds.has(`departement:${code}`) ? `departement:${code}` : null);

  const rows: TerritoryRow[] = [];
  for (const r of regions) {
    rows.push({ id: `region:${r.code}`, level: "region", code: r.code, name: r.nom,
      population: sumPopulation("region", r.code) || null, postal_codes: [],
      region_id: null, departement_id: null, epci_id: null });
  }
  for (const d of departements) {
    rows.push({ id: `departement:${d.code}`, level: "departement", code: d.code, name: d.nom,
      population: sumPopulation("departement", d.code) || null, postal_codes: [],
      region_id: regionOf(d.region), departement_id: null, epci_id: null });
  }
  for (const e of epcis) {
    const members = e.membres.map((m) => communeByCode.get(m.code));
    // An EPCI may straddle départements: it is attached to the one most of its communes are in.
    rows.push({ id: `epci:${e.code}`, level: "epci", code: e.code, name: e.nom,
      population: e.populationMunicipale ?? null, postal_codes: [],
      region_id: regionOf(mostCommon(members.map((c) => c?.region))),
      departement_id: deptOf(mostCommon(members.map((c) => c?.departement))), epci_id: null });
  }
  for (const c of communes) {
    const epci = epciOfCommune.get(c.code);
    rows.push({ id: `commune:${c.code}`, level: "commune", code: c.code, name: c.nom,
      population: c.population ?? null, postal_codes: c.codesPostaux ?? [],
      region_id: regionOf(c.region), departement_id: deptOf(c.departement),
      epci_id: epci ? `epci:${epci}` : null });
  }
  return rows;
}

/** Inserts or updates every territory; idempotent. Returns the number of rows written. */
export async function seedTerritories(sql: SqlRunner, rows = buildTerritoryRows()): Promise<number> {
  const chunk = 4000;
  for (let i = 0; i < rows.length; i += chunk) {
    await sql.query(
      `insert into territory (id, level, code, name, population, postal_codes, region_id, departement_id, epci_id)
       select id, level::"TerritoryLevel", code, name, population,
              array(select json_array_elements_text(postal_codes)), region_id, departement_id, epci_id
       from json_to_recordset($1::json) as t(id text, level text, code text, name text, population int,
            postal_codes json, region_id text, departement_id text, epci_id text)
       on conflict (id) do update set name = excluded.name, population = excluded.population,
         postal_codes = excluded.postal_codes, region_id = excluded.region_id,
         departement_id = excluded.departement_id, epci_id = excluded.epci_id`,
      [JSON.stringify(rows.slice(i, i + chunk))],
    );
  }
  return rows.length;
}
