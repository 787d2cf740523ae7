/** xyflow reports selection as per-element changes; the store keeps whole lists. */
import type { GraphEdge } from "../../../shared/graph/model.ts";
import { edgeId } from "../../../shared/graph/model.ts";
import type { Selection } from "../../editor/store/types.ts";

export interface SelectChange {
  type: string;
  id?: string;
  selected?: boolean;
}

/** The selection after xyflow's select changes for nodes or edges, or null if nothing changed. */
export function applySelectChanges(current: Selection, which: "nodes" | "edges", changes: readonly SelectChange[]): Selection | null {
  const ids = new Set(current[which]);
  let changed = false;
  for (const c of changes) {
    if (c.type !== "select" || !c.id) continue;
    if (c.selected && !ids.has(c.id)) (ids.add(c.id), (changed = true));
    else if (!c.selected && ids.delete(c.id)) changed = true;
  }
  return changed ? { ...current, [which]: [...ids] } : null;
}

/**
 * How to carry out xyflow's delete: the store's one-step deleteSelection when
 * xyflow deleted exactly the selection (plus the nodes' own wires), else by id.
 */
export function deletionPlan(
  selection: Selection,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
  edges: readonly GraphEdge[],
): { selection: boolean; nodes: string[]; edges: string[] } {
  const goneNodes = new Set(nodeIds);
  // Wires of deleted nodes go with them; only the others are deleted as edges.
  const attached = new Set<string>();
  for (const e of edges) if (goneNodes.has(e.source) || goneNodes.has(e.target)) attached.add(edgeId(e));
  const loose = edgeIds.filter((id) => !attached.has(id));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;
  const whole = same(selection.nodes, nodeIds) && same(selection.edges.filter((id) => !attached.has(id)), loose);
  return { selection: whole, nodes: [...goneNodes], edges: loose };
}
