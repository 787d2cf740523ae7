/**
 * A quick layered layout (rank = longest path from a source) for run graphs:
 * instant, so the graph shows at once, and the only layout for graphs too big for ELK.
 */
export interface Placed {
  x: number;
  y: number;
}

export function layerLayout(ids: readonly string[], edges: ReadonlyArray<{ source: string; target: string }>, size = { width: 200, height: 56, gapX: 60, gapY: 16 }): Map<string, Placed> {
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) if (incoming.has(e.source)) incoming.get(e.target)?.push(e.source);
  const rank = new Map<string, number>();
  // Ids come in creation order, and a task run is created after what it waits on, so one pass mostly settles ranks;
  // the iterative fallback covers any out-of-order record without recursion.
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    for (const id of ids) {
      let r = 0;
      for (const up of incoming.get(id)!) r = Math.max(r, (rank.get(up) ?? 0) + 1);
      if (rank.get(id) !== r) {
        rank.set(id, r);
        changed = true;
      }
    }
  }
  const rows = new Map<number, number>();
  const out = new Map<string, Placed>();
  for (const id of ids) {
    const r = rank.get(id) ?? 0;
    const row = rows.get(r) ?? 0;
    rows.set(r, row + 1);
    out.set(id, { x: r * (size.width + size.gapX), y: row * (size.height + size.gapY) });
  }
  return out;
}
