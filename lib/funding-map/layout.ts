import type { CalendarStatus } from "../programmes/calendar-status";
import type { FundingMapModel } from "./model";

/**
 * The graph of the funding map laid out in four columns: funder types | funders | programmes |
 * what is financed, then who may apply (two groups, one column, so that no link crosses a column of
 * nodes). A type's funders and programmes are shown only when the type is expanded; a collapsed
 * type links straight to the codes its programmes have. Each node sits at the centre of the rows of
 * what it contains, so a funder faces its programmes and a type its funders.
 */

export type NodeKind = "type" | "funder" | "programme" | "financed" | "beneficiary";

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Where a click leads: the entity's page, the search for a code; null for a type (it expands). */
  href: string | null;
  column: 0 | 1 | 2 | 3;
  x: number;
  y: number;
  width: number;
  /** Programmes below or linked to this node. */
  count: number;
  /** Funders below a type. */
  funderCount?: number;
  status?: CalendarStatus;
  /** The node one column to the left that contains it (funder → type, programme → funder). */
  parent: string | null;
  /** For a type: whether its funders are shown. */
  expanded?: boolean;
  /** The type it belongs to (types, funders, programmes). */
  type?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  /** Where the two groups of the last column begin (their headings). */
  groups: { label: string; y: number }[];
}

export const ROW = 40;
export const NODE_HEIGHT = 30;
const GROUP_GAP = 56;
export const COLUMNS = [
  { x: 0, width: 230, label: "Types de financeurs" },
  { x: 290, width: 250, label: "Financeurs" },
  { x: 600, width: 320, label: "Programmes" },
  { x: 1030, width: 240, label: "Ce qui est financé · Qui peut candidater" },
] as const;

export const nodeId = {
  type: (code: string) => `type:${code}`,
  funder: (slug: string) => `funder:${slug}`,
  programme: (slug: string) => `programme:${slug}`,
  financed: (code: string) => `financed:${code}`,
  beneficiary: (code: string) => `beneficiary:${code}`,
};

/**
 * `filterQuery`: the map's filters as a query string without « ? » (territory, status, beneficiary),
 * kept by the links of codes to the search so that the search shows what the map counted.
 */
export function layoutGraph(model: FundingMapModel, expanded: ReadonlySet<string>, filterQuery = ""): GraphLayout {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const codeEdges = new Set<string>();
  const linkCodes = (from: string, p: { financed: readonly string[]; beneficiaries: readonly string[] }) => {
    for (const c of p.financed) codeEdges.add(`${from}|${nodeId.financed(c)}`);
    for (const c of p.beneficiaries) codeEdges.add(`${from}|${nodeId.beneficiary(c)}`);
  };
  const at = (column: 0 | 1 | 2 | 3, row: number) => ({ column, x: COLUMNS[column].x, width: COLUMNS[column].width, y: row * ROW });

  let row = 0;
  for (const type of model.types) {
    const id = nodeId.type(type.code);
    const open = expanded.has(id);
    const first = row;
    if (open) {
      for (const funder of type.funders) {
        const fid = nodeId.funder(funder.slug);
        const funderFirst = row;
        for (const p of funder.programmes) {
          const pid = nodeId.programme(p.slug);
          nodes.push({
            id: pid, kind: "programme", label: p.title, href: `/financements/${p.slug}`, ...at(2, row),
            count: 1, status: p.status, parent: fid, type: id,
          });
          edges.push({ from: fid, to: pid });
          linkCodes(pid, p);
          row += 1;
        }
        if (funder.programmes.length === 0) row += 1;
        nodes.push({
          id: fid, kind: "funder", label: funder.name, href: `/financeurs/${funder.slug}`, ...at(1, (funderFirst + row - 1) / 2),
          count: funder.programmes.length, parent: id, type: id,
        });
        edges.push({ from: id, to: fid });
      }
    } else {
      for (const funder of type.funders) for (const p of funder.programmes) linkCodes(id, p);
      row += 1;
    }
    nodes.push({
      id, kind: "type", label: type.label, href: null, ...at(0, (first + Math.max(row, first + 1) - 1) / 2),
      count: type.programmeCount, funderCount: type.funders.length, parent: null, expanded: open, type: id,
    });
  }
  const leftRows = row;

  // The last column: what is financed, then who may apply, centred on the rows at the left.
  const codeRows = model.financed.length + model.beneficiaries.length;
  const codesHeight = codeRows * ROW + GROUP_GAP * 2;
  const top = Math.max(0, (leftRows * ROW - codesHeight) / 2);
  const query = filterQuery ? `&${filterQuery}` : "";
  const rest = filterQuery.split("&").filter((kv) => kv && !kv.startsWith("beneficiary=")).join("&");
  const otherThanBeneficiary = rest ? `&${rest}` : "";
  const groups: GraphLayout["groups"] = [];
  let y = top + GROUP_GAP;
  groups.push({ label: "Ce qui est financé", y: y - 20 });
  for (const c of model.financed) {
    nodes.push({
      id: nodeId.financed(c.code), kind: "financed", label: c.label, href: `/financements?finances=${c.code}${query}`,
      column: 3, x: COLUMNS[3].x, width: COLUMNS[3].width, y, count: c.count, parent: null,
    });
    y += ROW;
  }
  y += GROUP_GAP;
  groups.push({ label: "Qui peut candidater", y: y - 20 });
  for (const c of model.beneficiaries) {
    // The search of this beneficiary, the map's other filters kept (its beneficiaries would widen it: « or »).
    const href = `/financements?beneficiary=${c.code}${otherThanBeneficiary}`;
    nodes.push({
      id: nodeId.beneficiary(c.code), kind: "beneficiary", label: c.label, href,
      column: 3, x: COLUMNS[3].x, width: COLUMNS[3].width, y, count: c.count, parent: null,
    });
    y += ROW;
  }
  for (const key of codeEdges) {
    const [from, to] = key.split("|") as [string, string];
    edges.push({ from, to });
  }
  // Types, funders and programmes were pushed children first; list them top to bottom per column.
  nodes.sort((a, b) => a.column - b.column || a.y - b.y);
  return {
    nodes,
    edges,
    width: COLUMNS[3].x + COLUMNS[3].width,
    height: Math.max(leftRows * ROW, y) + NODE_HEIGHT,
    groups,
  };
}

/** The nodes linked to a node (both ways): what to highlight around the focused one. */
export function neighboursOf(layout: GraphLayout, id: string): Set<string> {
  const out = new Set<string>();
  for (const e of layout.edges) {
    if (e.from === id) out.add(e.to);
    else if (e.to === id) out.add(e.from);
  }
  return out;
}
