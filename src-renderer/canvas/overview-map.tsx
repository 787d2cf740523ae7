/**
 * The canvas's minimap, in place of xyflow's <MiniMap>. That one renders a component and an <rect>
 * per node, about half a second of a 1,000-node flow's first render, and sums every node's bounds
 * on each pan frame. Here the nodes are one <path> per kind colour, built when the nodes change,
 * and a pan only moves the view's rectangle. Dragging or wheeling on it pans and zooms the canvas
 * through xyflow's own XYMinimap, so it behaves as xyflow's does.
 */
import { Panel, useStore, useStoreApi, type ReactFlowState, type Rect } from "@xyflow/react";
import { XYMinimap, type XYMinimapInstance } from "@xyflow/system";
import { useEffect, useMemo, useRef } from "react";
import type { NodeKind } from "../../shared/graph/model.ts";
import { KINDS } from "./kinds/registry.ts";
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

function union(a: Rect | null, b: Rect): Rect {
  if (!a) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The nodes' boxes as one path per kind colour, and their bounds. */
function drawNodes(nodes: readonly CanvasNode[]): { paths: [string, string][]; bounds: Rect | null } {
  const byColour = new Map<string, string[]>();
  let bounds: Rect | null = null;
  for (const n of nodes) {
    if (n.hidden) continue;
    const w = n.width ?? 0;
    const h = n.height ?? 0;
    const colour = KINDS[n.type.slice(3) as NodeKind]?.accent ?? "#888";
    let list = byColour.get(colour);
    if (!list) byColour.set(colour, (list = []));
    list.push(`M${n.position.x} ${n.position.y}h${w}v${h}h${-w}z`);
    bounds = union(bounds, { x: n.position.x, y: n.position.y, width: w, height: h });
  }
  return { paths: [...byColour].map(([colour, list]) => [colour, list.join("")]), bounds };
}

export function OverviewMap({ nodes, className = "" }: { nodes: readonly CanvasNode[]; className?: string }) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);
  const minimap = useRef<XYMinimapInstance | null>(null);
  const drawn = useMemo(() => drawNodes(nodes), [nodes]);
  const view = useStore(viewOf, sameView);
  const panZoom = useStore(panZoomOf);
  const translateExtent = useStore(extentOf);

  // What the minimap shows: the nodes and the view, scaled to fit its box, centred.
  const shown = union(drawn.bounds, view.rect);
  const scale = Math.max(shown.width / WIDTH, shown.height / HEIGHT) || 1;
  const margin = MARGIN * scale;
  const x = shown.x - (WIDTH * scale - shown.width) / 2 - margin;
  const y = shown.y - (HEIGHT * scale - shown.height) / 2 - margin;
  const width = WIDTH * scale + 2 * margin;
  const height = HEIGHT * scale + 2 * margin;
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

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
      <svg ref={svg} width={WIDTH} height={HEIGHT} viewBox={`${x} ${y} ${width} ${height}`} className="react-flow__minimap-svg" role="img" aria-label="Mini map">
        {drawn.paths.map(([colour, d]) => (
          <path key={colour} d={d} fill={colour} />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - margin},${y - margin}h${width + 2 * margin}v${height + 2 * margin}h${-width - 2 * margin}z M${v.x},${v.y}h${v.width}v${v.height}h${-v.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
