/// <reference lib="webworker" />
/**
 * Graph validation off the UI thread: with 1,000 nodes it takes about a second (most of it
 * TypeScript parsing each node's code), which would freeze the canvas just after it opens.
 */
import { validateGraph } from "../../../shared/graph/validate/index.ts";
import type { ValidateRequest, ValidateResponse } from "./protocol.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ValidateRequest>) => {
  const { requestId, graph } = event.data;
  let response: ValidateResponse;
  try {
    response = { requestId, ok: true, problems: validateGraph(graph).problems };
  } catch (caught) {
    const e = caught instanceof Error ? caught : new Error(String(caught));
    response = { requestId, ok: false, error: { name: e.name, message: e.message } };
  }
  scope.postMessage(response);
};
