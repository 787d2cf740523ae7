/**
 * Immutable graph edits. Each returns a new graph that shares every node and
 * edge it did not change (so canvas selectors keep their values), or the
 * very same graph when nothing changed (so the store records no step).
 */
import { edgeId, isCodeNode, isControlEdge, type FlowGraph, type FlowParam, type GraphEdge, type GraphNode, type Port } from "../../../shared/graph/model.ts";
import type { Selection, XY } from "./types.ts";

export function moveNodes(graph: FlowGraph, moves: ReadonlyMap<string, XY>): FlowGraph {
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    const to = moves.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...graph, nodes } : graph;
}

/** Removes nodes and every edge touching them. */
export function removeNodes(graph: FlowGraph, ids: readonly string[]): FlowGraph {
  const gone = new Set(ids);
  const nodes = graph.nodes.filter((n) => !gone.has(n.id));
  if (nodes.length === graph.nodes.length) return graph;
  return { ...graph, nodes, edges: keep(graph.edges, (e) => !gone.has(e.source) && !gone.has(e.target)) };
}

export function removeEdges(graph: FlowGraph, ids: readonly string[]): FlowGraph {
  const gone = new Set(ids);
  const edges = keep(graph.edges, (e) => !gone.has(edgeId(e)));
  return edges === graph.edges ? graph : { ...graph, edges };
}

export function addEdge(graph: FlowGraph, edge: GraphEdge): FlowGraph {
  return { ...graph, edges: [...graph.edges, edge] };
}

/** Replaces one node by `update(node)`; the same graph if the node is missing or `update` returns it unchanged. */
export function updateNode(graph: FlowGraph, id: string, update: (node: GraphNode) => GraphNode): FlowGraph {
  const i = graph.nodes.findIndex((n) => n.id === id);
  if (i < 0) return graph;
  const next = update(graph.nodes[i]!);
  if (next === graph.nodes[i]) return graph;
  const nodes = graph.nodes.slice();
  nodes[i] = next;
  return { ...graph, nodes };
}

/**
 * New inputs for a code node. Edges into an input that is gone are removed,
 * except when the input in the same place got a new name: that reads as a
 * rename, and its edges follow it.
 */
export function setInputs(graph: FlowGraph, id: string, inputs: readonly Port[]): FlowGraph {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node || !isCodeNode(node)) return graph;
  const old = node.inputs;
  const names = new Set(inputs.map((p) => p.name));
  const oldNames = new Set(old.map((p) => p.name));
  const renamed = new Map<string, string>();
  old.forEach((p, i) => {
    const now = inputs[i];
    if (!names.has(p.name) && now && !oldNames.has(now.name)) renamed.set(p.name, now.name);
  });
  const next = updateNode(graph, id, (n) => ({ ...n, inputs: inputs.map((p) => ({ ...p })) }) as GraphNode);
  const edges: GraphEdge[] = [];
  let changed = false;
  for (const e of graph.edges) {
    if (e.target !== id || isControlEdge(e) || names.has(e.input)) edges.push(e);
    else if (renamed.has(e.input)) {
      edges.push({ ...e, input: renamed.get(e.input)! });
      changed = true;
    } else changed = true;
  }
  return changed ? { ...next, edges } : next;
}

/** Changes a parameter; a new name is carried to the input nodes standing for it. */
export function updateParam(graph: FlowGraph, index: number, patch: Partial<FlowParam>): FlowGraph {
  const param = graph.params[index];
  if (!param) return graph;
  const next = withoutUndefined({ ...param, ...patch }) as FlowParam;
  const params = graph.params.slice();
  params[index] = next;
  if (next.name === param.name) return { ...graph, params };
  const nodes = graph.nodes.map((n) => (n.kind === "input" && n.param === param.name ? { ...n, param: next.name, title: n.title === param.name ? next.name : n.title } : n));
  return { ...graph, params, nodes };
}

/** Removes a parameter and the input nodes standing for it (with their edges): without it they would point at nothing. */
export function removeParam(graph: FlowGraph, index: number): FlowGraph {
  const param = graph.params[index];
  if (!param) return graph;
  const params = graph.params.filter((_, i) => i !== index);
  const stillDeclared = params.some((p) => p.name === param.name);
  const nodes = stillDeclared ? [] : graph.nodes.filter((n) => n.kind === "input" && n.param === param.name).map((n) => n.id);
  return removeNodes({ ...graph, params }, nodes);
}

/** Drops ids that no longer exist; the same selection (and arrays) when nothing went. */
export function pruneSelection(selection: Selection, graph: FlowGraph): Selection {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const nodes = keep(selection.nodes, (id) => nodeIds.has(id));
  let edges = selection.edges;
  if (edges.length > 0) {
    const edgeIds = new Set(graph.edges.map(edgeId));
    edges = keep(edges, (id) => edgeIds.has(id));
  }
  return nodes === selection.nodes && edges === selection.edges ? selection : { nodes, edges };
}

/** A copy of `obj` without the keys whose value is undefined (so an option can be cleared). */
export function withoutUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** `list.filter(ok)`, or `list` itself when every item is kept. */
function keep<T>(list: readonly T[], ok: (item: T) => boolean): T[] {
  const out = list.filter(ok);
  return out.length === list.length ? (list as T[]) : out;
}
