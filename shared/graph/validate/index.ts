/**
 * Validation reports every problem it finds, each with the node it is on and
 * a message a person understands. It never throws, whatever it is given.
 */
import ts from "typescript";
import { isCodeNode, type FlowGraph } from "../model.ts";
import { codeSyntaxErrors, headerSyntaxErrors, typeSyntaxError } from "../syntax.ts";
import { error, type GraphProblem } from "./problem.ts";
import { checkSchema } from "./schema.ts";
import { checkStructure } from "./structure.ts";

export type { GraphProblem, ProblemCode } from "./problem.ts";

export interface Validation {
  /** The graph with defaults applied, when it has the right shape (it may still have problems). */
  graph: FlowGraph | null;
  problems: GraphProblem[];
  /** No problem of severity "error". */
  ok: boolean;
}

export function validateGraph(input: unknown): Validation {
  try {
    const { graph, problems } = checkSchema(input);
    if (graph) {
      problems.push(...checkStructure(graph));
      problems.push(...checkCode(graph));
    }
    return { graph, problems, ok: graph !== null && !problems.some((p) => p.severity === "error") };
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    return { graph: null, problems: [error("schema", `The graph could not be checked: ${message}`)], ok: false };
  }
}

/** Validates graph JSON text; broken JSON is a problem with its line and column, not an exception. */
export function validateGraphJson(text: string): Validation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    const place = jsonErrorPlace(text, message);
    return {
      graph: null,
      ok: false,
      problems: [error("not-json", `This is not valid JSON${place ? ` (line ${place.line}, column ${place.column})` : ""}: ${message}`, place ?? {})],
    };
  }
  return validateGraph(value);
}

/** V8 does not always say where JSON broke; TypeScript's JSON parser does. */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } | undefined {
  const file = ts.parseJsonText("graph.json", text);
  const first = (file as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
  const offset = first?.start ?? (/position (\d+)/.exec(message) ? Number(/position (\d+)/.exec(message)![1]) : undefined);
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function checkCode(graph: FlowGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  for (const e of headerSyntaxErrors(graph.header)) {
    problems.push(error("syntax", `Header, line ${e.line}: ${e.message}`, { line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn }));
  }
  for (const p of graph.params) {
    const why = typeSyntaxError(p.type);
    if (why) problems.push(error("syntax", `The type of parameter '${p.name}' is not a TypeScript type: ${why}`));
  }
  for (const node of graph.nodes) {
    if (!isCodeNode(node)) continue;
    for (const e of codeSyntaxErrors(node.code)) {
      problems.push(error("syntax", `'${node.title}', line ${e.line}: ${e.message}`, { nodeId: node.id, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn }));
    }
    const types: [string, string | undefined][] = [...node.inputs.map((p) => [`input '${p.name}'`, p.type] as [string, string | undefined]), ["its output", node.kind === "branch" ? undefined : node.output]];
    for (const [what, type] of types) {
      const why = type === undefined ? undefined : typeSyntaxError(type);
      if (why) problems.push(error("syntax", `'${node.title}': the type of ${what} is not a TypeScript type: ${why}`, { nodeId: node.id }));
    }
  }
  return problems;
}
