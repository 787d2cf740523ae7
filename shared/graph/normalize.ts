/**
 * The canonical form of a graph: what parsing its compiled file gives back.
 * Only things a file cannot tell apart change: code indentation and line ends,
 * edge order, and control edges that add nothing to a node's path.
 */
import { computeScopes, indexGraph, isPrefix, topologicalOrder } from "./analysis.ts";
import { normalizeCode } from "./code-text.ts";
import { isCodeNode, isControlEdge, type FlowGraph, type GraphEdge, type GraphNode } from "./model.ts";

export function normalizeHeader(header: string): string {
  return header.replace(/\r\n?/g, "\n").replace(/^(?:[ \t]*\n)+/, "").trimEnd();
}

/**
 * A parameter description as its doc comment keeps it: LF line ends, no
 * spaces at line ends, none before or after the text.
 */
export function normalizeDescription(text: string): string {
  return text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trimEnd()).join("\n").trim();
}

export function normalizeGraph(graph: FlowGraph): FlowGraph {
  const nodes = graph.nodes.map(normalizeNode);
  const out: FlowGraph = { ...graph, header: normalizeHeader(graph.header), nodes, edges: [] };
  if (!out.description) delete out.description;
  out.params = graph.params.map((p) => {
    const description = p.description === undefined ? undefined : normalizeDescription(p.description);
    const { description: _drop, ...rest } = p;
    return description ? { ...rest, description } : rest;
  });
  out.edges = sortEdges(out, withoutRedundantControl({ ...out, edges: graph.edges }));
  return out;
}

function normalizeNode(node: GraphNode): GraphNode {
  const position = { x: node.position.x + 0, y: node.position.y + 0 }; // -0 → 0, as JSON keeps it
  if (!isCodeNode(node)) return { ...node, position };
  // A file writes `x?` or `x`: it cannot tell `optional: false` from no flag, so false becomes absent.
  const inputs = node.inputs.map(({ optional, ...port }) => (optional ? { ...port, optional } : port));
  return { ...node, position, inputs, code: normalizeCode(node.code) };
}

/** Keeps a control edge only where the node's data inputs alone would not put it on that path. */
function withoutRedundantControl(graph: FlowGraph): GraphEdge[] {
  const index = indexGraph(graph);
  const full = computeScopes(index, topologicalOrder(index)).of;
  const dataOnly = indexGraph({ ...graph, edges: graph.edges.filter((e) => !isControlEdge(e)) });
  const kept: GraphEdge[] = [];
  const chosen = new Set<string>();
  for (const edge of graph.edges) {
    if (!isControlEdge(edge)) {
      kept.push(edge);
      continue;
    }
    const scope = full.get(edge.target) ?? [];
    const last = scope[scope.length - 1];
    if (!last || last.branch !== edge.source || last.when !== edge.when || chosen.has(edge.target)) continue;
    // Data inputs alone reach at most a prefix of the node's path; the control edge is needed when they fall short.
    const reach = dataScope(edge.target, dataOnly, full);
    if (reach.length < scope.length || !isPrefix(reach, scope)) {
      kept.push(edge);
      chosen.add(edge.target);
    }
  }
  return kept;
}

function dataScope(id: string, dataOnly: ReturnType<typeof indexGraph>, full: ReadonlyMap<string, readonly { branch: string; when: "then" | "else" }[]>) {
  let deepest: readonly { branch: string; when: "then" | "else" }[] = [];
  for (const e of dataOnly.incoming.get(id) ?? []) {
    const s = full.get(e.source) ?? [];
    if (s.length > deepest.length) deepest = s;
  }
  return deepest;
}

/** Edges by target, then control before data, then port order (named inputs by name), then source. */
export function sortEdges(graph: FlowGraph, edges: readonly GraphEdge[]): GraphEdge[] {
  const order = new Map(graph.nodes.map((n, i) => [n.id, i] as const));
  const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const slot = (edge: GraphEdge): [number, string] => {
    if (isControlEdge(edge)) return [-1, edge.when === "then" ? "0" : "1"];
    const target = byId.get(edge.target);
    if (target && isCodeNode(target)) {
      const i = target.inputs.findIndex((p) => p.name === edge.input);
      return [i < 0 ? target.inputs.length : i, edge.input];
    }
    return [0, edge.input];
  };
  const key = (edge: GraphEdge) => [order.get(edge.target) ?? Infinity, ...slot(edge), order.get(edge.source) ?? Infinity] as const;
  return [...edges].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  });
}
