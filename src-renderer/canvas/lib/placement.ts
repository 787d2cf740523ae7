/** Where a new node goes: centred on the point the user chose, on the grid. */
export const GRID = 20;
/** A fresh node's rough size before it is measured. */
export const NEW_NODE_SIZE = { width: 240, height: 80 };

export function placeAt(point: { x: number; y: number }): { x: number; y: number } {
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  return { x: snap(point.x - NEW_NODE_SIZE.width / 2), y: snap(point.y - NEW_NODE_SIZE.height / 2) };
}

/** The flow-space point at the middle of the visible pane. */
export function viewportCenter(width: number, height: number, [tx, ty, zoom]: readonly [number, number, number]): { x: number; y: number } {
  return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
}
