/**
 * Zoomed out, xyflow gets no edges (FlowCanvas) and every wire is drawn here instead: one <svg> with a
 * <path> per look (data, then, else, carried, selected), each holding all its wires. xyflow draws
 * each edge in its own <svg> (and its label in another element); with 2,330 of them Chromium
 * re-layerises thousands of pieces on every pan frame. Strokes keep their width on screen
 * (non-scaling), so the wires still read at fit view. Wires here take no clicks; zoomed in they
 * are xyflow's again.
 */
import { EdgeLabelRenderer, getBezierPath, Position, useStore, useStoreApi, type InternalNode, type ReactFlowState } from "@xyflow/react";
import { useMemo } from "react";
import { EDGE_COLORS } from "./lib/edge-style.ts";
import type { CanvasEdge } from "./lib/to-flow.ts";

type Look = "data" | "then" | "else" | "carried" | "selected";
const LOOKS: readonly Look[] = ["data", "then", "else", "carried", "selected"];
const STROKE: Record<Look, { stroke: string; width: number; dash?: string }> = {
  data: { stroke: "var(--xy-edge-stroke, var(--xy-edge-stroke-default))", width: 1 },
  then: { stroke: EDGE_COLORS.then, width: 1.5 },
  else: { stroke: EDGE_COLORS.else, width: 1.5, dash: "4 3" },
  carried: { stroke: "var(--color-emerald-500)", width: 2 },
  selected: { stroke: "var(--xy-edge-stroke-selected, var(--xy-edge-stroke-selected-default))", width: 2 },
};

function lookOf(edge: CanvasEdge): Look {
  if (edge.selected) return "selected";
  const c = edge.className ?? "";
  if (c.includes("fb-edge-carried")) return "carried";
  if (c.includes("fb-edge-then")) return "then";
  if (c.includes("fb-edge-else")) return "else";
  return "data";
}

/**
 * Where a wire meets a handle, as xyflow computes it (getHandlePosition): the handle's outer edge,
 * centred. The handle boxes are the ones the node was given (lib/geometry.ts): far out a node draws
 * no handles, so what xyflow measured there is empty.
 */
function anchor(node: InternalNode, type: "source" | "target", handleId: string | null | undefined): { x: number; y: number; position: Position } | null {
  const given = node.internals.userNode.handles;
  const bounds = given ? given.filter((h) => h.type === type) : node.internals.handleBounds?.[type];
  if (!bounds?.length) return null;
  const h = (handleId ? bounds.find((b) => b.id === handleId) : bounds[0]) ?? null;
  if (!h) return null;
  const x = h.x + node.internals.positionAbsolute.x;
  const y = h.y + node.internals.positionAbsolute.y;
  const width = h.width ?? 1;
  const height = h.height ?? 1;
  switch (h.position) {
    case Position.Top:
      return { x: x + width / 2, y, position: h.position };
    case Position.Bottom:
      return { x: x + width / 2, y: y + height, position: h.position };
    case Position.Right:
      return { x: x + width, y: y + height / 2, position: h.position };
    default:
      return { x, y: y + height / 2, position: Position.Left };
  }
}

const nodesOf = (s: ReactFlowState) => s.nodes;

export function WireOverview({ edges }: { edges: readonly CanvasEdge[] }) {
  const store = useStoreApi();
  // The user nodes change when a node moves or is measured (its size comes back as a new node):
  // then the anchors are read again from xyflow's lookup.
  const nodes = useStore(nodesOf);
  const paths = useMemo(() => {
    void nodes;
    const lookup = store.getState().nodeLookup;
    const out: Record<Look, string[]> = { data: [], then: [], else: [], carried: [], selected: [] };
    for (const e of edges) {
      const source = lookup.get(e.source);
      const target = lookup.get(e.target);
      if (!source || !target) continue;
      const from = anchor(source, "source", e.sourceHandle);
      const to = anchor(target, "target", e.targetHandle);
      if (!from || !to) continue;
      const [d] = getBezierPath({ sourceX: from.x, sourceY: from.y, sourcePosition: from.position, targetX: to.x, targetY: to.y, targetPosition: to.position });
      out[lookOf(e)].push(d);
    }
    return out;
  }, [edges, nodes, store]);
  return (
    <EdgeLabelRenderer>
      <svg className="pointer-events-none absolute left-0 top-0 overflow-visible" width={1} height={1} data-testid="wire-overview" aria-hidden>
        {LOOKS.map((look) =>
          paths[look].length ? (
            <path
              key={look}
              d={paths[look].join("")}
              fill="none"
              style={{ stroke: STROKE[look].stroke, strokeWidth: STROKE[look].width, strokeDasharray: STROKE[look].dash }}
              vectorEffect="non-scaling-stroke"
            />
          ) : null,
        )}
      </svg>
    </EdgeLabelRenderer>
  );
}
