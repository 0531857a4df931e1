/**
 * Synthetic programmes for the benchmark (`npm run bench`), in a database already prepared by
 * lib/db/prepare.ts (real territories, researched catalogue). Deterministic: the same seed and size
 * give the same catalogue (ids included), on either engine.
 *
 * Realism: French titles, summaries and descriptions composed from fragments of the field
 * (bench/text.ts); funders drawn from the seeded ones plus synthetic local ones (Région, Département,
 * CAF, préfecture, EPCI, Ville, CCAS, bank foundations…) tied to the territory they fund; coverage
 * ~20 % national, the rest on real territories of every level weighted by population; dates spread
 * over closed, open, closing-soon, upcoming and permanent calls; amounts, enum arrays, co-funders,
 * rounds and sources. Every programme is published.
 *
 * Speed: rows go in batches through json_to_recordset, one transaction per batch, through the
 * tables' triggers (search vector, lexicon), as production inserts do.
 *
 * CLI: `npx tsx bench/generate.ts --count 10000 [--seed 1] [--batch 1000] [--refresh-words]`
 * against DATABASE_URL or PGLITE_DATA_DIR (the database is prepared first if it needs it).
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { SqlRunner } from "../lib/db/connect";
import { Random, WeightedList } from "./random";
import {
  AID_NOUNS, type AidKind, BANK_FOUNDATIONS, type Beneficiary, brand, CLOSERS, COMPANY_NAMES, CONTEXTS, ELIGIBILITY,
  euros, EXPENSES, expandEpciName, type Financed, FOUNDATION_NAMES, frenchDate, FUND_NAMES, inPlace, LIST_ITEMS,
  NATIONAL_COVERAGE, ofPlace, PARTNERS, PUBLICS, slugify, type Theme, THEMES, VERBS, withArticle,
} from "./text";

export interface GenerateOptions {
  count: number;
  seed?: number;
  batchSize?: number;
  /** Calendar reference: dates are drawn around it (default: today, midnight UTC). */
  now?: Date;
  /**
   * Rebuild the typo lexicon at the end, as the seed does (refresh_search_words()). Off by default:
   * the insert triggers already put every word in it (with frequency 1, as production's do between seeds).
   */
  refreshWords?: boolean;
  log?: (line: string) => void;
}

export interface GenerateReport {
  programmes: number;
  fundersCreated: number;
  coverageRows: number;
  coFunderRows: number;
  insertSeconds: number;
  refreshWordsSeconds: number | null;
  words: number;
}

type Level = "region" | "departement" | "epci" | "commune";

interface Territory {
  id: string;
  level: Level;
  name: string;
  population: number;
  regionId: string | null;
  departementId: string | null;
  epciId: string | null;
  tncc: number | undefined;
}

interface Funder {
  id: string;
  slug: string;
  name: string;
  type: string;
  territoryId: string | null;
}

const FINANCED: Financed[] = ["postes-mediateurs", "formation-aidants", "equipement", "ingenierie", "fonctionnement", "investissement", "pass-numerique", "connexion", "autre"];
const BENEFICIARIES: Beneficiary[] = ["association", "commune", "epci", "departement", "region", "etablissement-public", "entreprise-ess", "tiers-lieu", "france-services", "particulier", "autre"];
const DAY = 86_400_000;

/** COG « type de nom en clair » of every place, to write « du Finistère », « de l'Ain », « au Mans ». */
function loadTncc(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const load = (file: string) =>
    require(`@etalab/decoupage-administratif/data/${file}.json`) as { code: string; typeLiaison?: number; type?: string }[];
  const map = new Map<string, number>();
  for (const r of load("regions")) if (r.typeLiaison !== undefined) map.set(`region:${r.code}`, r.typeLiaison);
  for (const d of load("departements")) if (d.typeLiaison !== undefined) map.set(`departement:${d.code}`, d.typeLiaison);
  for (const c of load("communes")) if (c.type === "commune-actuelle" && c.typeLiaison !== undefined) map.set(`commune:${c.code}`, c.typeLiaison);
  return map;
}

async function loadTerritories(sql: SqlRunner): Promise<Territory[]> {
  const tncc = loadTncc();
  const rows = await sql.query<{
    id: string; level: Level; name: string; population: number | null;
    region_id: string | null; departement_id: string | null; epci_id: string | null;
  }>(`select id, level::text as level, name, population, region_id, departement_id, epci_id from territory order by id`);
  if (rows.length === 0) throw new Error("La base n'a pas de territoires : préparez-la d'abord (lib/db/prepare.ts).");
  return rows.map((t) => ({
    id: t.id, level: t.level, name: t.name, population: t.population ?? 0,
    regionId: t.region_id, departementId: t.departement_id, epciId: t.epci_id, tncc: tncc.get(t.id),
  }));
}

/** National funders of the seed and how often they fund a synthetic national programme. */
const NATIONAL_WEIGHTS: Record<string, number> = {
  etat: 4, anct: 4, "banque-des-territoires": 3, "fnadt-fonds-national-france-services": 1, caf: 1.5, msa: 1,
  carsat: 1, "la-poste-fonds-postal": 1, "feder-react-eu": 1, "fondation-afnic": 1, "fondation-free": 1,
  "fondation-sfr": 1, "fondation-orange": 1, "fondation-bouygues-telecom": 0.7, "fondation-de-france": 1.5,
  "google-org": 0.3, orange: 0.3, "assurance-maladie": 0.5, "agirc-arrco": 0.5, anah: 0.3, "mutualite-francaise": 0.3,
  diair: 0.3, ars: 0.5,
};

export async function generateProgrammes(sql: SqlRunner, options: GenerateOptions): Promise<GenerateReport> {
  const { count, seed = 20261123, batchSize = 1000, refreshWords = false, log = () => undefined } = options;
  const today = options.now ?? new Date();
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const territories = await loadTerritories(sql);
  const byId = new Map(territories.map((t) => [t.id, t]));
  const ofLevel = (level: Level) => territories.filter((t) => t.level === level);
  // Communes and EPCIs weighted by population; régions and départements by the square root of theirs
  // (the big ones fund more, but every département has a programme or two).
  const draw: Record<Level, WeightedList<Territory>> = {
    region: new WeightedList(ofLevel("region").filter((t) => t.population > 0), (t) => Math.sqrt(t.population)),
    departement: new WeightedList(ofLevel("departement"), (t) => Math.sqrt(t.population || 50_000)),
    epci: new WeightedList(ofLevel("epci"), (t) => t.population || 1000),
    commune: new WeightedList(ofLevel("commune"), (t) => t.population || 10),
  };
  const children = new Map<string, Territory[]>();
  const addChild = (parent: string | null, t: Territory) => {
    if (!parent) return;
    const list = children.get(`${parent}>${t.level}`) ?? [];
    list.push(t);
    children.set(`${parent}>${t.level}`, list);
  };
  for (const t of territories) {
    if (t.level === "departement") addChild(t.regionId, t);
    if (t.level === "epci" || t.level === "commune") addChild(t.departementId, t);
  }
  const siblings = (t: Territory): Territory[] => {
    const parent = t.level === "departement" || t.level === "region" ? t.regionId : t.departementId;
    if (t.level === "region") return ofLevel("region").filter((x) => x.population > 0);
    return children.get(`${parent}>${t.level}`) ?? [t];
  };

  // Funders: the seeded ones, and local ones created on first use.
  const seeded = await sql.query<{ id: string; slug: string; name: string; type: string; territory_id: string | null }>(
    `select id::text as id, slug, name, type::text as type, territory_id from funder order by slug`,
  );

  // The generator runs twice with the same seed: a first pass only collects the funders it creates,
  // which are inserted before any programme (as in production: the funder exists first; and each
  // funder insert's trigger then scans a small table); the second pass yields the same programmes.
  const makeGenerator = () => {
    const r = new Random(seed);
    const ids = new Random(seed ^ 0x5bd1e995);
    const funders = new Map<string, Funder>(seeded.map((f) => [f.slug, { id: f.id, slug: f.slug, name: f.name, type: f.type, territoryId: f.territory_id }]));
    const nationalSeeded = new WeightedList(
      seeded.filter((f) => NATIONAL_WEIGHTS[f.slug] !== undefined).map((f) => funders.get(f.slug) as Funder),
      (f) => NATIONAL_WEIGHTS[f.slug] ?? 0,
    );
    const slugs = new Set(funders.keys());
    const localFunders = new Map<string, Funder>();
    for (const f of funders.values()) {
      if (!f.territoryId) continue;
      const level = f.territoryId.split(":")[0];
      const kind = f.type === "region" && level === "region" ? "council" : f.type === "departement" && level === "departement" ? "council"
        : f.type === "commune-epci" ? "council" : f.type === "etat" ? "state" : f.type === "fondation-privee" ? "bank" : null;
      if (kind) localFunders.set(`${kind}:${f.territoryId}`, f);
    }
    let pendingFunders: (Funder & { description: string })[] = [];
    const createFunder = (key: string, name: string, type: string, territoryId: string | null, description: string): Funder => {
      const known = localFunders.get(key);
      if (known) return known;
      let slug = slugify(name).slice(0, 90).replace(/-+$/, "");
      for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name).slice(0, 86)}-${n}`;
      slugs.add(slug);
      const f = { id: ids.uuid(), slug, name, type, territoryId };
      localFunders.set(key, f);
      pendingFunders.push({ ...f, description });
      return f;
    };

    const localFunder = (t: Territory): Funder => {
      const of = ofPlace(t.name, t.tncc);
      switch (t.level) {
        case "region": {
          const kind = r.weighted({ council: 55, state: 15, bank: 15, ars: 5 });
          if (kind === "council") return createFunder(`council:${t.id}`, `Région ${t.name}`, "region", t.id, `Conseil régional ${of}.`);
          if (kind === "state") return createFunder(`state:${t.id}`, `Services de l'État ${inPlace("region", t.name, t.tncc)}`, "etat", t.id, `Préfecture de région et services déconcentrés de l'État ${inPlace("region", t.name, t.tncc)}.`);
          if (kind === "ars") return createFunder(`ars:${t.id}`, `Agence régionale de santé ${t.name}`, "operateur-public", t.id, `Agence régionale de santé ${of}.`);
          const bank = BANK_FOUNDATIONS[Math.abs(hash(t.id)) % BANK_FOUNDATIONS.length] as string;
          return createFunder(`bank:${t.id}`, `${bank} ${t.name}`, "fondation-privee", t.id, `Fondation d'entreprise d'une banque régionale ${inPlace("region", t.name, t.tncc)}.`);
        }
        case "departement": {
          const kind = r.weighted({ council: 50, caf: 15, state: 10, conference: 12, bank: 5 });
          if (kind === "council") return createFunder(`council:${t.id}`, `Département ${of}`, "departement", t.id, `Conseil départemental ${of}.`);
          if (kind === "caf") return createFunder(`caf:${t.id}`, `Caisse d'allocations familiales ${of}`, "operateur-public", t.id, `CAF ${of}, action sociale et fonds locaux.`);
          if (kind === "state") return createFunder(`state:${t.id}`, `Préfecture ${of}`, "etat", t.id, `Services de l'État ${inPlace("departement", t.name, t.tncc)}.`);
          if (kind === "conference") return createFunder(`conference:${t.id}`, `Conférence des financeurs ${of}`, "departement", t.id, `Conférence des financeurs de la prévention de la perte d'autonomie ${of}.`);
          const region = t.regionId ? byId.get(t.regionId) : undefined;
          return region ? localFunderOfKind(region, "bank") : createFunder(`caf:${t.id}`, `Caisse d'allocations familiales ${of}`, "operateur-public", t.id, `CAF ${of}.`);
        }
        case "epci":
          return createFunder(`council:${t.id}`, expandEpciName(t.name), "commune-epci", t.id, `Établissement public de coopération intercommunale.`);
        case "commune": {
          const kind = r.weighted({ council: 65, ccas: 20, epci: 15 });
          const epci = t.epciId ? byId.get(t.epciId) : undefined;
          if (kind === "epci" && epci) return createFunder(`council:${epci.id}`, expandEpciName(epci.name), "commune-epci", epci.id, `Établissement public de coopération intercommunale.`);
          if (kind === "ccas") return createFunder(`ccas:${t.id}`, `CCAS ${of}`, "commune-epci", t.id, `Centre communal d'action sociale ${of}.`);
          return createFunder(`council:${t.id}`, `Ville ${of}`, "commune-epci", t.id, `Commune ${of}.`);
        }
      }
    };
    const localFunderOfKind = (t: Territory, kind: "bank"): Funder => {
      const bank = BANK_FOUNDATIONS[Math.abs(hash(t.id)) % BANK_FOUNDATIONS.length] as string;
      return createFunder(`${kind}:${t.id}`, `${bank} ${t.name}`, "fondation-privee", t.id, `Fondation d'entreprise d'une banque régionale.`);
    };
    const nationalFunder = (): Funder => {
      if (r.chance(0.75)) return nationalSeeded.draw(r);
      if (r.chance(0.7)) {
        const name = r.pick(FOUNDATION_NAMES);
        return createFunder(`national:${name}`, name, "fondation-privee", null, `Fondation soutenant des projets de solidarité numérique.`);
      }
      const name = r.pick(COMPANY_NAMES);
      return createFunder(`national:${name}`, name, "entreprise", null, `Entreprise mécène de projets d'inclusion numérique.`);
    };
    const parentOf = (t: Territory): Territory | undefined => {
      const id = t.level === "commune" ? (t.epciId ?? t.departementId) : t.level === "epci" || t.level === "departement" ? (t.level === "epci" ? t.departementId : t.regionId) : null;
      return id ? byId.get(id) : undefined;
    };

    // ---------------------------------------------------------------------------------------------

    function programme(i: number) {
      const id = ids.uuid();
      const national = r.chance(0.2);
      let coverage: Territory[] = [];
      let funder: Funder;
      let main: Territory | undefined;
      if (national) {
        funder = nationalFunder();
      } else {
        const level = r.weighted<Level>({ region: 12, departement: 38, epci: 25, commune: 25 });
        main = draw[level].draw(r);
        coverage = [main];
        if (r.chance(0.15)) {
          for (const extra of r.sample(siblings(main), r.int(1, 3))) if (!coverage.includes(extra)) coverage.push(extra);
        }
        // The funder is the territory's own body most of the time, else one of a containing territory, else a national one.
        const up = parentOf(main);
        const who = r.weighted({ own: 70, parent: up ? 12 : 0, national: 18 });
        funder = who === "own" ? localFunder(main) : who === "parent" && up ? localFunder(up) : nationalFunder();
      }

      const theme = r.pick(THEMES);
      const other = r.pick(THEMES);
      const drawn = r.weighted<AidKind>({
        "appel-a-projets": 50, subvention: 18, "appel-a-manifestation-d-interet": 8, "accompagnement-ingenierie": 7,
        autre: 4, "cheque-pass": 3, prix: 3, pret: 2, "avance-remboursable": 1,
      });
      const primary = theme.aidKinds && r.chance(0.7) ? (theme.aidKinds[0] as AidKind) : drawn;
      const aidKinds = unique<AidKind>([
        primary,
        ...(primary === "appel-a-projets" || primary === "appel-a-manifestation-d-interet" ? (r.chance(0.55) ? ["subvention" as const] : []) : []),
        ...(r.chance(0.08) ? ["accompagnement-ingenierie" as const] : []),
      ]);
      const financed = unique<Financed>([...r.sample(theme.financed, r.int(1, theme.financed.length)), ...(r.chance(0.3) ? [r.pick(FINANCED)] : [])]);
      const beneficiaries = unique<Beneficiary>([
        ...r.sample(theme.beneficiaries, r.int(1, theme.beneficiaries.length)),
        ...(r.chance(0.4) ? r.sample(BENEFICIARIES, r.int(1, 2)) : []),
      ]);

      // Calendar: where the call stands today.
      const status = r.weighted({ closed: 35, open: 27, soon: 6, upcoming: 10, permanent: 15, undated: 7 });
      let opensAt: number | null = null;
      let closesAt: number | null = null;
      let isClosed = false;
      let recurrence: string | null = r.weighted({ ponctuel: 50, annuel: 35, none: 15 });
      if (recurrence === "none") recurrence = null;
      switch (status) {
        case "closed":
          closesAt = now - r.int(1, 1500) * DAY;
          opensAt = r.chance(0.8) ? closesAt - r.int(30, 180) * DAY : null;
          if (r.chance(0.08)) { isClosed = true; closesAt = r.chance(0.5) ? null : closesAt; }
          break;
        case "open":
          opensAt = r.chance(0.85) ? now - r.int(1, 200) * DAY : null;
          closesAt = now + r.int(31, 300) * DAY;
          break;
        case "soon":
          opensAt = r.chance(0.85) ? now - r.int(20, 150) * DAY : null;
          closesAt = now + r.int(1, 30) * DAY;
          break;
        case "upcoming":
          opensAt = now + r.int(5, 120) * DAY;
          closesAt = r.chance(0.85) ? opensAt + r.int(30, 150) * DAY : null;
          break;
        case "permanent":
          recurrence = "permanent";
          opensAt = r.chance(0.6) ? now - r.int(30, 2500) * DAY : null;
          break;
        case "undated":
          break;
      }
      if (closesAt !== null) closesAt += 22 * 3_600_000 - 1; // end of the day, Paris time (roughly)
      const year = new Date(closesAt ?? opensAt ?? now).getUTCFullYear();

      // Amounts.
      let amountMax: number | null = null;
      let amountMin: number | null = null;
      let amountTotal: number | null = null;
      let fundingRateMax: number | null = null;
      if (r.chance(0.65)) {
        amountMax = nice(primary === "cheque-pass" ? r.logUniform(50, 5_000) : r.logUniform(1_000, 300_000));
        if (r.chance(0.3)) amountMin = nice(amountMax * (0.1 + r.next() * 0.4));
      }
      if (r.chance(0.35)) amountTotal = nice(r.logUniform(20_000, national ? 50_000_000 : 2_000_000));
      if (r.chance(0.25)) fundingRateMax = r.pick([50, 60, 70, 80, 100]);

      const where = main ? inPlace(main.level, main.name, main.tncc) : "";
      const placeShort = main ? (main.level === "epci" ? expandEpciName(main.name) : main.name) : null;
      const title = makeTitle(theme, primary, year, funder, placeShort, main?.level ?? null);
      const slug = `${slugify(title).slice(0, 80).replace(/-+$/, "")}-n${i.toString(36)}`;

      const funderLevel = funder.territoryId ? (funder.territoryId.split(":")[0] as Level) : null;
      const kindPhrase = KIND_PHRASES[primary]
        + (primary === "appel-a-projets" && funderLevel ? ` ${LEVEL_ADJECTIVE[funderLevel]}` : primary === "appel-a-projets" && national && r.chance(0.5) ? " national" : "");
      const summary = `${kindPhrase} ${r.pick(VERBS)} ${theme.object}${r.chance(0.6) ? ` ${r.pick(PUBLICS)}` : ""}${where ? ` ${where}` : ""}.`
        + (r.chance(0.35) ? ` ${r.pick(CONTEXTS)}` : "");

      // About the length of the researched descriptions (300 to 700 characters).
      const sentences: string[] = r.chance(0.6) ? [r.pick(CONTEXTS)] : [];
      sentences.push(`${cap(kindPhrase)} porté par ${withArticle(funder.name)}, il finance ${theme.object}${other !== theme && r.chance(0.4) ? ` et ${other.object}` : ""}${r.chance(0.5) ? ` ${r.pick(PUBLICS)}` : ""}${where ? ` ${where}` : ""}.`);
      sentences.push(`Sont éligibles ${r.sample(EXPENSES, r.int(1, 3)).join(", ")}.`);
      if (amountMax !== null) {
        sentences.push(`L'aide peut atteindre ${euros(amountMax)} par projet${fundingRateMax ? `, dans la limite de ${fundingRateMax} % des dépenses éligibles` : ""}.`);
      } else if (amountTotal !== null) {
        sentences.push(`L'enveloppe globale s'élève à ${euros(amountTotal)}.`);
      }
      let description = sentences.join(" ");
      if (r.chance(0.15)) description += `\n\nActions attendues :\n\n${r.sample(LIST_ITEMS, r.int(2, 4)).map((x) => `- ${x}`).join("\n")}`;
      const tail: string[] = [];
      if (main && r.chance(0.25)) {
        const near = r.sample(children.get(`${main.level === "commune" || main.level === "epci" ? main.departementId : main.level === "departement" ? main.id : null}>commune`) ?? [], 3);
        if (near.length >= 2) tail.push(`Des structures de ${near.slice(0, -1).map((t) => t.name).join(", ")} et ${near.at(-1)?.name} en ont déjà bénéficié.`);
      }
      if (r.chance(0.3)) tail.push(`Les projets sont sélectionnés par un comité réunissant ${r.pick(PARTNERS)}.`);
      if (r.chance(0.4)) tail.push(r.pick(CLOSERS));
      if (closesAt !== null && status !== "closed") tail.push(`Les dossiers sont à déposer avant le ${frenchDate(new Date(closesAt))}.`);
      else if (status === "permanent") tail.push("Les candidatures sont reçues au fil de l'eau.");
      if (tail.length) description += `${description.includes("\n") ? "\n\n" : " "}${tail.join(" ")}`;

      const eligibility = r.sample(ELIGIBILITY, Number(r.weighted({ 0: 25, 1: 35, 2: 28, 3: 12 })));
      if (main && r.chance(0.5)) eligibility.push(`Porter un projet ${where}.`);

      const coFunders: string[] = [];
      if (r.chance(0.3)) {
        const n = r.chance(0.75) ? 1 : 2;
        for (let k = 0; k < n; k++) {
          const up = main ? parentOf(main) : undefined;
          const co = main && up && r.chance(0.5) ? localFunder(up) : main && r.chance(0.3) ? localFunder(main) : nationalSeeded.draw(r);
          if (co.id !== funder.id && !coFunders.includes(co.id)) coFunders.push(co.id);
        }
      }

      const coverageNote = national ? r.pick(NATIONAL_COVERAGE) : coverage.map((t) => (t.level === "departement" ? `${t.name} (${t.id.split(":")[1]})` : t.name)).join(", ");
      const amountNote = amountMax !== null
        ? (amountMin !== null ? `De ${euros(amountMin)} à ${euros(amountMax)} par projet.` : `Jusqu'à ${euros(amountMax)} par projet.`) + (amountTotal !== null ? ` Enveloppe totale : ${euros(amountTotal)}.` : "")
        : amountTotal !== null ? `Enveloppe totale de ${euros(amountTotal)}.` : r.chance(0.3) ? "Montant non communiqué." : null;
      const calendarNote = status === "permanent" ? "Dépôt au fil de l'eau."
        : closesAt !== null ? `${opensAt !== null ? `Ouverture le ${frenchDate(new Date(opensAt))} ; c` : "C"}lôture le ${frenchDate(new Date(closesAt))}.`
        : opensAt !== null ? `Ouverture le ${frenchDate(new Date(opensAt))}.` : r.chance(0.5) ? "Calendrier non communiqué." : null;

      const publishedAt = now - r.int(0, 1000) * DAY - r.int(0, 86_399) * 1000;
      const updatedAt = Math.min(now, publishedAt + r.int(0, 200) * DAY);
      const rounds: object[] = [];
      if (status !== "permanent" && status !== "undated" && closesAt !== null && r.chance(0.1)) {
        const n = r.int(2, 3);
        for (let k = 0; k < n; k++) {
          const close = closesAt - (n - 1 - k) * r.int(60, 120) * DAY;
          rounds.push({ id: ids.uuid(), programme_id: id, label: `Vague ${k + 1}`, opens_at: null, closes_at: new Date(close).toISOString() });
        }
      }
      const sources = Array.from({ length: r.int(1, 3) }, (_, k) => ({
        id: ids.uuid(), programme_id: id, position: k,
        url: `https://www.${funder.slug.slice(0, 40)}.example/actualites/${slug.slice(0, 60)}${k ? `-${k}` : ""}`,
        title: k === 0 ? `${funder.name} – ${title}` : null,
      }));

      return {
        row: {
          id, slug, title, summary, description,
          funder_id: funder.id,
          funder_note: r.chance(0.25) ? `${funder.name}${r.chance(0.5) ? ` (mise en œuvre : ${r.pick(["ANCT", "hub territorial", "Banque des Territoires", "service départemental", "association porteuse"])})` : ""}` : null,
          aid_kinds: aidKinds, financed, beneficiaries, eligibility,
          is_national: national,
          coverage_note: coverageNote,
          amount_total: amountTotal, amount_min: amountMin, amount_max: amountMax, funding_rate_max: fundingRateMax,
          amount_note: amountNote,
          opens_at: opensAt === null ? null : new Date(opensAt).toISOString(),
          closes_at: closesAt === null ? null : new Date(closesAt).toISOString(),
          recurrence, calendar_note: calendarNote, is_closed: isClosed,
          application_url: r.chance(0.7) ? `https://aides.${funder.slug.slice(0, 40)}.example/candidater/${i.toString(36)}` : null,
          contact: r.chance(0.3) ? `inclusion-numerique@${funder.slug.slice(0, 40)}.example` : null,
          confidence: r.weighted({ high: 50, medium: 35, low: 15 }),
          last_verified_at: new Date(now - r.int(0, 400) * DAY).toISOString(),
          published_at: new Date(publishedAt).toISOString(),
          updated_at: new Date(updatedAt).toISOString(),
        },
        coverage: coverage.map((t) => t.id),
        coFunders,
        rounds,
        sources,
      };
    }

    function makeTitle(theme: Theme, primary: AidKind, year: number, funder: Funder, place: string | null, level: Level | null): string {
      const suffix = place ? ` – ${place}` : "";
      const call = primary === "appel-a-projets" || primary === "appel-a-manifestation-d-interet";
      switch (r.weighted({ call: call ? 55 : 0, fund: 10, funder: 12, brand: 12, aid: 6, label: 5 })) {
        case "call":
          return primary === "appel-a-manifestation-d-interet"
            ? `${r.chance(0.5) ? "AMI" : "Appel à manifestation d'intérêt"} « ${theme.title} »${r.chance(0.5) ? ` ${year}` : ""}${suffix}`
            : `Appel à projets ${r.chance(0.5) ? `${year} ` : ""}« ${theme.title} »${suffix}`;
        case "fund":
          return `${r.pick(FUND_NAMES).replace("%s", level ? LEVEL_ADJECTIVE_FUND[level] : "national")}${suffix}`;
        case "funder":
          return `${funder.name} – ${lower(theme.title)}`;
        case "brand":
          return `${r.pick(["Dispositif", "Programme", "Pass", "Chèque", "Plan"])} « ${brand(r)} »${r.chance(0.5) ? ` – ${lower(theme.title)}` : suffix}`;
        case "aid":
          return `${r.pick(AID_NOUNS)}${suffix}`;
        default:
          return `Label « ${brand(r)} » – ${lower(theme.title)}${suffix}`;
      }
    }

    const takeFunders = () => {
      const out = pendingFunders;
      pendingFunders = [];
      return out;
    };
    return { programme, takeFunders };
  };

  // Pass 1: the funders.
  const started = performance.now();
  const first = makeGenerator();
  for (let i = 0; i < count; i++) first.programme(i);
  const allFunders = first.takeFunders();
  for (let k = 0; k < allFunders.length; k += 2000) {
    await sql.query(
      `insert into funder (id, slug, name, type, description, territory_id, updated_at)
       select f.id, f.slug, f.name, f.type::"FunderType", f.description, f."territoryId", now()
         from json_to_recordset($1::json) as f(id uuid, slug text, name text, type text, description text, "territoryId" text)`,
      [JSON.stringify(allFunders.slice(k, k + 2000))],
    );
  }
  const fundersCreated = allFunders.length;
  log(`${fundersCreated} financeurs créés (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // Pass 2: the programmes.
  const { programme } = makeGenerator();
  let coverageRows = 0;
  let coFunderRows = 0;
  const timings = new Map<string, number>();
  let next = 0;
  let done = 0;
  const nextBatch = () => {
    if (next >= count) return null;
    const batch = { programmes: [] as object[], coverage: [] as object[], coFunders: [] as object[], rounds: [] as object[], sources: [] as object[] };
    for (const end = Math.min(count, next + batchSize); next < end; next++) {
      const p = programme(next);
      batch.programmes.push(p.row);
      for (const territoryId of p.coverage) batch.coverage.push({ programme_id: p.row.id, territory_id: territoryId });
      for (const funderId of p.coFunders) batch.coFunders.push({ programme_id: p.row.id, funder_id: funderId });
      batch.rounds.push(...p.rounds);
      batch.sources.push(...p.sources);
    }
    return batch;
  };
  type Batch = NonNullable<ReturnType<typeof nextBatch>>;
  const insertBatch = (batch: Batch) =>
    sql.transaction(async (raw) => {
      const tx = timed(raw, timings);
      await tx.query(INSERT_PROGRAMMES, [JSON.stringify(batch.programmes)]);
      if (batch.coverage.length) {
        await tx.query(
          `insert into programme_territory (programme_id, territory_id)
           select c.programme_id, c.territory_id from json_to_recordset($1::json) as c(programme_id uuid, territory_id text)`,
          [JSON.stringify(batch.coverage)],
        );
      }
      if (batch.coFunders.length) {
        await tx.query(
          `insert into programme_co_funder (programme_id, funder_id)
           select c.programme_id, c.funder_id from json_to_recordset($1::json) as c(programme_id uuid, funder_id uuid)`,
          [JSON.stringify(batch.coFunders)],
        );
      }
      if (batch.rounds.length) {
        await tx.query(
          `insert into programme_round (id, programme_id, label, opens_at, closes_at)
           select x.id, x.programme_id, x.label, x.opens_at, x.closes_at
             from json_to_recordset($1::json) as x(id uuid, programme_id uuid, label text, opens_at timestamptz, closes_at timestamptz)`,
          [JSON.stringify(batch.rounds)],
        );
      }
      await tx.query(
        `insert into programme_source (id, programme_id, url, title, position)
         select x.id, x.programme_id, x.url, x.title, x.position
           from json_to_recordset($1::json) as x(id uuid, programme_id uuid, url text, title text, position int)`,
        [JSON.stringify(batch.sources)],
      );
    });
  // One batch at a time: two concurrent transactions inserting the same new words into the lexicon
  // (search_word, from the programme trigger) in different orders deadlock, and most batches bring
  // new place names; a server's second core is then no help.
  for (let batch = nextBatch(); batch; batch = nextBatch()) {
    await insertBatch(batch);
    coverageRows += batch.coverage.length;
    coFunderRows += batch.coFunders.length;
    done += batch.programmes.length;
    if (done === count || Math.floor(done / batchSize) % 10 === 0) {
      log(`${done} / ${count} programmes (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  const insertSeconds = (performance.now() - started) / 1000;
  log(`Temps cumulé par table : ${[...timings].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}`);

  let refreshWordsSeconds: number | null = null;
  if (refreshWords) {
    const t0 = performance.now();
    await sql.query("select refresh_search_words()");
    refreshWordsSeconds = (performance.now() - t0) / 1000;
    log(`Lexique recalculé (refresh_search_words) en ${refreshWordsSeconds.toFixed(1)} s`);
  }
  const [{ words }] = (await sql.query<{ words: number }>("select count(*)::int as words from search_word")) as [{ words: number }];
  return { programmes: count, fundersCreated, coverageRows, coFunderRows, insertSeconds, refreshWordsSeconds, words };
}

/** Adds each statement's time to `timings`, under the table it inserts into. */
function timed(sql: SqlRunner, timings: Map<string, number>): SqlRunner {
  return {
    ...sql,
    async query<T>(text: string, params?: unknown[]) {
      const t0 = performance.now();
      try {
        return await sql.query<T>(text, params);
      } finally {
        const table = /insert into (\w+)/.exec(text)?.[1] ?? "other";
        timings.set(table, (timings.get(table) ?? 0) + performance.now() - t0);
      }
    },
  };
}

const KIND_PHRASES: Record<AidKind, string> = {
  "appel-a-projets": "Appel à projets",
  "appel-a-manifestation-d-interet": "Appel à manifestation d'intérêt",
  subvention: "Subvention",
  pret: "Prêt à taux zéro",
  "avance-remboursable": "Avance remboursable",
  prix: "Concours",
  "accompagnement-ingenierie": "Accompagnement en ingénierie",
  "cheque-pass": "Dispositif de chèques numériques",
  autre: "Dispositif",
};
const LEVEL_ADJECTIVE: Record<Level, string> = { region: "régional", departement: "départemental", epci: "intercommunal", commune: "communal" };
const LEVEL_ADJECTIVE_FUND: Record<Level, string> = { region: "régional", departement: "départemental", epci: "intercommunal", commune: "local" };
const lower = (s: string) => (/^[A-ZÉ][a-zéèêàç]/.test(s) && !/^(France|Feuille de route France)/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const unique = <T>(values: T[]) => [...new Set(values)];
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
/** Rounds to what a funder would write: 2 significant digits (1 500, 25 000, 120 000). */
function nice(n: number): number {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.max(10, Math.round(n / p) * p);
}

const INSERT_PROGRAMMES = `
insert into programme (id, slug, title, summary, description, funder_id, funder_note, aid_kinds, financed, beneficiaries,
  eligibility, is_national, coverage_note, amount_total, amount_min, amount_max, funding_rate_max, amount_note,
  opens_at, closes_at, recurrence, calendar_note, is_closed, application_url, contact, confidence, last_verified_at,
  status, published_at, created_at, updated_at)
select p.id, p.slug, p.title, p.summary, p.description, p.funder_id, p.funder_note,
       array(select json_array_elements_text(p.aid_kinds))::"AidKind"[],
       array(select json_array_elements_text(p.financed))::"FinancedItem"[],
       array(select json_array_elements_text(p.beneficiaries))::"Beneficiary"[],
       array(select json_array_elements_text(p.eligibility)),
       p.is_national, p.coverage_note, p.amount_total, p.amount_min, p.amount_max, p.funding_rate_max, p.amount_note,
       p.opens_at, p.closes_at, p.recurrence::"Recurrence", p.calendar_note, p.is_closed, p.application_url, p.contact,
       p.confidence::"Confidence", p.last_verified_at, 'published', p.published_at, p.published_at, p.updated_at
  from json_to_recordset($1::json) as p(id uuid, slug text, title text, summary text, description text, funder_id uuid,
       funder_note text, aid_kinds json, financed json, beneficiaries json, eligibility json, is_national boolean,
       coverage_note text, amount_total numeric, amount_min numeric, amount_max numeric, funding_rate_max numeric,
       amount_note text, opens_at timestamptz, closes_at timestamptz, recurrence text, calendar_note text,
       is_closed boolean, application_url text, contact text, confidence text, last_verified_at timestamptz,
       published_at timestamptz, updated_at timestamptz)`;

// CLI ---------------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = Number(value("--count") ?? 1000);
  const { readDbConfig } = await import("../lib/db/config");
  const { openDatabase } = await import("../lib/db/connect");
  const { prepareDatabase } = await import("../lib/db/prepare");
  const db = await openDatabase(readDbConfig());
  try {
    console.log(`Base : ${db.description}`);
    await prepareDatabase(db, { log: (l) => console.log(`  ${l}`) });
    const report = await generateProgrammes(db.sql, {
      count,
      seed: value("--seed") ? Number(value("--seed")) : undefined,
      batchSize: value("--batch") ? Number(value("--batch")) : undefined,
      refreshWords: args.includes("--refresh-words"),
      log: (l) => console.log(`  ${l}`),
    });
    await db.sql.exec("vacuum analyze");
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
