/** `layoutGraph(graph)`: ELK positions from a Web Worker, started on first use (elkjs is ~440 KB gzip). */
import type { FlowGraph } from "../../../shared/graph/model.ts";
import { positionsFromElk, toElkGraph, type Size } from "./elk-graph.ts";
import type { LayoutRequest, LayoutResponse } from "./protocol.ts";

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResponse) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const p = pending.get(event.data.requestId);
    pending.delete(event.data.requestId);
    p?.resolve(event.data);
  };
  worker.onerror = (event) => {
    // A crashed worker fails every waiting layout and is replaced on the next call.
    for (const p of pending.values()) p.reject(new Error(`Auto-layout failed: ${event.message || "the layout worker stopped"}`));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

export async function layoutGraph(graph: FlowGraph, sizes: ReadonlyMap<string, Size> = new Map()): Promise<Map<string, { x: number; y: number }>> {
  if (graph.nodes.length === 0) return new Map();
  const request: LayoutRequest = { requestId: nextId++, graph: toElkGraph(graph, sizes) };
  const response = await new Promise<LayoutResponse>((resolve, reject) => {
    pending.set(request.requestId, { resolve, reject });
    getWorker().postMessage(request);
  });
  if (!response.ok) throw new Error(`Auto-layout failed: ${response.error.message}`);
  return positionsFromElk(response.graph);
}
