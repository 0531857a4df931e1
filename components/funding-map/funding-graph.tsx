"use client";

import { type KeyboardEvent, type PointerEvent, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { findInMap } from "@/lib/funding-map/find";
import { COLUMNS, layoutGraph, NODE_HEIGHT, neighboursOf } from "@/lib/funding-map/layout";
import type { FundingMapModel } from "@/lib/funding-map/model";
import { isMoveKey, nextNode } from "@/lib/funding-map/navigation";
import { centreOn, fitWidth, isOnScreen, panBy, type View, zoomAt } from "@/lib/funding-map/viewport";
import { EdgePath, GraphNodeView } from "./graph-nodes";
import { GraphLegend } from "./graph-legend";

const PAN_STEP = 80;
const ZOOM_STEP = 1.25;
const DRAG_THRESHOLD = 4;
const noSubscription = () => () => {};

/**
 * The interactive funding map: an SVG graph in columns with its own zoom (buttons, wheel, + and −),
 * pan (drag, Shift + arrows), search (highlights and centres) and keyboard navigation (one tab stop,
 * arrows between nodes, Enter opens the entity or expands a type). Funders are folded under their
 * type until asked. Drawn only in the browser: without JavaScript the nested lists below say the same.
 */
export function FundingGraph({ model, filterQuery }: { model: FundingMapModel; filterQuery: string }) {
  const id = useId();
  // False on the server and while hydrating, true in the browser: the graph is drawn only there.
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const layout = useMemo(() => layoutGraph(model, expanded, filterQuery), [model, expanded, filterQuery]);
  const byId = useMemo(() => new Map(layout.nodes.map((n) => [n.id, n])), [layout]);
  const [active, setActive] = useState<string>(() => layout.nodes[0]?.id ?? "");
  const [hot, setHot] = useState<string | null>(null);
  const [view, setView] = useState<View>({ x: 16, y: 16, k: 1 });
  const [smooth, setSmooth] = useState(false);
  const [screen, setScreen] = useState({ width: 800, height: 560 });
  const [query, setQuery] = useState("");
  const [matchIndex, setMatchIndex] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const requestFocus = (nodeId: string) => {
    pendingFocus.current = nodeId;
    setFocusTick((t) => t + 1);
  };
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean; pointer: number } | null>(null);
  const justDragged = useRef(false);

  const matches = useMemo(() => findInMap(model, query), [model, query]);
  // A type holding a folded match is marked too.
  const matched = useMemo(() => new Set(matches.flatMap((m) => (m.typeId ? [m.id, m.typeId] : [m.id]))), [matches]);
  const near = useMemo(() => (hot ? neighboursOf(layout, hot) : new Set<string>()), [layout, hot]);
  const activeId = byId.has(active) ? active : (layout.nodes[0]?.id ?? "");

  // The screen's size, and the first view: the whole width, the top of the graph.
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    let first = true;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const size = { width: entry.contentRect.width, height: entry.contentRect.height };
      setScreen(size);
      if (first) setView(fitWidth(layout, size));
      first = false;
    });
    observer.observe(el);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- measured once; the view then belongs to the person
  }, [mounted]);

  // The wheel zooms about the pointer (a non-passive listener, so that the page does not scroll).
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      setSmooth(false);
      setView((v) => zoomAt(v, Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [mounted]);

  // Focus the node asked for once the layout that shows it is drawn.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    svg.current?.querySelector<SVGElement>(`[data-node-id="${CSS.escape(target)}"]`)?.focus({ preventScroll: true });
  }, [layout, focusTick]);

  const goTo = (nodeId: string, nextExpanded: ReadonlySet<string> = expanded, focus = true) => {
    if (nextExpanded !== expanded) setExpanded(nextExpanded);
    const n = layoutGraph(model, nextExpanded, filterQuery).nodes.find((x) => x.id === nodeId);
    if (!n) return;
    setActive(nodeId);
    setHot(nodeId);
    if (focus) requestFocus(nodeId);
    const box = { x: n.x, y: n.y, width: n.width, height: NODE_HEIGHT };
    setView((v) => {
      if (isOnScreen(v, box, screen)) return v;
      setSmooth(true);
      return centreOn(v, n.x + n.width / 2, n.y + NODE_HEIGHT / 2, screen);
    });
  };

  const toggle = (typeId: string) => {
    const next = new Set(expanded);
    if (next.has(typeId)) next.delete(typeId);
    else next.add(typeId);
    goTo(typeId, next);
  };

  const zoomBy = (factor: number) => {
    setSmooth(true);
    setView((v) => zoomAt(v, factor, screen.width / 2, screen.height / 2));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const target = (e.target as Element).closest("[data-node-id]");
    const current = target?.getAttribute("data-node-id");
    if (!current) return;
    const node = byId.get(current);
    if (e.shiftKey && isMoveKey(e.key) && e.key.startsWith("Arrow")) {
      e.preventDefault();
      const d = { ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP], ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0] }[e.key as "ArrowUp"];
      setSmooth(true);
      setView((v) => panBy(v, d[0] as number, d[1] as number));
    } else if (isMoveKey(e.key)) {
      e.preventDefault();
      if (node?.kind === "type" && e.key === "ArrowRight" && !node.expanded) {
        const next = new Set(expanded).add(current);
        const to = nextNode(layoutGraph(model, next, filterQuery), current, "ArrowRight");
        goTo(to ?? current, next);
      } else if (node?.kind === "type" && e.key === "ArrowLeft" && node.expanded) {
        toggle(current);
      } else {
        const to = nextNode(layout, current, e.key);
        if (to) goTo(to);
      }
    } else if (node?.kind === "type" && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      toggle(current);
    } else if (e.key === "+" || e.key === "=") {
      zoomBy(ZOOM_STEP);
    } else if (e.key === "-") {
      zoomBy(1 / ZOOM_STEP);
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, view, moved: false, pointer: e.pointerId };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x, dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!d.moved) {
      d.moved = true;
      e.currentTarget.setPointerCapture(d.pointer);
    }
    setSmooth(false);
    setView(panBy(d.view, dx, dy));
  };
  const onPointerUp = () => {
    justDragged.current = Boolean(drag.current?.moved);
    drag.current = null;
  };

  const search = (text: string) => {
    setQuery(text);
    setMatchIndex(0);
    const first = findInMap(model, text)[0];
    if (first) showMatch(first.id, first.typeId, false);
  };
  const showMatch = (nodeId: string, typeId: string | null, focus: boolean) => {
    const next = typeId && !expanded.has(typeId) ? new Set(expanded).add(typeId) : expanded;
    if (next !== expanded) setExpanded(next);
    const n = layoutGraph(model, next, filterQuery).nodes.find((x) => x.id === nodeId);
    if (!n) return;
    setActive(nodeId);
    if (focus) requestFocus(nodeId);
    setSmooth(true);
    setView((v) => centreOn(v, n.x + n.width / 2, n.y + NODE_HEIGHT / 2, screen));
  };
  const nextMatch = (focus: boolean) => {
    if (matches.length === 0) return;
    const i = focus ? matchIndex % matches.length : (matchIndex + 1) % matches.length;
    const m = matches[i];
    if (!m) return;
    setMatchIndex(i);
    showMatch(m.id, m.typeId, focus);
  };

  if (!mounted) return null;
  const current = matches[matchIndex % Math.max(1, matches.length)];
  const button = "rounded border border-brand bg-white px-3 py-1.5 font-medium text-brand hover:bg-brand-light";
  return (
    <section aria-labelledby={`${id}-titre`} className="mt-6">
      <h2 id={`${id}-titre`} className="text-2xl font-bold">Carte interactive</h2>
      <p id={`${id}-aide`} className="mt-1 text-sm text-muted">
        Cliquez sur un type de financeur pour le déplier, sur un nom pour ouvrir sa fiche. Au clavier : Tab pour entrer dans
        la carte, flèches pour passer d&apos;un élément à l&apos;autre (→ vers ce qu&apos;il finance, ← vers qui le
        finance), Entrée pour ouvrir ou déplier, Maj + flèches pour déplacer la vue, + et − pour zoomer.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-chercher`} className="block font-semibold">Chercher dans la carte</label>
          <input id={`${id}-chercher`} type="search" value={query} autoComplete="off" aria-describedby={`${id}-trouves`}
            onChange={(e) => search(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                nextMatch(true);
              }
            }}
            className="mt-1 w-72 max-w-full rounded-t border-b-2 border-ink bg-surface px-3 py-2" />
        </div>
        <button type="button" className={button} onClick={() => nextMatch(false)} disabled={matches.length < 2}>Résultat suivant</button>
        <span className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoomer">+</button>
          <button type="button" className={button} onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label="Dézoomer">−</button>
          <button type="button" className={button} onClick={() => { setSmooth(true); setView(fitWidth(layout, screen)); }}>Vue d&apos;ensemble</button>
          <button type="button" className={button} onClick={() => setExpanded(new Set(model.types.map((t) => `type:${t.code}`)))}>Tout déplier</button>
          <button type="button" className={button} onClick={() => { setExpanded(new Set()); setActive(layout.nodes[0]?.id ?? ""); }}>Tout replier</button>
        </span>
      </div>
      <p id={`${id}-trouves`} aria-live="polite" className="mt-1 min-h-6 text-sm">
        {query.trim().length >= 2 && (matches.length === 0
          ? "Aucun élément de la carte ne porte ce nom."
          : `${matches.length} élément${matches.length > 1 ? "s" : ""} trouvé${matches.length > 1 ? "s" : ""}, surligné${matches.length > 1 ? "s" : ""} en jaune${current ? ` ; affiché : ${current.label}` : ""}. Entrée pour y aller.`)}
      </p>
      <div
        ref={viewport}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClickCapture={(e) => {
          if (justDragged.current) {
            e.preventDefault();
            e.stopPropagation();
            justDragged.current = false;
          }
        }}
        className="relative mt-2 h-[70vh] min-h-[26rem] touch-none overflow-hidden rounded-lg border border-line bg-surface select-none"
        data-testid="carte-interactive"
      >
        <svg ref={svg} width="100%" height="100%" aria-labelledby={`${id}-titre`} aria-describedby={`${id}-aide`} onKeyDown={onKeyDown}>
          <g
            data-view={`${Math.round(view.x)},${Math.round(view.y)},${view.k.toFixed(3)}`}
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.k})`, transformOrigin: "0 0" }}
            className={smooth ? "motion-safe:transition-transform motion-safe:duration-300" : undefined}
            onPointerOver={(e) => setHot((e.target as Element).closest("[data-node-id]")?.getAttribute("data-node-id") ?? hot)}
            onFocus={(e) => {
              const nodeId = (e.target as Element).closest("[data-node-id]")?.getAttribute("data-node-id");
              if (nodeId) { setActive(nodeId); setHot(nodeId); }
            }}
          >
            {COLUMNS.map((c) => (
              <text key={c.label} x={c.x} y={-10} fontSize={12} fontWeight={700} fill="#3a3a3a" aria-hidden="true">
                {c.label === COLUMNS[3].label ? "" : c.label}
              </text>
            ))}
            {layout.groups.map((g) => (
              <text key={g.label} x={COLUMNS[3].x} y={g.y} fontSize={12} fontWeight={700} fill="#3a3a3a" aria-hidden="true">{g.label}</text>
            ))}
            <g aria-hidden="true">
              {layout.edges.map((e) => (
                <EdgePath key={`${e.from}|${e.to}`} edge={e} nodes={byId} hot={hot !== null && (e.from === hot || e.to === hot)} />
              ))}
            </g>
            {layout.nodes.map((n) => (
              <GraphNodeView key={n.id} node={n} tabbable={n.id === activeId} matched={matched.has(n.id)} near={near.has(n.id) || n.id === hot} onToggle={toggle} />
            ))}
          </g>
        </svg>
      </div>
      <GraphLegend />
    </section>
  );
}
