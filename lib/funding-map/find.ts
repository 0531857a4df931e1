import type { FundingMapModel } from "./model";
import { nodeId } from "./layout";

/** Lower case, without accents or punctuation: « Région Bretagne » and « region bretagne » are one. */
export const foldText = (s: string) =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

export interface MapMatch {
  id: string;
  label: string;
  /** The type to expand for the node to be shown (funders and programmes). */
  typeId: string | null;
}

/**
 * The entities whose name contains every word typed (folded), in the graph's order: types,
 * funders, programmes, then codes. Fewer than 2 characters find nothing.
 */
export function findInMap(model: FundingMapModel, query: string): MapMatch[] {
  const words = foldText(query).split(" ").filter(Boolean);
  if (words.join("").length < 2) return [];
  const hit = (label: string) => {
    const folded = foldText(label);
    return words.every((w) => folded.includes(w));
  };
  const types: MapMatch[] = [];
  const funders: MapMatch[] = [];
  const programmes: MapMatch[] = [];
  for (const type of model.types) {
    const typeId = nodeId.type(type.code);
    if (hit(type.label)) types.push({ id: typeId, label: type.label, typeId: null });
    for (const f of type.funders) {
      if (hit(f.name)) funders.push({ id: nodeId.funder(f.slug), label: f.name, typeId });
      for (const p of f.programmes) if (hit(p.title)) programmes.push({ id: nodeId.programme(p.slug), label: p.title, typeId });
    }
  }
  const codes = [
    ...model.financed.filter((c) => hit(c.label)).map((c) => ({ id: nodeId.financed(c.code), label: c.label, typeId: null })),
    ...model.beneficiaries.filter((c) => hit(c.label)).map((c) => ({ id: nodeId.beneficiary(c.code), label: c.label, typeId: null })),
  ];
  return [...types, ...funders, ...programmes, ...codes];
}
