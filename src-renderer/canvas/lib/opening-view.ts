/**
 * The viewport a flow opens at: fitted, as xyflow's fitView would fit it, but known before the
 * first render. Opening at any other zoom renders the nodes once at that zoom and again after
 * the fit (for a 1,000-node flow, half of them and then all of them).
 */
import { getViewportForBounds, type Rect, type Viewport } from "@xyflow/react";
import type { CanvasNode } from "./to-flow.ts";

export const FIT_PADDING = 0.15;
export const FIT_MAX_ZOOM = 1;
export const MIN_ZOOM = 0.05;

export function boundsOf(nodes: readonly CanvasNode[]): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    if (n.hidden) continue;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.width ?? 0));
    y1 = Math.max(y1, n.position.y + (n.height ?? 0));
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The fitted viewport for a pane of `width` × `height`; zoom 1 at the origin for an empty flow or an unsized pane. */
export function openingViewport(nodes: readonly CanvasNode[], width: number, height: number): Viewport {
  const bounds = boundsOf(nodes);
  if (!bounds || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT_MAX_ZOOM, FIT_PADDING);
}
