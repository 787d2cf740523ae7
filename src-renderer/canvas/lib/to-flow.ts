/**
 * Graph → xyflow nodes and edges. Mappers keep the previous object for
 * anything unchanged, so xyflow re-adopts only what moved or changed, and
 * typing in a node's code leaves the canvas arrays untouched.
 */
import type { Edge, Node } from "@xyflow/react";
import type { CSSProperties } from "react";
import type { FlowGraph, GraphEdge, GraphNode, NodeKind } from "../../../shared/graph/model.ts";
import { edgeId, isControlEdge } from "../../../shared/graph/model.ts";
import { edgeStyle, type EdgeLook } from "./edge-style.ts";
import { nodeGeometry, rowsOf, type NodeGeometry } from "./geometry.ts";
import { incomingInputs, nodeIndex } from "./graph-index.ts";
import { CONTROL_HANDLE, inputCount, OUT_HANDLE } from "./ports.ts";

/** Node components read their node from the store by this id: data stays serialisable and tiny. */
export type CanvasNodeData = { id: string };
export type CanvasNode = Node<CanvasNodeData, `fb-${NodeKind}`>;

/** xyflow's own "input", "output" and "default" types come with CSS (width 150px, padding) that would wrap ours. */
export function nodeType(kind: NodeKind): `fb-${NodeKind}` {
  return `fb-${kind}`;
}
export type CanvasEdge = Edge<Record<string, never>>;
export type Size = { width: number; height: number };

/**
 * The node's wrapper is placed by left/top instead of xyflow's `transform: translate(...)`
 * (its style comes after xyflow's): 1,000 transforms are 1,000 pieces Chromium re-layerises on
 * every pan frame. No node has a parent and the origin is the top-left corner, so the position
 * is where xyflow would have put it.
 */
export function placedAt(x: number, y: number): CSSProperties {
  return { transform: "none", left: x, top: y };
}

interface NodeEntry {
  x: number;
  y: number;
  kind: NodeKind;
  selected: boolean;
  measured: Size | undefined;
  geometry: NodeGeometry;
  node: CanvasNode;
}

/**
 * Each node comes with its size and handle boxes (lib/geometry.ts), so xyflow shows it at once,
 * renders only the visible ones, and measures none. A size xyflow did measure (after
 * updateNodeInternals) wins over the computed one.
 */
export function createNodeMapper() {
  const cache = new Map<string, NodeEntry>();
  // One geometry object per distinct set of rows, so an unchanged node compares equal by identity.
  const geometries = new Map<string, NodeGeometry>();
  const geometryOf = (n: GraphNode, edges: readonly GraphEdge[], withStatus: boolean): NodeGeometry => {
    const rows = rowsOf(n, n.kind === "output" || n.kind === "subflow" ? incomingInputs(edges, n.id) : []);
    const key = `${rows.control ? 1 : 0}${withStatus ? 1 : 0}|${rows.targets.join(",")}|${rows.sources.join(",")}`;
    let g = geometries.get(key);
    if (!g) geometries.set(key, (g = nodeGeometry(rows, withStatus)));
    return g;
  };
  let last: CanvasNode[] = [];
  return function mapNodes(
    nodes: readonly GraphNode[],
    edges: readonly GraphEdge[],
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Size>,
    withStatus: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  ): CanvasNode[] {
    let changed = nodes.length !== last.length;
    const out: CanvasNode[] = new Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const sel = selected.has(n.id);
      const m = measured.get(n.id);
      const geometry = geometryOf(n, edges, withStatus.has(n.id));
      const { x, y } = n.position;
      let entry = cache.get(n.id);
      if (!entry || entry.x !== x || entry.y !== y || entry.kind !== n.kind || entry.selected !== sel || entry.measured !== m || entry.geometry !== geometry) {
        const size = m ?? { width: geometry.width, height: geometry.height };
        const node: CanvasNode = {
          id: n.id,
          type: nodeType(n.kind),
          position: { x, y },
          data: entry?.node.data ?? { id: n.id },
          selected: sel,
          style: placedAt(x, y),
          width: size.width,
          height: size.height,
          measured: size,
          handles: geometry.handles,
        };
        entry = { x, y, kind: n.kind, selected: sel, measured: m, geometry, node };
        cache.set(n.id, entry);
      }
      if (entry.node !== last[i]) changed = true;
      out[i] = entry.node;
    }
    if (cache.size > nodes.length) {
      const live = new Set(nodes.map((n) => n.id));
      for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    }
    if (changed) last = out;
    return last;
  };
}

/** Data edges are labelled only where the target's handles could be confused (several inputs). */
export function edgeLabel(edge: GraphEdge, graph: FlowGraph): string | undefined {
  if (isControlEdge(edge)) return edge.when;
  const target = nodeIndex(graph.nodes).get(edge.target);
  if (!target) return edge.input;
  return inputCount(target, graph.edges) > 1 ? edge.input : undefined;
}

interface EdgeEntry {
  source: GraphEdge;
  selected: boolean;
  label: string | undefined;
  edge: CanvasEdge;
}

export function toCanvasEdge(e: GraphEdge, selected: boolean, label: string | undefined): CanvasEdge {
  const control = isControlEdge(e);
  const look: EdgeLook = control ? e.when : "data";
  const edge: CanvasEdge = {
    id: edgeId(e),
    source: e.source,
    target: e.target,
    sourceHandle: control ? e.when : OUT_HANDLE,
    targetHandle: control ? CONTROL_HANDLE : e.input,
    selected,
    ...edgeStyle(look),
  };
  if (label !== undefined) edge.label = label;
  return edge;
}

export function createEdgeMapper() {
  const cache = new Map<string, EdgeEntry>();
  let last: CanvasEdge[] = [];
  return function mapEdges(graph: FlowGraph, selected: ReadonlySet<string>): CanvasEdge[] {
    const edges = graph.edges;
    let changed = edges.length !== last.length;
    const out: CanvasEdge[] = new Array(edges.length);
    const live = new Set<string>();
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const id = edgeId(e);
      live.add(id);
      const sel = selected.has(id);
      const label = edgeLabel(e, graph);
      let entry = cache.get(id);
      if (!entry || entry.source !== e || entry.selected !== sel || entry.label !== label) {
        entry = { source: e, selected: sel, label, edge: toCanvasEdge(e, sel, label) };
        cache.set(id, entry);
      }
      if (entry.edge !== last[i]) changed = true;
      out[i] = entry.edge;
    }
    if (cache.size > live.size) for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    if (changed) last = out;
    return last;
  };
}
