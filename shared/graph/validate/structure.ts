/** Checks that need the whole graph: connections, ports, parameters, names, cycles and branch paths. */
import { computeScopes, findCycles, indexGraph, topologicalOrder } from "../analysis.ts";
import { isCodeNode, isControlEdge, type FlowGraph, type GraphNode } from "../model.ts";
import { identFromTitle, isKeyword, resultVar } from "../names.ts";
import { error, warning, type GraphProblem } from "./problem.ts";
import { describePath, sourceType } from "./describe.ts";
import { arrayOf, assignable, defaultFits } from "./types.ts";

export function checkStructure(graph: FlowGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const label = (node: GraphNode) => `'${node.title || node.id}'`;
  const seen = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (seen.has(node.id)) problems.push(error("duplicate-id", `Two nodes have the id '${node.id}'; ids must be unique`, { nodeId: node.id }));
    else seen.set(node.id, node);
    if (node.title.trim() === "") problems.push(error("empty-title", `Node ${node.id} has no title; give it one`, { nodeId: node.id }));
  }
  const index = indexGraph(graph);
  const params = new Map(graph.params.map((p) => [p.name, p] as const));

  // Connections.
  const taken = new Map<string, number>();
  graph.edges.forEach((edge, edgeIndex) => {
    const source = index.byId.get(edge.source);
    const target = index.byId.get(edge.target);
    const at = { edgeIndex, nodeId: edge.target };
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      problems.push(error("dangling-edge", `A connection ${edge.source} → ${edge.target} refers to node '${missing}', which does not exist`, { edgeIndex, ...(source ? { nodeId: edge.source } : target ? { nodeId: edge.target } : {}) }));
      return;
    }
    if (target.kind === "input") return void problems.push(error("bad-edge", `Parameter ${label(target)} takes no inputs; it is a value given when the flow starts`, at));
    if (source.kind === "output") return void problems.push(error("bad-edge", `The output ${label(source)} is the flow's result; nothing can follow it`, at));
    if (isControlEdge(edge)) {
      if (source.kind !== "branch") problems.push(error("bad-edge", `Only a branch has then/else outputs; ${label(source)} is a ${source.kind}`, at));
      if (target.kind === "output") problems.push(error("output-on-path", `The output cannot sit on a branch path: the flow's result must be there on every path`, at));
      return;
    }
    if (source.kind === "branch") return void problems.push(error("bad-edge", `Branch ${label(source)} decides a path; connect its 'then' or 'else' output instead of its value`, at));
    if (isCodeNode(target) && !target.inputs.some((p) => p.name === edge.input)) {
      return void problems.push(error("unknown-input", `${label(target)} has no input named '${edge.input}' (its inputs: ${target.inputs.map((p) => p.name).join(", ") || "none"})`, at));
    }
    const key = `${edge.target}\u0000${edge.input}`;
    if (taken.has(key)) problems.push(error("double-connection", `Input '${edge.input}' of ${label(target)} has two connections; an input takes one value`, at));
    else taken.set(key, edgeIndex);
    const from = sourceType(source, (name) => params.get(name)?.type);
    const to = isCodeNode(target) ? targetType(target, edge.input) : undefined;
    if (!assignable(from, to)) problems.push(error("type-mismatch", `${label(source)} gives ${from}, but input '${edge.input}' of ${label(target)} expects ${to}`, at));
  });

  // Ports, parameters and outputs.
  const paramNodes = new Map<string, GraphNode>();
  const outputs: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (isCodeNode(node)) {
      const names = new Set<string>();
      node.inputs.forEach((port, i) => {
        if (names.has(port.name)) problems.push(error("name-clash", `${label(node)} has two inputs named '${port.name}'`, { nodeId: node.id }));
        names.add(port.name);
        if (isKeyword(port.name)) problems.push(error("reserved-name", `Input '${port.name}' of ${label(node)} is a reserved word in TypeScript; rename it`, { nodeId: node.id }));
        const required = !port.optional || (node.kind === "map" && i === 0);
        if (required && !taken.has(`${node.id}\u0000${port.name}`)) {
          const what = node.kind === "map" && i === 0 ? `the list to map over ('${port.name}')` : `input '${port.name}'`;
          problems.push(error("unconnected-input", `${label(node)} needs ${what} connected${node.kind === "map" && i === 0 ? "" : " (or marked optional)"}`, { nodeId: node.id }));
        }
      });
      if (node.kind === "map" && node.inputs.length === 0) problems.push(error("unconnected-input", `Map ${label(node)} needs an input for the item it maps over`, { nodeId: node.id }));
    } else if (node.kind === "input") {
      if (!params.has(node.param)) problems.push(error("unknown-param", `${label(node)} stands for parameter '${node.param}', which the flow does not declare`, { nodeId: node.id }));
      else if (paramNodes.has(node.param)) problems.push(error("duplicate-param-node", `Parameter '${node.param}' is on the canvas twice; connect one node to several inputs instead`, { nodeId: node.id }));
      else paramNodes.set(node.param, node);
    } else if (node.kind === "output") {
      outputs.push(node);
      if (!(index.incoming.get(node.id) ?? []).some((e) => !isControlEdge(e))) problems.push(warning("empty-output", `The output ${label(node)} has nothing connected, so the flow returns nothing`, { nodeId: node.id }));
    }
  }
  for (const extra of outputs.slice(1)) problems.push(error("several-outputs", `A flow has one output; remove ${label(extra)} or connect its values to ${label(outputs[0]!)}`, { nodeId: extra.id }));
  for (const p of graph.params) {
    if (isKeyword(p.name)) problems.push(error("reserved-name", `Parameter '${p.name}' is a reserved word in TypeScript; rename it`));
    if (p.default !== undefined && !defaultFits(p.default, p.type)) problems.push(error("bad-default", `Parameter '${p.name}' is a ${p.type}, but its default is ${JSON.stringify(p.default)}`));
    if (p.description?.includes("*/")) problems.push(error("bad-description", `The description of parameter '${p.name}' cannot contain '*/'`));
  }
  const paramNames = new Set<string>();
  for (const p of graph.params) {
    if (paramNames.has(p.name)) problems.push(error("name-clash", `Two parameters are named '${p.name}'`));
    paramNames.add(p.name);
  }

  problems.push(...checkNames(graph, paramNames));
  problems.push(...checkOrder(graph, index));
  return problems;
}

/** Every task and subflow becomes a constant and a result variable; none may collide. */
function checkNames(graph: FlowGraph, params: ReadonlySet<string>): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const owners = new Map<string, GraphNode>();
  const flowName = identFromTitle(graph.name);
  for (const node of graph.nodes) {
    if (!isCodeNode(node) && node.kind !== "subflow") continue;
    const ident = identFromTitle(node.title);
    for (const name of [ident, resultVar(ident)]) {
      const other = owners.get(name);
      if (other && other.id !== node.id) {
        problems.push(error("name-clash", `'${node.title}' and '${other.title}' both become '${name}' in code; rename one of them`, { nodeId: node.id }));
        break;
      }
      if (name === flowName) {
        problems.push(error("name-clash", `'${node.title}' becomes '${name}' in code, which is also the flow's name; rename one of them`, { nodeId: node.id }));
        break;
      }
      if (params.has(name)) {
        problems.push(error("name-clash", `'${node.title}' becomes '${name}' in code, which is also a parameter's name; rename one of them`, { nodeId: node.id }));
        break;
      }
      owners.set(name, node);
    }
  }
  return problems;
}

/** Cycles, and nodes put on two branch paths at once. */
function checkOrder(graph: FlowGraph, index: ReturnType<typeof indexGraph>): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const title = (id: string) => index.byId.get(id)?.title || id;
  const cycles = findCycles(index);
  for (const cycle of cycles) {
    const loop = [...cycle, cycle[0]!].map(title).join(" → ");
    for (const id of cycle) problems.push(error("cycle", cycle.length === 1 ? `'${title(id)}' is connected to itself` : `These steps wait for each other in a cycle: ${loop}`, { nodeId: id }));
  }
  const scopes = computeScopes(index, topologicalOrder(index));
  for (const conflict of scopes.conflicts) {
    problems.push(error("path-conflict", `'${title(conflict.nodeId)}' is wired into ${describePath(conflict.paths[0], title)} and ${describePath(conflict.paths[1], title)}, but it can run on only one path`, { nodeId: conflict.nodeId }));
  }
  for (const node of graph.nodes) {
    const scope = scopes.of.get(node.id) ?? [];
    if (node.kind === "output" && scope.length > 0) {
      problems.push(error("output-on-path", `The output reads values from the ${describePath(scope, title)}, which do not exist on every path; the flow's result must not depend on a branch`, { nodeId: node.id }));
    }
  }
  return problems;
}

function targetType(node: GraphNode & { inputs: { name: string; type?: string }[] }, input: string): string | undefined {
  const i = node.inputs.findIndex((p) => p.name === input);
  const type = node.inputs[i]?.type;
  if (type === undefined) return undefined;
  return node.kind === "map" && i === 0 ? arrayOf(type) : type;
}
