/** `flowbench graph compile | parse | check`: the graph ↔ TypeScript tools, for scripts and CI. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { compileGraph, parseFlowSource, validateGraphJson, type GraphProblem } from "../../../shared/graph/index.ts";
import { checkGraph } from "../../graph/run.ts";
import { CliError } from "../errors.ts";

function read(file: string): string {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`File not found: ${file}`);
  return readFileSync(path, "utf8");
}

function report(file: string, problems: readonly GraphProblem[]): boolean {
  for (const p of problems) process.stderr.write(`${file}: ${p.severity}: ${p.message}\n`);
  return problems.some((p) => p.severity === "error");
}

/** Graph JSON → TypeScript, to stdout or a file. */
export function graphCompile(file: string, options: { out?: string }): number {
  const validation = validateGraphJson(read(file));
  if (report(file, validation.problems) || !validation.graph) return 1;
  const { code } = compileGraph(validation.graph);
  if (options.out) writeFileSync(resolve(options.out), code);
  else process.stdout.write(code);
  return 0;
}

/** TypeScript → graph JSON; a file the graph cannot show gets its lines listed. */
export function graphParse(file: string): number {
  const result = parseFlowSource(read(file), resolve(file));
  if (result.ok) {
    process.stdout.write(JSON.stringify(result.graph, null, 2) + "\n");
    return 0;
  }
  for (const p of result.problems) process.stderr.write(`${file}:${p.line}:${p.column}: ${p.message}\n`);
  const why = { syntax: "it has syntax errors", "not-a-flow": "it does not default-export a flow", "code-only": "the graph cannot show the lines above; it opens as code and still runs" }[result.reason];
  process.stderr.write(`${file} is not a graph: ${why}\n`);
  return 1;
}

/** Validation and a full type check, of graph JSON or of a flow file. */
export function graphCheck(file: string): number {
  const text = read(file);
  let graph: unknown;
  let target = resolve(file);
  if (file.endsWith(".json")) {
    const validation = validateGraphJson(text);
    if (!validation.graph) return report(file, validation.problems) ? 1 : 0;
    graph = validation.graph;
    target = target.replace(/\.json$/, ".ts");
  } else {
    const parsed = parseFlowSource(text, target);
    if (!parsed.ok) return graphParse(file);
    graph = parsed.graph;
  }
  const check = checkGraph(graph, target);
  if (report(file, check.problems)) return 1;
  process.stdout.write(`${file}: no problems\n`);
  return 0;
}
