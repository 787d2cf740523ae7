/**
 * The canvas's minimap, in place of xyflow's <MiniMap>. That one renders a component and an <rect>
 * per node, about half a second of a 1,000-node flow's first render, and sums every node's bounds
 * on each pan frame. Here the nodes are drawn on a <canvas>, one fill per kind colour, and only the
 * view's mask is SVG: a pan that moves the mask, or grows the area shown, redraws a 200 × 150
 * bitmap instead of repainting and rasterising 1,000 shapes. Dragging or wheeling on it pans and
 * zooms the canvas through xyflow's own XYMinimap, so it behaves as xyflow's does.
 */
import { Panel, useStore, useStoreApi, type ReactFlowState, type Rect } from "@xyflow/react";
import { getBoundsOfRects, XYMinimap, type XYMinimapInstance } from "@xyflow/system";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import type { NodeKind } from "../../shared/graph/model.ts";
import { KINDS } from "./kinds/registry.ts";
import { boundsOf } from "./lib/opening-view.ts";
import type { CanvasNode } from "./lib/to-flow.ts";

const WIDTH = 200;
const HEIGHT = 150;
/** Margin round the drawn area, in minimap pixels. */
const MARGIN = 5;

interface View {
  rect: Rect;
  flowWidth: number;
  flowHeight: number;
}

const viewOf = (s: ReactFlowState): View => {
  const [tx, ty, zoom] = s.transform;
  return { rect: { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom }, flowWidth: s.width, flowHeight: s.height };
};
const sameView = (a: View, b: View) =>
  a.rect.x === b.rect.x && a.rect.y === b.rect.y && a.rect.width === b.rect.width && a.rect.height === b.rect.height && a.flowWidth === b.flowWidth && a.flowHeight === b.flowHeight;
const panZoomOf = (s: ReactFlowState) => s.panZoom;
const extentOf = (s: ReactFlowState) => s.translateExtent;

type Boxes = { colour: string; rects: number[] }[];

/** The nodes' boxes grouped by kind colour: x, y, w, h in turn. */
function boxesOf(nodes: readonly CanvasNode[]): Boxes {
  const byColour = new Map<string, number[]>();
  for (const n of nodes) {
    if (n.hidden) continue;
    const colour = KINDS[n.type.slice(3) as NodeKind]?.accent ?? "#888";
    let rects = byColour.get(colour);
    if (!rects) byColour.set(colour, (rects = []));
    rects.push(n.position.x, n.position.y, n.width ?? 0, n.height ?? 0);
  }
  return [...byColour].map(([colour, rects]) => ({ colour, rects }));
}

/** Draws the boxes as the mask's SVG shows its viewBox: scaled to fit, centred (preserveAspectRatio's default). */
function paint(canvas: HTMLCanvasElement, boxes: Boxes, view: Rect): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== WIDTH * ratio) canvas.width = WIDTH * ratio;
  if (canvas.height !== HEIGHT * ratio) canvas.height = HEIGHT * ratio;
  const k = Math.min(WIDTH / view.width, HEIGHT / view.height) * ratio;
  const dx = (WIDTH * ratio - view.width * k) / 2 - view.x * k;
  const dy = (HEIGHT * ratio - view.height * k) / 2 - view.y * k;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(k, 0, 0, k, dx, dy);
  for (const { colour, rects } of boxes) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (let i = 0; i < rects.length; i += 4) ctx.rect(rects[i]!, rects[i + 1]!, rects[i + 2]!, rects[i + 3]!);
    ctx.fill();
  }
}

export function OverviewMap({ nodes, className = "" }: { nodes: readonly CanvasNode[]; className?: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const minimap = useRef<XYMinimapInstance | null>(null);
  const drawn = useMemo(() => ({ boxes: boxesOf(nodes), bounds: boundsOf(nodes) }), [nodes]);
  const view = useStore(viewOf, sameView);
  const panZoom = useStore(panZoomOf);
  const translateExtent = useStore(extentOf);

  // What the minimap shows: the nodes and the view, scaled to fit its box, centred.
  const shown = drawn.bounds ? getBoundsOfRects(drawn.bounds, view.rect) : view.rect;
  const scale = Math.max(shown.width / WIDTH, shown.height / HEIGHT) || 1;
  const margin = MARGIN * scale;
  const x = shown.x - (WIDTH * scale - shown.width) / 2 - margin;
  const y = shown.y - (HEIGHT * scale - shown.height) / 2 - margin;
  const width = WIDTH * scale + 2 * margin;
  const height = HEIGHT * scale + 2 * margin;
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  useLayoutEffect(() => {
    if (canvas.current) paint(canvas.current, drawn.boxes, { x, y, width, height });
  }, [drawn, x, y, width, height]);

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const instance = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => scaleRef.current });
    minimap.current = instance;
    return () => {
      instance.destroy();
      minimap.current = null;
    };
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({ translateExtent, width: view.flowWidth, height: view.flowHeight, pannable: true, zoomable: true, zoomStep: 1 });
  }, [panZoom, translateExtent, view.flowWidth, view.flowHeight]);

  const v = view.rect;
  return (
    <Panel position="bottom-right" className={`react-flow__minimap ${className}`} data-testid="rf__minimap">
      <div className="relative" style={{ width: WIDTH, height: HEIGHT }}>
        <canvas ref={canvas} className="absolute inset-0" style={{ width: WIDTH, height: HEIGHT }} data-testid="minimap-boxes" aria-hidden />
        <svg ref={svg} width={WIDTH} height={HEIGHT} viewBox={`${x} ${y} ${width} ${height}`} className="react-flow__minimap-svg relative" role="img" aria-label="Mini map">
          <path
            className="react-flow__minimap-mask"
            d={`M${x - margin},${y - margin}h${width + 2 * margin}v${height + 2 * margin}h${-width - 2 * margin}z M${v.x},${v.y}h${v.width}v${v.height}h${-v.width}z`}
            fillRule="evenodd"
            pointerEvents="none"
          />
        </svg>
      </div>
    </Panel>
  );
}
