import type { GraphLayout, GraphNode } from "./layout";

/**
 * Moving between the graph's nodes with the keyboard (one tab stop, the arrows inside):
 * ↑ ↓ the node above or below in the same column, Home / End the first or last of the column,
 * → the first node it leads to in the next column (a type's first funder, a funder's first programme,
 * a programme's first code), ← where it comes from (a programme's funder, a funder's type, for a code
 * the nearest node linked to it). A collapsed type has no funder to go to: the caller expands it first.
 */
export type MoveKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End";

export const isMoveKey = (key: string): key is MoveKey =>
  key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight" || key === "Home" || key === "End";

export function nextNode(layout: GraphLayout, currentId: string, key: MoveKey): string | null {
  const current = layout.nodes.find((n) => n.id === currentId);
  if (!current) return layout.nodes[0]?.id ?? null;
  // layout.nodes is sorted by column, then top to bottom.
  const column = layout.nodes.filter((n) => n.column === current.column);
  const index = column.indexOf(current);
  switch (key) {
    case "ArrowUp":
      return column[index - 1]?.id ?? null;
    case "ArrowDown":
      return column[index + 1]?.id ?? null;
    case "Home":
      return column[0]?.id ?? null;
    case "End":
      return column[column.length - 1]?.id ?? null;
    case "ArrowRight": {
      const targets = new Set(layout.edges.filter((e) => e.from === current.id).map((e) => e.to));
      const next = layout.nodes.filter((n) => n.column === current.column + 1 && targets.has(n.id));
      return next[0]?.id ?? null;
    }
    case "ArrowLeft": {
      if (current.parent) return current.parent;
      const sources = new Set(layout.edges.filter((e) => e.to === current.id).map((e) => e.from));
      const previous = layout.nodes.filter((n) => n.column < current.column && sources.has(n.id));
      return nearest(previous, current)?.id ?? null;
    }
  }
}

/** Of these nodes, the one closest in height to `to` (the first one on a tie). */
function nearest(nodes: GraphNode[], to: GraphNode): GraphNode | undefined {
  let best: GraphNode | undefined;
  for (const n of nodes) if (!best || Math.abs(n.y - to.y) < Math.abs(best.y - to.y)) best = n;
  return best;
}
