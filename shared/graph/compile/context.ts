import { computeScopes, indexGraph, topologicalOrder, type GraphIndex, type Scopes } from "../analysis.ts";
import type { FlowGraph, GraphNode } from "../model.ts";
import { identFromTitle, resultVar } from "../names.ts";

/** What every part of the compiler looks things up in. */
export interface CompileContext {
  readonly graph: FlowGraph;
  readonly index: GraphIndex;
  readonly scopes: Scopes;
  /** The code name of each task, map, branch and subflow node. */
  ident(node: GraphNode): string;
  /** The variable holding a node's result in the flow body. */
  resultOf(node: GraphNode): string;
  /** Whether any node reads this node's result. */
  isRead(node: GraphNode): boolean;
}

export function makeContext(graph: FlowGraph): CompileContext {
  const index = indexGraph(graph);
  const scopes = computeScopes(index, topologicalOrder(index));
  const idents = new Map<string, string>();
  const ident = (node: GraphNode): string => {
    let name = idents.get(node.id);
    if (name === undefined) idents.set(node.id, (name = identFromTitle(node.title)));
    return name;
  };
  return {
    graph,
    index,
    scopes,
    ident,
    resultOf: (node) => (node.kind === "input" ? node.param : resultVar(ident(node))),
    isRead: (node) => (index.outgoing.get(node.id) ?? []).some((e) => "input" in e),
  };
}

/** Default titles for nodes code has no title for; a different title goes to the canvas block. */
export function defaultTitle(node: GraphNode, ident: string): string {
  switch (node.kind) {
    case "input":
      return node.param;
    case "output":
      return "Output";
    case "subflow":
    case "task":
    case "map":
    case "branch":
      return ident;
  }
}
