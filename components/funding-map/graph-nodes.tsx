import { calendarStatusLabels } from "@/lib/programmes/calendar-status";
import { type GraphEdge, type GraphNode, NODE_HEIGHT } from "@/lib/funding-map/layout";
import { plural } from "@/lib/format";

/** Fill and text colour of each kind of node (contrast 4.5:1 or more for the text). */
export const KIND_STYLES: Record<GraphNode["kind"], { fill: string; stroke: string; text: string; name: string }> = {
  type: { fill: "#000091", stroke: "#000091", text: "#ffffff", name: "Type de financeur" },
  funder: { fill: "#e3e3fd", stroke: "#6a6af4", text: "#161616", name: "Financeur" },
  programme: { fill: "#ffffff", stroke: "#3a3a3a", text: "#161616", name: "Programme" },
  financed: { fill: "#dff5e6", stroke: "#18753c", text: "#161616", name: "Ce qui est financé" },
  beneficiary: { fill: "#fdf1dc", stroke: "#b34000", text: "#161616", name: "Qui peut candidater" },
};

/** The status's colour on a programme's left edge. */
export const STATUS_COLOURS: Record<string, string> = {
  open: "#18753c",
  "closing-soon": "#b34000",
  upcoming: "#000091",
  permanent: "#18753c",
  closed: "#929292",
};

const CHAR_WIDTH = 7.2;

/** What a screen reader says on the node. */
export function describeNode(n: GraphNode): string {
  switch (n.kind) {
    case "type":
      // The visible text (name, then the programme count) comes first and in order: axe's label-content-name-mismatch.
      return `Type de financeur : ${n.label}, ${plural(n.count, "programme", "programmes")}, ${plural(n.funderCount ?? 0, "financeur", "financeurs")}`;
    case "funder":
      return `Financeur : ${n.label}, ${plural(n.count, "programme", "programmes")}`;
    case "programme":
      return `Programme : ${n.label}, ${n.status ? calendarStatusLabels[n.status] : ""}`;
    case "financed":
      return `Finance : ${n.label}, ${plural(n.count, "programme", "programmes")}`;
    case "beneficiary":
      return `Peut candidater : ${n.label}, ${plural(n.count, "programme", "programmes")}`;
  }
}

export function EdgePath({ edge, nodes, hot }: { edge: GraphEdge; nodes: Map<string, GraphNode>; hot: boolean }) {
  const a = nodes.get(edge.from);
  const b = nodes.get(edge.to);
  if (!a || !b) return null;
  const x1 = a.x + a.width, y1 = a.y + NODE_HEIGHT / 2, x2 = b.x, y2 = b.y + NODE_HEIGHT / 2;
  const mid = (x1 + x2) / 2;
  return (
    <path
      d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
      fill="none"
      stroke={hot ? "#000091" : "#9a9a9a"}
      strokeOpacity={hot ? 0.9 : 0.3}
      strokeWidth={hot ? 2 : 1}
    />
  );
}

interface NodeProps {
  node: GraphNode;
  tabbable: boolean;
  matched: boolean;
  near: boolean;
  onToggle: (id: string) => void;
}

/** A node: a link to the entity's page (an SVG <a>, so Enter and a click open it), or a type's expand button. */
export function GraphNodeView({ node: n, tabbable, matched, near, onToggle }: NodeProps) {
  const style = KIND_STYLES[n.kind];
  const right = n.kind === "programme" ? (n.status ? calendarStatusLabels[n.status] : "") : String(n.count);
  // The whole name is written (a screen reader's name and the visible text agree), cut by a clip path.
  const rightEnd = n.width - (n.kind === "type" ? 22 : 8);
  const labelWidth = rightEnd - 20 - right.length * CHAR_WIDTH;
  const clipId = `clip-${n.id.replace(/[^a-z0-9-]/gi, "_")}`;
  const body = (
    <>
      <rect x={-4} y={-4} width={n.width + 8} height={NODE_HEIGHT + 8} rx={7} fill="none" stroke="#161616" strokeWidth={3}
        className="opacity-0 group-focus-visible:opacity-100" />
      <rect width={n.width} height={NODE_HEIGHT} rx={5}
        fill={matched ? "#fff2a8" : style.fill} stroke={matched ? "#161616" : style.stroke} strokeWidth={matched || near ? 2.5 : 1} />
      {n.kind === "programme" && n.status && <rect width={5} height={NODE_HEIGHT} rx={2} fill={STATUS_COLOURS[n.status]} />}
      <clipPath id={clipId}><rect x={8} width={labelWidth} height={NODE_HEIGHT} /></clipPath>
      <text x={10} y={19.5} fontSize={13} fill={matched ? "#161616" : style.text} fontWeight={n.kind === "type" ? 700 : 400} clipPath={`url(#${clipId})`}>
        {/* The space keeps the name and the count apart in the text read out (« État 2 », not « État2 »). */}
        {`${n.label} `}
      </text>
      <text x={rightEnd} y={19.5} fontSize={12} textAnchor="end" fill={matched ? "#161616" : style.text}>{right}</text>
      {n.kind === "type" && (
        <path d={n.expanded ? `M${n.width - 18},12 l10,0 l-5,7 z` : `M${n.width - 16},10 l7,5 l-7,5 z`} fill={matched ? "#161616" : style.text} />
      )}
      <title>{n.label}</title>
    </>
  );
  const common = {
    "data-node-id": n.id,
    "data-kind": n.kind,
    "data-match": matched ? "true" : undefined,
    tabIndex: tabbable ? 0 : -1,
    transform: `translate(${n.x},${n.y})`,
    className: "group cursor-pointer",
    // The ring drawn around the box replaces the page's focus outline (that would frame the clipped name's full width).
    style: { outline: "none" },
    "aria-label": describeNode(n),
  };
  if (n.href === null) {
    return (
      <g {...common} role="button" aria-expanded={Boolean(n.expanded)} onClick={() => onToggle(n.id)}>
        {body}
      </g>
    );
  }
  return <a href={n.href} {...common}>{body}</a>;
}
