/** Positions for nodes that have none (a hand-written file): columns by depth, rows in node order. */
import { indexGraph, topologicalOrder } from "./analysis.ts";
import type { FlowGraph } from "./model.ts";

export const COLUMN_WIDTH = 280;
export const ROW_HEIGHT = 140;

export function layeredPositions(graph: FlowGraph): Map<string, { x: number; y: number }> {
  const index = indexGraph(graph);
  const depth = new Map<string, number>();
  for (const id of topologicalOrder(index)) {
    let d = 0;
    for (const e of index.incoming.get(id) ?? []) d = Math.max(d, (depth.get(e.source) ?? -1) + 1);
    depth.set(id, d);
  }
  const rows = new Map<number, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const d = depth.get(node.id) ?? 0;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    out.set(node.id, { x: d * COLUMN_WIDTH, y: row * ROW_HEIGHT });
  }
  return out;
}
