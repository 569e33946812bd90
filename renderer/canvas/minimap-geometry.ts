/**
 * The minimap's geometry: what part of the flow it shows and where the view is in it, as React
 * Flow's own MiniMap computes them (same formulas, so it looks the same). Pure, for the canvas's
 * Minimap component and its tests.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The minimap's size on screen, in CSS pixels (React Flow's default). */
export const MINIMAP_SIZE = { width: 200, height: 150 } as const;

/** The part of the flow the canvas shows, in flow coordinates, from React Flow's transform [x, y, zoom]. */
export function viewRect(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** The smallest rectangle holding all of `rects`. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export interface MinimapGeometry {
  /** The SVG viewBox: the nodes and the view, centred, with a margin. */
  viewBox: string;
  /** Flow units per minimap pixel (React Flow's minimap panning needs it). */
  viewScale: number;
  /** The shade outside the view: the whole box minus the view (even-odd fill). */
  maskPath: string;
}

export function minimapGeometry(nodes: Rect | null, view: Rect, size: { width: number; height: number } = MINIMAP_SIZE, offsetScale = 5): MinimapGeometry {
  const shown = nodes ? boundsOf([nodes, view])! : view;
  const viewScale = Math.max(shown.width / size.width, shown.height / size.height);
  const viewWidth = viewScale * size.width;
  const viewHeight = viewScale * size.height;
  const offset = offsetScale * viewScale;
  const x = shown.x - (viewWidth - shown.width) / 2 - offset;
  const y = shown.y - (viewHeight - shown.height) / 2 - offset;
  const width = viewWidth + offset * 2;
  const height = viewHeight + offset * 2;
  return {
    viewBox: `${x} ${y} ${width} ${height}`,
    viewScale,
    maskPath: `M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`,
  };
}
