/// <reference lib="webworker" />
/** Runs ELK off the UI thread: 1,000 nodes take about a second. */
import ELK from "elkjs/lib/elk.bundled.js";
import type { LayoutRequest, LayoutResponse } from "./protocol.ts";

const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

// Assigned after the import on purpose: elk.bundled.js claims `self.onmessage` when it sees a worker.
scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { requestId, graph } = event.data;
  let response: LayoutResponse;
  try {
    response = { requestId, ok: true, graph: await elk.layout(graph) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    response = { requestId, ok: false, error: { name: e.name, message: e.message } };
  }
  scope.postMessage(response);
};
