/**
 * Whether the user may draw a connection, and why not in words for the
 * canvas tooltip; and which handles a node shows. The rules are those of
 * validation (structure.ts), applied before the edge exists so the canvas can
 * refuse it instead of drawing an error. Pure and browser-safe.
 */
import { computeScopes, indexGraph } from "./analysis.ts";
import { isCodeNode, isControlEdge, isIdentifier, type FlowGraph, type GraphEdge, type GraphNode } from "./model.ts";
import { isKeyword } from "./names.ts";
import { describePath, sourceType } from "./validate/describe.ts";
import { arrayOf, assignable } from "./validate/types.ts";

/** A data edge to a named input, or a branch path. */
export type ConnectionRequest =
  | { source: string; target: string; input: string }
  | { source: string; target: string; when: "then" | "else" };

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

export interface NodePorts {
  /**
   * The named inputs a node shows handles for. `type` is what the wire must
   * carry: for a map's first input (`mapped`), the list of its item type.
   */
  inputs: { name: string; type?: string; optional?: boolean; mapped?: boolean }[];
  /** The value output, or null when the node has none (branch, output). */
  output: { type?: string } | null;
  /** Whether the node has `then` / `else` outputs (branches only). */
  branches: boolean;
}

/**
 * The handles of a node. Output and subflow nodes have open inputs: theirs are
 * the names their incoming edges use (pass `graph` to know them). An input
 * node's output type is its parameter's type (also needs `graph`).
 */
export function portsOf(node: GraphNode, graph?: FlowGraph): NodePorts {
  switch (node.kind) {
    case "task":
      return { inputs: node.inputs.map(port), output: typed(node.output), branches: false };
    case "map":
      return {
        inputs: node.inputs.map((p, i) => (i === 0 ? { ...port(p), ...(p.type === undefined ? {} : { type: arrayOf(p.type) }), mapped: true } : port(p))),
        output: typed(node.output === undefined ? undefined : arrayOf(node.output)),
        branches: false,
      };
    case "branch":
      return { inputs: node.inputs.map(port), output: null, branches: true };
    case "input":
      return { inputs: [], output: typed(graph?.params.find((p) => p.name === node.param)?.type), branches: false };
    case "output":
    case "subflow": {
      const inputs: NodePorts["inputs"] = [];
      if (graph) {
        const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
        for (const edge of graph.edges) {
          if (edge.target !== node.id || isControlEdge(edge) || inputs.some((p) => p.name === edge.input)) continue;
          const source = byId.get(edge.source);
          inputs.push({ name: edge.input, ...(source ? typed(sourceType(source, (name) => graph.params.find((p) => p.name === name)?.type)) : {}) });
        }
      }
      return { inputs, output: node.kind === "output" ? null : {}, branches: false };
    }
  }
}

/** Whether `request` may be added to `graph`; the reason is a sentence for the user. */
export function checkConnection(graph: FlowGraph, request: ConnectionRequest): ConnectionCheck {
  const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const source = byId.get(request.source);
  const target = byId.get(request.target);
  if (!source) return refuse(`There is no step '${request.source}' to connect from`);
  if (!target) return refuse(`There is no step '${request.target}' to connect to`);
  if (source.id === target.id) return refuse(`${label(source)} cannot be connected to itself`);
  if (target.kind === "input") return refuse(`Parameter ${label(target)} takes no inputs; it is a value given when the flow starts`);
  if (source.kind === "output") return refuse(`${label(source)} has no output to connect from; it is the flow's result`);

  let edge: GraphEdge;
  if ("when" in request) {
    if (source.kind !== "branch") return refuse(`Only a branch has then/else outputs; ${label(source)} is a ${source.kind}`);
    if (target.kind === "output") return refuse(`The output cannot sit on a branch path: the flow's result must be there on every path`);
    const same = graph.edges.find((e) => isControlEdge(e) && e.source === source.id && e.target === target.id);
    if (same && isControlEdge(same)) {
      return refuse(same.when === request.when ? `${label(target)} is already on the '${request.when}' path of ${label(source)}` : `${label(target)} is already on the '${same.when}' path of ${label(source)}; a step runs on one path only`);
    }
    edge = { source: source.id, target: target.id, when: request.when };
  } else {
    const input = request.input;
    if (!isIdentifier(input)) return refuse(`'${input}' cannot name an input: use letters, digits, _ or $, not starting with a digit`);
    if (source.kind === "branch") return refuse(`Branch ${label(source)} decides a path; connect its 'then' or 'else' output instead of its value`);
    if (isCodeNode(target) && !target.inputs.some((p) => p.name === input)) {
      return refuse(`${label(target)} has no input named '${input}' (its inputs: ${target.inputs.map((p) => p.name).join(", ") || "none"})`);
    }
    if (target.kind === "subflow" && isKeyword(input)) return refuse(`'${input}' is a reserved word in TypeScript and cannot name a parameter of ${label(target)}`);
    const taken = graph.edges.find((e) => !isControlEdge(e) && e.target === target.id && e.input === input);
    if (taken) {
      const from = byId.get(taken.source);
      return refuse(`Input '${input}' of ${label(target)} is already connected (to ${from ? label(from) : `'${taken.source}'`})`);
    }
    const from = sourceType(source, (name) => graph.params.find((p) => p.name === name)?.type);
    const to = targetType(target, input);
    if (!assignable(from, to)) {
      const gives = source.kind === "input" ? `parameter ${label(source)} is ${from}` : `${label(source)} returns ${from}`;
      return refuse(`Type mismatch: ${gives}, but input '${input}' of ${label(target)} expects ${to}`);
    }
    edge = { source: source.id, target: target.id, input };
  }

  const loop = pathBetween(graph, target.id, source.id);
  if (loop) return refuse(`This would make a cycle: ${[source.id, ...loop].map((id) => byId.get(id)!.title || id).join(" → ")}`);
  return checkPaths(graph, edge);
}

/** Refuses an edge that would put a step on two paths that do not nest, or the output on a branch path. */
function checkPaths(graph: FlowGraph, edge: GraphEdge): ConnectionCheck {
  const before = computeScopes(indexGraph(graph));
  const next = { ...graph, edges: [...graph.edges, edge] };
  const index = indexGraph(next);
  const after = computeScopes(index);
  const title = (id: string) => index.byId.get(id)?.title || id;
  const old = new Set(before.conflicts.map((c) => c.nodeId));
  const conflict = after.conflicts.find((c) => !old.has(c.nodeId));
  if (conflict) {
    return refuse(`'${title(conflict.nodeId)}' would be on ${describePath(conflict.paths[0], title)} and ${describePath(conflict.paths[1], title)}, but a step runs on one path only`);
  }
  for (const node of graph.nodes) {
    if (node.kind !== "output") continue;
    const was = before.of.get(node.id) ?? [];
    const now = after.of.get(node.id) ?? [];
    if (was.length === 0 && now.length > 0) {
      return refuse(`The output would read a value that exists only on ${describePath(now, title)}; the flow's result must not depend on a branch`);
    }
  }
  return { ok: true };
}

/** The node ids on a path from `from` to `to` over existing edges (both ends included), or null. */
function pathBetween(graph: FlowGraph, from: string, to: string): string[] | null {
  const outgoing = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = outgoing.get(e.source);
    if (list) list.push(e.target);
    else outgoing.set(e.source, [e.target]);
  }
  const parent = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (id === to) {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = parent.get(at)!) path.push(at);
      return path.reverse();
    }
    for (const next of outgoing.get(id) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, id);
      queue.push(next);
    }
  }
  return null;
}


/** The type an edge into `input` must carry, when known. */
function targetType(node: GraphNode, input: string): string | undefined {
  if (!isCodeNode(node)) return undefined;
  const i = node.inputs.findIndex((p) => p.name === input);
  const type = node.inputs[i]?.type;
  if (type === undefined) return undefined;
  return node.kind === "map" && i === 0 ? arrayOf(type) : type;
}

function port(p: { name: string; type?: string; optional?: boolean }): NodePorts["inputs"][number] {
  return { name: p.name, ...(p.type === undefined ? {} : { type: p.type }), ...(p.optional ? { optional: true } : {}) };
}

function typed(type: string | undefined): { type?: string } {
  return type === undefined ? {} : { type };
}

function label(node: GraphNode): string {
  return `'${node.title || node.id}'`;
}

function refuse(reason: string): ConnectionCheck {
  return { ok: false, reason };
}
