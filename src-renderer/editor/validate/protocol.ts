import type { GraphProblem } from "../../../shared/graph/index.ts";
import type { NodeDiagnostic } from "../store/types.ts";
import type { FlowDiagnostic } from "../../code/node-model.ts";

/**
 * validate: the graph's problems. compile: the compiled flow's code for the type-check (the worker
 * keeps its spans under `requestId`). locate: TypeScript's diagnostics on that code, mapped back to
 * nodes with the spans kept for `compileId`.
 */
export type WorkerRequest =
  | { requestId: number; kind: "validate"; graph: unknown }
  | { requestId: number; kind: "compile"; graph: unknown }
  | { requestId: number; kind: "locate"; compileId: number; diagnostics: FlowDiagnostic[] };

export type WorkerResult = { kind: "validate"; problems: GraphProblem[] } | { kind: "compile"; code: string } | { kind: "locate"; diagnostics: NodeDiagnostic[] };

export type WorkerResponse = { requestId: number; ok: true; result: WorkerResult } | { requestId: number; ok: false; error: { name: string; message: string } };
