/**
 * What is selected. Selecting is not an undo step, but every step remembers
 * the selection it started from, and undo restores it. A selection that does
 * not change keeps its arrays, so selectors comparing them stay quiet.
 */
import { edgeId } from "../../../shared/graph/model.ts";
import { NOTHING_SELECTED, type Slice } from "./store-kit.ts";
import type { Selection } from "./types.ts";

export const selectionSlice: Slice<"select" | "selectAll" | "clearSelection"> = (kit) => {
  const put = (next: Selection) => {
    const current = kit.get().selection;
    const nodes = sameList(current.nodes, next.nodes) ? current.nodes : next.nodes;
    const edges = sameList(current.edges, next.edges) ? current.edges : next.edges;
    if (nodes !== current.nodes || edges !== current.edges) kit.set({ selection: { nodes, edges } });
  };
  return {
    /** Without `additive`, the selection becomes exactly what is given (a missing list is empty); with it, what is given is added. */
    select(selection, { additive = false } = {}) {
      const current = kit.get().selection;
      if (!additive) return put({ nodes: unique(selection.nodes ?? []), edges: unique(selection.edges ?? []) });
      put({ nodes: unique([...current.nodes, ...(selection.nodes ?? [])]), edges: unique([...current.edges, ...(selection.edges ?? [])]) });
    },
    selectAll() {
      const { graph } = kit.get();
      put({ nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map(edgeId) });
    },
    clearSelection() {
      put(NOTHING_SELECTED);
    },
  };
};

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
