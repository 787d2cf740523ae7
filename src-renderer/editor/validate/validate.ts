/**
 * `validateInWorker(graph)`: validateGraph's problems, computed in a Web Worker started on first use.
 * Where no worker can run (or it crashed), the same check runs here.
 */
import type { FlowGraph, GraphProblem } from "../../../shared/graph/index.ts";
import type { ValidateRequest, ValidateResponse } from "./protocol.ts";

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (problems: GraphProblem[]) => void; reject: (e: Error) => void }>();

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
  worker.onmessage = (event: MessageEvent<ValidateResponse>) => {
    const p = pending.get(event.data.requestId);
    pending.delete(event.data.requestId);
    if (!p) return;
    if (event.data.ok) p.resolve(event.data.problems);
    else p.reject(new Error(event.data.error.message));
  };
  worker.onerror = () => {
    // A worker that cannot start or crashed: everything waiting, and every later check, runs here instead.
    broken = true;
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new Error("the validation worker stopped"));
  };
  return worker;
}

/** Loaded only when needed: validation parses code with TypeScript, kept out of the main bundle. */
async function validateHere(graph: FlowGraph): Promise<GraphProblem[]> {
  const { validateGraph } = await import("../../../shared/graph/validate/index.ts");
  return validateGraph(graph).problems;
}

export async function validateInWorker(graph: FlowGraph): Promise<GraphProblem[]> {
  const w = getWorker();
  if (!w) return validateHere(graph);
  const request: ValidateRequest = { requestId: nextId++, graph };
  try {
    return await new Promise<GraphProblem[]>((resolve, reject) => {
      pending.set(request.requestId, { resolve, reject });
      w.postMessage(request);
    });
  } catch {
    return validateHere(graph);
  }
}
