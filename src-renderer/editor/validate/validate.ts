/**
 * Off the UI thread, in a Web Worker started on first use:
 * - `validateInWorker(graph)`: validateGraph's problems;
 * - `compileInWorker(graph)`: the compiled flow's code, for the type-check (the page only needs the text);
 * - `locateInWorker(compileId, diagnostics)`: TypeScript's diagnostics on that code, mapped to nodes.
 * Where no worker can run (or it crashed), the same work runs here.
 */
import type { CompiledFlow } from "../../../shared/graph/compile/index.ts";
import type { FlowGraph, GraphProblem } from "../../../shared/graph/index.ts";
import type { FlowDiagnostic } from "../../code/node-model.ts";
import type { NodeDiagnostic } from "../store/types.ts";
import type { WorkerRequest, WorkerResponse, WorkerResult } from "./protocol.ts";

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (result: WorkerResult) => void; reject: (e: Error) => void }>();

/** The worker itself failed (not the work asked of it): the caller does the work here instead. */
class WorkerGone extends Error {}

function getWorker(): Worker | null {
  if (worker || broken) return worker;
  if (typeof Worker === "undefined") {
    broken = true;
    return null;
  }
  try {
    worker = new Worker(new URL("./validate.worker.ts", import.meta.url), { type: "module" });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const p = pending.get(event.data.requestId);
    pending.delete(event.data.requestId);
    if (!p) return;
    if (event.data.ok) p.resolve(event.data.result);
    else p.reject(new Error(event.data.error.message));
  };
  worker.onerror = () => {
    // A worker that cannot start or crashed: everything waiting, and every later request, runs here instead.
    broken = true;
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new WorkerGone("the validation worker stopped"));
  };
  return worker;
}

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "requestId"> : never) : never;

/** Sends one request; null when there is no worker (or it stopped) and the work must run here. */
async function ask(request: Request): Promise<{ requestId: number; result: WorkerResult } | null> {
  const w = getWorker();
  if (!w) return null;
  const requestId = nextId++;
  try {
    const result = await new Promise<WorkerResult>((resolve, reject) => {
      pending.set(requestId, { resolve, reject });
      w.postMessage({ ...request, requestId } as WorkerRequest);
    });
    return { requestId, result };
  } catch (error) {
    if (error instanceof WorkerGone) return null;
    throw error;
  }
}

/** Loaded only when needed: validation and the compiler parse and print with TypeScript, kept out of the main bundle. */
async function validateHere(graph: FlowGraph): Promise<GraphProblem[]> {
  const { validateGraph } = await import("../../../shared/graph/validate/index.ts");
  return validateGraph(graph).problems;
}

export async function validateInWorker(graph: FlowGraph): Promise<GraphProblem[]> {
  try {
    const answer = await ask({ kind: "validate", graph });
    if (answer?.result.kind === "validate") return answer.result.problems;
  } catch {
    // An unexpected failure in the worker: the same check here.
  }
  return validateHere(graph);
}

/** The last compile done here (no worker), kept for locateInWorker like the worker keeps its own. */
let compiledHere: { id: number; graph: FlowGraph; compiled: CompiledFlow } | null = null;

/** The compiled code and an id for locateInWorker; rejects when the graph does not compile. */
export async function compileInWorker(graph: FlowGraph): Promise<{ compileId: number; code: string }> {
  const answer = await ask({ kind: "compile", graph });
  if (answer?.result.kind === "compile") return { compileId: answer.requestId, code: answer.result.code };
  const { compileGraph } = await import("../../../shared/graph/compile/index.ts");
  const id = -nextId++;
  compiledHere = { id, graph, compiled: compileGraph(graph) };
  return { compileId: id, code: compiledHere.compiled.code };
}

/** Diagnostics on the code of `compileId` (the latest compile) as node diagnostics; rejects when a later compile replaced it. */
export async function locateInWorker(compileId: number, diagnostics: FlowDiagnostic[]): Promise<NodeDiagnostic[]> {
  if (compileId < 0) {
    if (compiledHere?.id !== compileId) throw new Error("that compile is no longer kept");
    const { toNodeDiagnostics } = await import("../../code/node-model.ts");
    return toNodeDiagnostics(compiledHere.compiled, compiledHere.graph, diagnostics);
  }
  const answer = await ask({ kind: "locate", compileId, diagnostics });
  if (answer?.result.kind === "locate") return answer.result.diagnostics;
  throw new Error("the worker stopped before mapping the diagnostics");
}
