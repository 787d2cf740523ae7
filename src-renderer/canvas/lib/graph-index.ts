/**
 * Lookups shared by every node component. Cached per array (the store replaces
 * arrays on change), so 1,000 nodes reading their own slice cost one pass, not n².
 */
import { portsOf, type NodePorts } from "../../../shared/graph/connect.ts";
import type { FlowGraph, GraphEdge, GraphNode } from "../../../shared/graph/model.ts";
import { isControlEdge } from "../../../shared/graph/model.ts";

const byId = new WeakMap<readonly GraphNode[], Map<string, GraphNode>>();

export function nodeIndex(nodes: readonly GraphNode[]): Map<string, GraphNode> {
  let index = byId.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    byId.set(nodes, index);
  }
  return index;
}

const NO_NAMES: readonly string[] = Object.freeze([]);
const incomingByTarget = new WeakMap<readonly GraphEdge[], Map<string, readonly string[]>>();

/** Input names of the data edges into each node, in edge order without repeats. Stable per edges array. */
export function incomingInputs(edges: readonly GraphEdge[], target: string): readonly string[] {
  let index = incomingByTarget.get(edges);
  if (!index) {
    const lists = new Map<string, string[]>();
    for (const e of edges) {
      if (isControlEdge(e)) continue;
      const list = lists.get(e.target) ?? [];
      if (!list.includes(e.input)) list.push(e.input);
      lists.set(e.target, list);
    }
    index = lists;
    incomingByTarget.set(edges, index);
  }
  return index.get(target) ?? NO_NAMES;
}

type OpenInputs = NodePorts["inputs"];
const incomingEdges = new WeakMap<readonly GraphEdge[], Map<string, GraphEdge[]>>();
const openByGraph = new WeakMap<FlowGraph, Map<string, OpenInputs>>();
const lastOpen = new Map<string, { key: string; inputs: OpenInputs }>();

function edgesInto(edges: readonly GraphEdge[], target: string): readonly GraphEdge[] {
  let index = incomingEdges.get(edges);
  if (!index) {
    index = new Map();
    for (const e of edges) {
      const list = index.get(e.target);
      if (list) list.push(e);
      else index.set(e.target, [e]);
    }
    incomingEdges.set(edges, index);
  }
  return index.get(target) ?? [];
}

/**
 * portsOf's inputs for an output or subflow node (named and typed by the wires
 * into it). portsOf indexes the whole graph per call, so it gets only this
 * node's wires and their sources; the answer is cached per graph and kept
 * identical while unchanged, so a store selector can return it.
 */
export function openInputs(graph: FlowGraph, node: GraphNode): OpenInputs {
  let perGraph = openByGraph.get(graph);
  if (!perGraph) openByGraph.set(graph, (perGraph = new Map()));
  let inputs = perGraph.get(node.id);
  if (!inputs) {
    const edges = edgesInto(graph.edges, node.id);
    const nodes = nodeIndex(graph.nodes);
    const sources = edges.flatMap((e) => nodes.get(e.source) ?? []);
    inputs = portsOf(node, { ...graph, nodes: sources, edges: [...edges] }).inputs;
    const key = JSON.stringify(inputs);
    const last = lastOpen.get(node.id);
    if (last?.key === key) inputs = last.inputs;
    else lastOpen.set(node.id, { key, inputs });
    perGraph.set(node.id, inputs);
  }
  return inputs;
}
