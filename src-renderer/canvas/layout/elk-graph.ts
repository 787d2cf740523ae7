/** Graph → ELK's input (layered, left to right, one port per wired handle) and ELK's answer → positions. */
import type { ElkNode } from "elkjs/lib/elk-api";
import type { FlowGraph } from "../../../shared/graph/model.ts";
import { edgeId, isControlEdge } from "../../../shared/graph/model.ts";
import { CONTROL_HANDLE, OUT_HANDLE } from "../lib/ports.ts";

export type Size = { width: number; height: number };
export const DEFAULT_SIZE: Size = { width: 240, height: 96 };
/** Matches the canvas's snap grid, so laid-out nodes stay on it. */
export const LAYOUT_GRID = 20;

export const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.spacing.nodeNodeBetweenLayers": "80",
  "elk.spacing.nodeNode": "40",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.separateConnectedComponents": "true",
};

const portId = (node: string, handle: string) => `${node}\u0000${handle}`;

export function toElkGraph(graph: FlowGraph, sizes: ReadonlyMap<string, Size>): ElkNode {
  const ports = new Map<string, { id: string; side: "WEST" | "EAST" }[]>();
  const addPort = (node: string, handle: string, side: "WEST" | "EAST") => {
    const id = portId(node, handle);
    const list = ports.get(node) ?? [];
    if (!list.some((p) => p.id === id)) list.push({ id, side });
    ports.set(node, list);
    return id;
  };
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const control = isControlEdge(e);
      return {
        id: edgeId(e),
        sources: [addPort(e.source, control ? e.when : OUT_HANDLE, "EAST")],
        targets: [addPort(e.target, control ? CONTROL_HANDLE : e.input, "WEST")],
      };
    });
  return {
    id: "root",
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes.map((n) => ({
      id: n.id,
      ...(sizes.get(n.id) ?? DEFAULT_SIZE),
      layoutOptions: { "elk.portConstraints": "FIXED_SIDE" },
      ports: (ports.get(n.id) ?? []).map((p) => ({ id: p.id, width: 1, height: 1, layoutOptions: { "elk.port.side": p.side } })),
    })),
    edges,
  };
}

export function positionsFromElk(result: ElkNode): Map<string, { x: number; y: number }> {
  const snap = (v: number) => Math.round(v / LAYOUT_GRID) * LAYOUT_GRID;
  const out = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? []) out.set(child.id, { x: snap(child.x ?? 0), y: snap(child.y ?? 0) });
  return out;
}
