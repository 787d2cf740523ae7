/** ELK layout of a run graph in the canvas's layout worker (it lays out any ELK graph), one request at a time. */
import type { ElkNode } from "elkjs/lib/elk-api";
import type { LayoutRequest, LayoutResponse } from "../../canvas/layout/protocol.ts";

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 56;
/** ELK takes seconds past this; bigger graphs keep the quick layered layout. */
export const ELK_MAX_NODES = 800;

let worker: Worker | null = null;
let nextId = 1;

export function elkLayout(ids: readonly string[], edges: ReadonlyArray<{ source: string; target: string }>): Promise<Map<string, { x: number; y: number }>> {
  worker ??= new Worker(new URL("../../canvas/layout/layout.worker.ts", import.meta.url), { type: "module" });
  const w = worker;
  const graph: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "60",
      "elk.spacing.nodeNode": "16",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.separateConnectedComponents": "false",
    },
    children: ids.map((id) => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
  const request: LayoutRequest = { requestId: nextId++, graph };
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.requestId !== request.requestId) return;
      w.removeEventListener("message", onMessage);
      if (!event.data.ok) return reject(new Error(event.data.error.message));
      resolve(new Map((event.data.graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }])));
    };
    w.addEventListener("message", onMessage);
    w.postMessage(request);
  });
}
