/** The editor cases' 1,000-node flow. */
import type { FlowGraph, GraphEdge, GraphNode } from "../../shared/graph/index.ts";
import { bigGraph } from "./big-graph.ts";

/**
 * 1,000 nodes: bigGraph() (500) and a second copy of it with its ids prefixed and titles
 * suffixed; the copy's parameter nodes become tasks returning a value of the parameter's type,
 * and its output a task collecting the same wires. Laid out on a grid, 25 columns by 40 rows.
 */
export function thousandNodeGraph(): FlowGraph {
  const a = bigGraph();
  const b = bigGraph();
  const id = (s: string) => `b-${s}`;
  const params = new Map(b.params.map((p) => [p.name, p]));
  const copied: GraphNode[] = b.nodes.map((n): GraphNode => {
    if (n.kind === "input") {
      const type = params.get(n.param)!.type;
      return { id: id(n.id), kind: "task", title: `seed ${n.param} b`, position: n.position, inputs: [], output: type, code: `return ${type.endsWith("[]") ? "[]" : type === "string" ? '""' : type === "number" ? "0" : type === "boolean" ? "false" : "{ id: 0, total: 0, region: \"eu\" }"};`, options: {} };
    }
    if (n.kind === "output") {
      const names = b.edges.filter((e): e is Extract<GraphEdge, { input: string }> => e.target === n.id && "input" in e).map((e) => ({ name: e.input }));
      return { id: id(n.id), kind: "task", title: "collect b", position: n.position, inputs: names, code: `return [${names.map((p) => p.name).join(", ")}];`, options: {} };
    }
    return { ...n, id: id(n.id), title: `${n.title} b` };
  });
  const copiedEdges = b.edges.map((e): GraphEdge => ({ ...e, source: id(e.source), target: id(e.target) }));
  const nodes = [...a.nodes, ...copied].map((n, i) => ({ ...n, position: { x: (i % 25) * 280, y: Math.floor(i / 25) * 160 } }));
  return { ...a, name: "thousand-nodes", nodes, edges: [...a.edges, ...copiedEdges] };
}
