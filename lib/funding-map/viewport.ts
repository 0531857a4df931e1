/**
 * The graph's view: a translation then a scale (screen = graph × k + (x, y)). Pure functions, so that
 * zooming about a point, centring a node and fitting the graph are tested without a browser.
 */
export interface View {
  x: number;
  y: number;
  k: number;
}

export const MIN_SCALE = 0.3;
export const MAX_SCALE = 2.5;

const clampScale = (k: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));

/** Zoom by `factor` keeping the screen point (px, py) over the same graph point. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const k = clampScale(view.k * factor);
  const ratio = k / view.k;
  return { k, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

export const panBy = (view: View, dx: number, dy: number): View => ({ ...view, x: view.x + dx, y: view.y + dy });

/** The view that puts the graph point (gx, gy) in the middle of a screen of this size, at the same scale. */
export function centreOn(view: View, gx: number, gy: number, screen: { width: number; height: number }): View {
  return { k: view.k, x: screen.width / 2 - gx * view.k, y: screen.height / 2 - gy * view.k };
}

/** Whether the graph box (x, y, w, h) is wholly on screen, with a margin. */
export function isOnScreen(view: View, box: { x: number; y: number; width: number; height: number }, screen: { width: number; height: number }, margin = 16): boolean {
  const left = box.x * view.k + view.x;
  const top = box.y * view.k + view.y;
  return left >= margin && top >= margin && left + box.width * view.k <= screen.width - margin && top + box.height * view.k <= screen.height - margin;
}

/**
 * The view showing the whole graph width (not below a readable scale), its top at the top (room for the
 * columns' headings):
 * a tall graph is then scrolled (panned) downwards rather than shrunk to unreadable text.
 */
export function fitWidth(graph: { width: number; height: number }, screen: { width: number }, padding = 16, minReadable = 0.75): View {
  const k = clampScale(Math.max(minReadable, Math.min(1, (screen.width - 2 * padding) / graph.width)));
  const contentWidth = graph.width * k;
  return { k, x: Math.max(padding, (screen.width - contentWidth) / 2), y: padding + 24 * k };
}
