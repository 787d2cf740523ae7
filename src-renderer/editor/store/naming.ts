/**
 * Fresh ids, titles and parameter names that do not clash. Titles of tasks,
 * maps, branches and subflows become identifiers in code (identFromTitle),
 * each with a result variable; validation (checkNames) rejects two that
 * meet, or one that meets a parameter or the flow's own name. New titles
 * avoid all of these, and any title already on the canvas.
 */
import { isCodeNode, type FlowGraph, type GraphNode } from "../../../shared/graph/model.ts";
import { identFromTitle, isKeyword } from "../../../shared/graph/names.ts";

/** Names already used in a graph, grown as a batch of nodes is added. */
export interface TakenNames {
  ids: Set<string>;
  /** Lower-cased titles of all nodes. */
  titles: Set<string>;
  /** Identifiers and result variables of code and subflow nodes, parameter names, the flow's identifier. */
  idents: Set<string>;
}

export function becomesIdentifier(node: Pick<GraphNode, "kind">): boolean {
  return isCodeNode(node as GraphNode) || node.kind === "subflow";
}

export function takenNames(graph: FlowGraph): TakenNames {
  const taken: TakenNames = { ids: new Set(), titles: new Set(), idents: new Set([identFromTitle(graph.name)]) };
  for (const p of graph.params) taken.idents.add(p.name);
  for (const node of graph.nodes) claim(taken, node);
  return taken;
}

/** Marks a node's id, title and identifiers as used. */
export function claim(taken: TakenNames, node: GraphNode): void {
  taken.ids.add(node.id);
  taken.titles.add(node.title.toLowerCase());
  if (becomesIdentifier(node)) {
    const ident = identFromTitle(node.title);
    taken.idents.add(ident).add(`${ident}Result`);
  }
}

/**
 * `base` if it is free, else `base 2`, `base 3`, ... A trailing number is
 * counted on from: a copy of "Fetch 2" is "Fetch 3".
 */
export function uniqueTitle(taken: TakenNames, base: string, kind: GraphNode["kind"]): string {
  const free = (title: string) => {
    if (taken.titles.has(title.toLowerCase())) return false;
    if (!becomesIdentifier({ kind })) return true;
    const ident = identFromTitle(title);
    return !taken.idents.has(ident) && !taken.idents.has(`${ident}Result`);
  };
  if (free(base)) return base;
  const numbered = /^(.*\S)\s+(\d+)$/.exec(base);
  const stem = numbered ? numbered[1]! : base;
  for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n++) {
    const title = `${stem} ${n}`;
    if (free(title)) return title;
  }
}

/** A parameter name like `param1` that no parameter, node identifier or keyword uses. */
export function uniqueParamName(graph: FlowGraph, base = "param"): string {
  const taken = takenNames(graph);
  const free = (name: string) => !taken.idents.has(name) && !isKeyword(name);
  if (base !== "param" && free(base)) return base;
  for (let n = 1; ; n++) if (free(`${base}${n}`)) return `${base}${n}`;
}

/**
 * Node ids: `n_` and a base-36 counter that starts at the store's creation
 * time, so an id deleted and saved is not soon handed to a new node (run
 * history is kept by node id). Ids present in the graph are skipped.
 */
export function createIdSource(start: number): (taken: { has(id: string): boolean }) => string {
  let next = Math.max(0, Math.floor(start));
  return (taken) => {
    let id: string;
    do id = `n_${(next++).toString(36)}`;
    while (taken.has(id));
    return id;
  };
}
