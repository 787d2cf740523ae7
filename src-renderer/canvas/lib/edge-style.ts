/** How each kind of edge looks: branch paths are coloured so then/else read at a glance. */
import type { CSSProperties } from "react";

export type EdgeLook = "data" | "then" | "else";

export const EDGE_COLORS: Record<Exclude<EdgeLook, "data">, string> = {
  then: "oklch(0.64 0.16 155)",
  else: "oklch(0.63 0.2 28)",
};

const cache = new Map<EdgeLook, { className: string; style?: CSSProperties; labelStyle?: CSSProperties; labelBgStyle?: CSSProperties }>();

/** Same objects for the same look, so mapped edges stay cheap to compare. */
export function edgeStyle(look: EdgeLook) {
  let s = cache.get(look);
  if (!s) {
    if (look === "data") s = { className: "fb-edge-data" };
    else {
      const color = EDGE_COLORS[look];
      s = {
        className: `fb-edge-${look}`,
        style: { stroke: color, strokeWidth: 2, strokeDasharray: look === "else" ? "6 4" : undefined },
        labelStyle: { fill: color, fontWeight: 600 },
      };
    }
    cache.set(look, s);
  }
  return s;
}
