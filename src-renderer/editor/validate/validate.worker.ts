/// <reference lib="webworker" />
/**
 * Graph validation and the type-check's compile off the UI thread: with 1,000 nodes validation
 * takes about a second (most of it TypeScript parsing each node's code) and compiling 300–600 ms,
 * which would freeze the canvas just after it opens, or while it pans.
 */
import { compileGraph, type CompiledFlow } from "../../../shared/graph/compile/index.ts";
import type { FlowGraph } from "../../../shared/graph/model.ts";
import { validateGraph } from "../../../shared/graph/validate/index.ts";
import { toNodeDiagnostics } from "../../code/node-model.ts";
import type { WorkerRequest, WorkerResponse, WorkerResult } from "./protocol.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The last compile, so its diagnostics map back to nodes without sending the spans to the page. */
let last: { id: number; graph: FlowGraph; compiled: CompiledFlow } | null = null;

function answer(request: WorkerRequest): WorkerResult {
  switch (request.kind) {
    case "validate":
      return { kind: "validate", problems: validateGraph(request.graph).problems };
    case "compile": {
      const graph = request.graph as FlowGraph;
      const compiled = compileGraph(graph);
      last = { id: request.requestId, graph, compiled };
      return { kind: "compile", code: compiled.code };
    }
    case "locate":
      if (!last || last.id !== request.compileId) throw new Error("that compile is no longer kept");
      return { kind: "locate", diagnostics: toNodeDiagnostics(last.compiled, last.graph, request.diagnostics) };
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { requestId } = event.data;
  let response: WorkerResponse;
  try {
    response = { requestId, ok: true, result: answer(event.data) };
  } catch (caught) {
    const e = caught instanceof Error ? caught : new Error(String(caught));
    response = { requestId, ok: false, error: { name: e.name, message: e.message } };
  }
  scope.postMessage(response);
};
