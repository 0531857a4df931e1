import {
  type BeneficiaryCode,
  beneficiaries as beneficiaryCodes,
  type FinancedCode,
  financedItems,
  type FunderTypeCode,
  funderTypes,
} from "../codes";
import type { CalendarStatus } from "../programmes/calendar-status";

/**
 * The funding map's content, one tree: funder type → funder → programme, each programme with what it
 * finances and who may apply. The nested lists of /cartographie and the interactive graph are both
 * drawn from it, so their counts cannot differ. Plain data: it crosses to the client component.
 */

export interface MapProgramme {
  slug: string;
  title: string;
  status: CalendarStatus;
  financed: FinancedCode[];
  beneficiaries: BeneficiaryCode[];
}

export interface MapFunder {
  slug: string;
  name: string;
  programmes: MapProgramme[];
}

export interface MapFunderType {
  code: FunderTypeCode;
  label: string;
  funders: MapFunder[];
  programmeCount: number;
}

export interface MapCode<C extends string> {
  code: C;
  label: string;
  /** How many programmes of the map finance it / are open to it. */
  count: number;
}

export interface FundingMapModel {
  types: MapFunderType[];
  financed: MapCode<FinancedCode>[];
  beneficiaries: MapCode<BeneficiaryCode>[];
  totals: { types: number; funders: number; programmes: number };
}

/** One programme as the search gives it, with who may apply. */
export interface MapProgrammeInput extends MapProgramme {
  funder: { slug: string; name: string; type: FunderTypeCode };
}

const byFrench = (a: string, b: string) => a.localeCompare(b, "fr", { sensitivity: "base" });

/**
 * Groups programmes under their funder and funder type: types in the order of the codes, funders and
 * programmes alphabetically; codes in the order of the codes, those no programme has left out.
 */
export function buildFundingMapModel(programmes: MapProgrammeInput[]): FundingMapModel {
  const funders = new Map<string, MapFunder & { type: FunderTypeCode }>();
  for (const p of programmes) {
    let funder = funders.get(p.funder.slug);
    if (!funder) {
      funder = { slug: p.funder.slug, name: p.funder.name, type: p.funder.type, programmes: [] };
      funders.set(p.funder.slug, funder);
    }
    funder.programmes.push({ slug: p.slug, title: p.title, status: p.status, financed: p.financed, beneficiaries: p.beneficiaries });
  }
  const types: MapFunderType[] = [];
  for (const code of funderTypes.codes) {
    const of = [...funders.values()].filter((f) => f.type === code).sort((a, b) => byFrench(a.name, b.name));
    if (of.length === 0) continue;
    const list = of.map(({ slug, name, programmes: ps }) => ({ slug, name, programmes: [...ps].sort((a, b) => byFrench(a.title, b.title)) }));
    types.push({ code, label: funderTypes.labels[code], funders: list, programmeCount: list.reduce((s, f) => s + f.programmes.length, 0) });
  }
  const count = <C extends string>(codes: readonly C[], labels: Record<C, string>, of: (p: MapProgramme) => readonly string[]) =>
    codes
      .map((code) => ({ code, label: labels[code], count: programmes.filter((p) => of(p).includes(code)).length }))
      .filter((c) => c.count > 0);
  return {
    types,
    financed: count(financedItems.codes, financedItems.labels, (p) => p.financed),
    beneficiaries: count(beneficiaryCodes.codes, beneficiaryCodes.labels, (p) => p.beneficiaries),
    totals: { types: types.length, funders: funders.size, programmes: programmes.length },
  };
}
