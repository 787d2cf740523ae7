/** Task definitions and the flow's own declaration: `export const x = task({...}, async function x(...) {...})`. */
import { indent, normalizeCode } from "../code-text.ts";
import { FLOW_OPTION_KEYS, TASK_OPTION_KEYS, type CodeNode, type FlowGraph, type FlowParam } from "../model.ts";
import { identFromTitle } from "../names.ts";
import { normalizeDescription } from "../normalize.ts";
import { printKey, printValue } from "../print.ts";
import type { Output } from "./output.ts";
import { writeServeOptions } from "./serve.ts";

const MAX_LINE = 120;

export function writeTaskDefinition(out: Output, node: CodeNode, ident: string): void {
  const options: [string, unknown][] = [];
  if (node.title !== ident) options.push(["name", node.title]);
  for (const key of TASK_OPTION_KEYS) if (node.options[key] !== undefined) options.push([key, node.options[key]]);
  const params = node.inputs.map((p) => `${p.name}${p.optional ? "?" : ""}${p.type ? `: ${p.type}` : ""}`).join(", ");
  const output = node.kind === "branch" ? "boolean" : node.output;
  const fn = `async function ${ident}(${params})${output ? `: Promise<${output}>` : ""}`;
  writeCall(out, node.id, `export const ${ident} = task(`, options, fn, normalizeCode(node.code));
}

export function writeParamsInterface(out: Output, params: readonly FlowParam[]): void {
  if (params.length === 0) return;
  const members = params.flatMap((p) => {
    const description = normalizeDescription(p.description ?? "");
    const doc = description ? [indent(docComment(description), "  ")] : [];
    // Only the member's first line is indented: indenting the others would change a multi-line type's text.
    return [...doc, `  ${p.name}${p.default !== undefined ? "?" : ""}: ${p.type};`];
  });
  out.span(null, "flow", out.add(["export interface Params {", ...members, "}"].join("\n")));
}

/**
 * Writes the flow declaration around a body the caller writes into `writeBody`;
 * with `serveVariable`, also the serve options the command line gets.
 */
export function writeFlowDefinition(out: Output, graph: FlowGraph, writeBody: () => void, serveVariable?: string): void {
  const ident = identFromTitle(graph.name);
  const options: [string, unknown][] = [];
  if (graph.name !== ident) options.push(["name", graph.name]);
  if (graph.description) options.push(["description", graph.description]);
  for (const key of FLOW_OPTION_KEYS) if (graph.options[key] !== undefined) options.push([key, graph.options[key]]);
  const fn = `async function ${ident}(${paramsPattern(graph.params)})`;
  const start = out.nextLine;
  writeCall(out, null, `const ${ident} = flow(`, options, fn, null, writeBody);
  out.span(null, "flow", [start, start]);
  // `node file.ts --params '{...}'` runs the flow; importing the file (as a subflow, or in the app) does not.
  if (!graph.serve || serveVariable === undefined) {
    out.span(null, "flow", out.add(`export default ${ident};\n\nif (import.meta.main) await runFromCommandLine(${ident});`));
    return;
  }
  // `node file.ts --serve` serves the flow on its schedules; without --serve it still runs once.
  out.span(null, "flow", out.add(`export default ${ident};`));
  out.blank();
  writeServeOptions(out, graph.serve, serveVariable);
  out.blank();
  out.span(null, "flow", out.add(`if (import.meta.main) await runFromCommandLine(${ident}, { serve: ${serveVariable} });`));
}

function paramsPattern(params: readonly FlowParam[]): string {
  if (params.length === 0) return "";
  const names = params.map((p) => (p.default === undefined ? p.name : `${p.name} = ${printValue(p.default)}`));
  const allOptional = params.every((p) => p.default !== undefined);
  return `{ ${names.join(", ")} }: Params${allOptional ? " = {}" : ""}`;
}

/**
 * `<head>{options}, <fn> {` + body + `});`. Options stay on the first line
 * unless it would pass 120 columns; then they take a line each.
 */
function writeCall(out: Output, nodeId: string | null, head: string, options: [string, unknown][], fn: string, code: string | null, writeBody?: () => void): void {
  const inline = options.length ? `{ ${options.map(([k, v]) => `${printKey(k)}: ${printValue(v)}`).join(", ")} }, ` : "";
  const empty = code === "" || (code === null && !writeBody);
  const opener = empty ? `${fn} {});` : `${fn} {`;
  let range: [number, number];
  if (options.length === 0 || (head + inline + opener).length <= MAX_LINE) {
    range = out.add(head + inline + opener);
  } else {
    range = out.add([head + "{", ...options.map(([k, v]) => `  ${printKey(k)}: ${printValue(v)},`), `}, ${opener}`].join("\n"));
  }
  if (empty) {
    if (nodeId !== null) out.span(nodeId, "definition", range);
    return;
  }
  if (code !== null) out.span(nodeId, "body", out.add(indent(code, "  ")), 2);
  else writeBody?.();
  if (out.nextLine === range[1] + 1) {
    // Nothing was written inside: close the function on its own line, `{});`.
    out.lines[range[1] - 1] += "});";
    return;
  }
  const end = out.add("});");
  if (nodeId !== null) out.span(nodeId, "definition", [range[0], end[1]]);
}

function docComment(text: string): string {
  const lines = text.split("\n");
  // A leading `*` on the comment's first line would be read back as the comment's own margin.
  if (lines.length === 1 && !text.startsWith("*")) return `/** ${text} */`;
  return ["/**", ...lines.map((l) => (l.trim() === "" ? " *" : ` * ${l.trimEnd()}`)), " */"].join("\n");
}
