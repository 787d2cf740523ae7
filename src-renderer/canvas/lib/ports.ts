/**
 * Handle ids and the connect request a drag makes. Which handles a node shows
 * is shared/graph/connect.ts `portsOf`; the store's checkConnection judges.
 */
import type { FlowGraph, GraphNode } from "../../../shared/graph/model.ts";
import { isCodeNode } from "../../../shared/graph/model.ts";
import { identFromTitle } from "../../../shared/graph/names.ts";
import type { ConnectRequest } from "../../editor/store/types.ts";
import { incomingInputs, nodeIndex } from "./graph-index.ts";

/** Source handles: a node's result, and a branch's two paths. */
export const OUT_HANDLE = "out";
/** Target handle that puts a node on a branch path. */
export const CONTROL_HANDLE = "__control";
/** Target handle on output and subflow nodes that adds a new named input. */
export const NEW_INPUT_HANDLE = "__new";

/** How many named input handles a node shows (portsOf's count, without its per-call index of the graph). */
export function inputCount(node: GraphNode, edges: FlowGraph["edges"]): number {
  if (isCodeNode(node)) return node.inputs.length;
  if (node.kind === "output" || node.kind === "subflow") return incomingInputs(edges, node.id).length;
  return 0;
}

export function acceptsNewInputs(node: GraphNode): boolean {
  return node.kind === "output" || node.kind === "subflow";
}

/** The name a new input gets: `result` for an output's first, else the source's identifier, made unique. */
export function newInputName(graph: FlowGraph, source: GraphNode, target: GraphNode): string {
  const taken = new Set(incomingInputs(graph.edges, target.id));
  if (target.kind === "output" && taken.size === 0) return "result";
  const base = source.kind === "input" ? source.param : identFromTitle(source.title);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  return name;
}

export interface HandleConnection {
  source: string | null;
  target: string | null;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export type HandleRequest = { ok: true; request: ConnectRequest } | { ok: false; reason: string };

/** What a handle-to-handle drag asks the store for, or why it makes no sense. */
export function connectRequest(graph: FlowGraph, c: HandleConnection): HandleRequest {
  if (!c.source || !c.target) return { ok: false, reason: "Drop the connection on a node's handle" };
  if (c.sourceHandle === "then" || c.sourceHandle === "else") return { ok: true, request: { source: c.source, target: c.target, when: c.sourceHandle } };
  const handle = c.targetHandle;
  if (!handle) return { ok: false, reason: "Drop the connection on one of the node's inputs" };
  if (handle === CONTROL_HANDLE) return { ok: false, reason: "Only a branch's then or else path connects here" };
  if (handle !== NEW_INPUT_HANDLE) return { ok: true, request: { source: c.source, target: c.target, input: handle } };
  const nodes = nodeIndex(graph.nodes);
  const source = nodes.get(c.source);
  const target = nodes.get(c.target);
  if (!source || !target) return { ok: false, reason: "That node no longer exists" };
  return { ok: true, request: { source: c.source, target: c.target, input: newInputName(graph, source, target) } };
}
