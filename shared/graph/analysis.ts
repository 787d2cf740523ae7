/**
 * Pure graph analysis shared by validation and the compiler: lookups, cycles,
 * which branch path each node sits on (its scope), and the order nodes are
 * written in. Works on any schema-valid graph, even one with errors.
 */
import { isControlEdge, type FlowGraph, type GraphEdge, type GraphNode } from "./model.ts";

export interface GraphIndex {
  readonly graph: FlowGraph;
  readonly byId: ReadonlyMap<string, GraphNode>;
  readonly order: ReadonlyMap<string, number>;
  /** Edges whose both ends exist, by target and by source. */
  readonly incoming: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
}

export function indexGraph(graph: FlowGraph): GraphIndex {
  const byId = new Map<string, GraphNode>();
  const order = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    if (!byId.has(node.id)) {
      byId.set(node.id, node);
      order.set(node.id, i);
    }
  });
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    push(incoming, edge.target, edge);
    push(outgoing, edge.source, edge);
  }
  return { graph, byId, order, incoming, outgoing };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Strongly connected components that form cycles (self-loops included), each listed in node order. */
export function findCycles(index: GraphIndex): string[][] {
  // Tarjan's algorithm, iterative so a 10,000-node chain cannot overflow the stack.
  const ids = [...index.byId.keys()];
  const num = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (num.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    num.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = index.outgoing.get(frame.id) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!.target;
        if (!num.has(to)) {
          num.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, num.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== num.get(frame.id)) continue;
      const component: string[] = [];
      let id: string;
      do {
        id = stack.pop()!;
        onStack.delete(id);
        component.push(id);
      } while (id !== frame.id);
      const selfLoop = component.length === 1 && edges.some((e) => e.target === frame.id);
      if (component.length > 1 || selfLoop) cycles.push(component.sort((a, b) => index.order.get(a)! - index.order.get(b)!));
    }
  }
  return cycles.sort((a, b) => index.order.get(a[0]!)! - index.order.get(b[0]!)!);
}

/** Nodes in dependency order; nodes on cycles come last, in node order. */
export function topologicalOrder(index: GraphIndex): string[] {
  const pending = new Map<string, number>();
  for (const id of index.byId.keys()) pending.set(id, 0);
  for (const edges of index.incoming.values()) for (const e of edges) pending.set(e.target, pending.get(e.target)! + 1);
  const ready = [...index.byId.keys()].filter((id) => pending.get(id) === 0);
  const out: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    out.push(id);
    for (const e of index.outgoing.get(id) ?? []) {
      const left = pending.get(e.target)! - 1;
      pending.set(e.target, left);
      if (left === 0) ready.push(e.target);
    }
  }
  if (out.length < index.byId.size) {
    const seen = new Set(out);
    for (const id of index.byId.keys()) if (!seen.has(id)) out.push(id);
  }
  return out;
}

/** The branch paths a node sits inside, outermost first; empty at the flow's top level. */
export type Scope = readonly ScopeStep[];
export interface ScopeStep {
  readonly branch: string;
  readonly when: "then" | "else";
}

export interface ScopeConflict {
  nodeId: string;
  /** Two paths the node was put on that do not nest. */
  paths: [Scope, Scope];
}

export interface Scopes {
  readonly of: ReadonlyMap<string, Scope>;
  readonly conflicts: readonly ScopeConflict[];
}

/**
 * A node runs on the deepest path any of its inputs puts it on: a control edge
 * from a branch puts it on that branch's path, a data edge on its source's
 * path. Inputs on paths that do not nest (then and else of one branch) conflict.
 */
export function computeScopes(index: GraphIndex, order: readonly string[] = topologicalOrder(index)): Scopes {
  const of = new Map<string, Scope>();
  const conflicts: ScopeConflict[] = [];
  for (const id of order) {
    let deepest: Scope = [];
    for (const edge of index.incoming.get(id) ?? []) {
      const sourceScope = of.get(edge.source) ?? [];
      const scope: Scope = isControlEdge(edge) ? [...sourceScope, { branch: edge.source, when: edge.when }] : sourceScope;
      if (isPrefix(scope, deepest)) continue;
      if (isPrefix(deepest, scope)) deepest = scope;
      else conflicts.push({ nodeId: id, paths: [deepest, scope] });
    }
    of.set(id, deepest);
  }
  return { of, conflicts };
}

export function isPrefix(prefix: Scope, scope: Scope): boolean {
  if (prefix.length > scope.length) return false;
  return prefix.every((step, i) => step.branch === scope[i]!.branch && step.when === scope[i]!.when);
}

export function scopeKey(scope: Scope): string {
  return JSON.stringify(scope);
}

/** One statement of the flow body: a node, and for a branch the statements on its two paths. */
export interface Unit {
  readonly node: GraphNode;
  readonly then: readonly Unit[];
  readonly else: readonly Unit[];
}

/**
 * The flow body as nested statements in dependency order. Within one path,
 * nodes start as soon as their inputs are written, lower `priority` first
 * (so futures start before anything that waits), then in node order.
 */
export function planBody(index: GraphIndex, scopes: Scopes, priority: (node: GraphNode) => number): Unit[] {
  const members = new Map<string, string[]>();
  for (const node of index.graph.nodes) {
    if (index.byId.get(node.id) !== node) continue;
    const key = scopeKey(scopes.of.get(node.id) ?? []);
    const list = members.get(key);
    if (list) list.push(node.id);
    else members.set(key, [node.id]);
  }

  const plan = (scope: Scope): Unit[] => {
    const ids = members.get(scopeKey(scope)) ?? [];
    const here = new Set(ids);
    // The member of this path that holds a node, if the node is on this path or nested inside it.
    const memberFor = (id: string): string | undefined => {
      const s = scopes.of.get(id) ?? [];
      if (!isPrefix(scope, s)) return undefined;
      return s.length === scope.length ? id : s[scope.length]!.branch;
    };
    const deps = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
    const dependents = new Map<string, string[]>();
    const addDeps = (unitId: string, nodeId: string, visited: Set<string>): void => {
      for (const edge of index.incoming.get(nodeId) ?? []) {
        const member = memberFor(edge.source);
        if (member === undefined || member === unitId || !here.has(member)) continue;
        if (!deps.get(unitId)!.has(member)) {
          deps.get(unitId)!.add(member);
          push(dependents, member, unitId);
        }
      }
      // A branch waits for everything its paths read from this level.
      for (const edge of index.outgoing.get(nodeId) ?? []) {
        const target = edge.target;
        if (visited.has(target)) continue;
        const s = scopes.of.get(target) ?? [];
        if (s.length > scope.length && isPrefix(scope, s) && s[scope.length]!.branch === unitId) {
          visited.add(target);
          addDeps(unitId, target, visited);
        }
      }
    };
    for (const id of ids) addDeps(id, id, new Set([id]));

    const rank = (id: string) => [priority(index.byId.get(id)!), index.order.get(id)!] as const;
    const before = (a: string, b: string) => {
      const [pa, oa] = rank(a);
      const [pb, ob] = rank(b);
      return pa !== pb ? pa < pb : oa < ob;
    };
    const ready: string[] = [];
    const insert = (id: string) => {
      let i = ready.length;
      while (i > 0 && before(id, ready[i - 1]!)) i--;
      ready.splice(i, 0, id);
    };
    const waiting = new Map<string, number>();
    for (const id of ids) {
      waiting.set(id, deps.get(id)!.size);
      if (deps.get(id)!.size === 0) insert(id);
    }
    const out: Unit[] = [];
    const done = new Set<string>();
    const emit = (id: string) => {
      done.add(id);
      const node = index.byId.get(id)!;
      const nested = node.kind === "branch";
      out.push({
        node,
        then: nested ? plan([...scope, { branch: id, when: "then" }]) : [],
        else: nested ? plan([...scope, { branch: id, when: "else" }]) : [],
      });
      for (const next of dependents.get(id) ?? []) {
        const left = waiting.get(next)! - 1;
        waiting.set(next, left);
        if (left === 0) insert(next);
      }
    };
    while (ready.length > 0) emit(ready.shift()!);
    // Members on a cycle never become ready: write them in node order so nothing is lost.
    for (const id of ids) if (!done.has(id)) emit(id);
    return out;
  };
  return plan([]);
}
