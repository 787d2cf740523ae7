/**
 * Running a graph is compiling it and running the file, through the same SDK
 * as any script: no second interpreter. A graph with problems or type errors
 * is refused with all of them; it never half-runs.
 */
import { createHash } from "node:crypto";
import { renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { makeError } from "../../shared/errors.ts";
import { compileGraph, validateGraph, type CompiledFlow, type FlowGraph, type GraphProblem } from "../../shared/graph/index.ts";
import { isFlow } from "../../shared/sdk/flow.ts";
import type { State } from "../../shared/sdk/states.ts";
import { checkCompiledFlow, type CodeDiagnostic } from "./typecheck.ts";
import { ensureWorkspace } from "./workspace.ts";

export interface GraphCheck {
  graph: FlowGraph | null;
  compiled: CompiledFlow | null;
  /** Graph problems, then type errors turned into problems on their nodes. */
  problems: GraphProblem[];
  ok: boolean;
}

/** Validation, then (when that passes) a full type check of the compiled file as saved at `file`. */
export function checkGraph(input: unknown, file: string): GraphCheck {
  const validation = validateGraph(input);
  if (!validation.ok || !validation.graph) return { graph: validation.graph, compiled: null, problems: validation.problems, ok: false };
  const compiled = compileGraph(validation.graph);
  const typeErrors = checkCompiledFlow(compiled, file).map((d) => toProblem(d, validation.graph!));
  const problems = [...validation.problems, ...typeErrors];
  return { graph: validation.graph, compiled, problems, ok: typeErrors.length === 0 };
}

export interface GraphRun<R = unknown> {
  state: State<R>;
  file: string;
}

/**
 * Compiles the graph into `file` (creating its workspace if needed) and runs
 * its flow with `params`. Throws a FlowbenchError "graph-invalid", whose
 * details are the problems, when the graph is refused.
 */
export async function runGraph(input: unknown, options: { file: string; params?: unknown; signal?: AbortSignal }): Promise<GraphRun> {
  const check = checkGraph(input, options.file);
  if (!check.ok || !check.compiled) {
    const errors = check.problems.filter((p) => p.severity === "error");
    const name = check.graph?.name ?? "(unnamed)";
    throw makeError("graph-invalid", [name, errors.length, errors[0]?.message ?? "unknown problem"], { details: errors });
  }
  ensureWorkspace(dirname(options.file));
  writeAtomically(options.file, check.compiled.code);
  // A changed file must be loaded again, not served from the module cache.
  const version = createHash("sha256").update(check.compiled.code).digest("hex").slice(0, 16);
  const module = (await import(`${pathToFileURL(options.file).href}?v=${version}`)) as { default?: unknown };
  if (!isFlow(module.default)) throw makeError("flow-not-found", [options.file, "its default export is not a flow"]);
  const args = options.params === undefined ? [] : [options.params];
  const state = await module.default.run(args, { returnState: true, ...(options.signal ? { signal: options.signal } : {}) });
  return { state, file: options.file };
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** A type error as a problem on the node it is in, worded for the canvas. */
export function toProblem(d: CodeDiagnostic, graph: FlowGraph): GraphProblem {
  const node = d.nodeId === null ? undefined : graph.nodes.find((n) => n.id === d.nodeId);
  const message = readable(d.message);
  const where =
    d.role === "body" ? `'${node?.title ?? d.nodeId}', line ${d.line}` :
    d.role === "call" ? `'${node?.title ?? d.nodeId}' (its connections)` :
    d.role === "definition" ? `'${node?.title ?? d.nodeId}' (its inputs or options)` :
    d.role === "header" ? `Header, line ${d.line}` :
    `Line ${d.fileLine} of the compiled file`;
  const inCode = d.role === "body" || d.role === "header";
  return {
    code: "type-error",
    severity: "error",
    message: `${where}: ${message}`,
    ...(d.nodeId !== null ? { nodeId: d.nodeId } : {}),
    ...(inCode ? { line: d.line, column: d.column } : {}),
  };
}

/** The SDK's MaybeFuture<T> says nothing to a person wiring nodes; T does. */
function readable(message: string): string {
  return message.replace(/MaybeFuture<([^<>]*(?:<[^<>]*>[^<>]*)*)>/g, "$1");
}
