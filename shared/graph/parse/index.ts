/**
 * TypeScript → graph. A file in the compiler's form (or hand-edited within
 * it) gives its graph back; anything else gives the lines the graph cannot
 * represent, and the app opens the file as code. Parsing never throws.
 */
import ts from "typescript";
import { readCanvas, type CanvasEntry } from "../canvas.ts";
import type { GraphServe } from "../compile/serve.ts";
import { layeredPositions } from "../layout.ts";
import { flowGraphSchema, type FlowGraph, type GraphEdge, type GraphNode } from "../model.ts";
import { normalizeGraph, normalizeHeader } from "../normalize.ts";
import { fileSyntaxErrors } from "../syntax.ts";
import { readBody, type BodyNode } from "./body.ts";
import { flagStrayComments, type Range } from "./comments.ts";
import { readFlowDefinition, readTaskDefinition, type FlowDefinition, type TaskDefinition } from "./definitions.ts";
import { readModule } from "./module.ts";
import { Problems, type SourceProblem } from "./problems.ts";
import { readServeOptions } from "./serve.ts";

export type { SourceProblem } from "./problems.ts";

export type ParseResult =
  | { ok: true; graph: FlowGraph }
  | { ok: false; reason: ParseFailure; problems: SourceProblem[] };

/** syntax: not valid TypeScript. not-a-flow: no default-exported flow(). code-only: a flow the graph cannot show. */
export type ParseFailure = "syntax" | "not-a-flow" | "code-only";

export function parseFlowSource(text: string, fileName = "flow.ts"): ParseResult {
  try {
    return parse(text, fileName);
  } catch (error) {
    // A parser bug must not take the app down; the file still opens as code.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: "code-only", problems: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: `The graph parser failed: ${message}` }] };
  }
}

function parse(text: string, fileName: string): ParseResult {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const syntax = fileSyntaxErrors(file);
  if (syntax.length > 0) return { ok: false, reason: "syntax", problems: syntax };

  const problems = new Problems(file);
  const shape = readModule(file, problems);
  if (!shape.flow) {
    return { ok: false, reason: "not-a-flow", problems: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: "No flow here: a flow file's default export is flow(...), e.g. export default flow(async function main() { ... })" }] };
  }

  const tasks = new Map<string, TaskDefinition>();
  for (const decl of shape.tasks) {
    const def = readTaskDefinition(decl, file, problems);
    if (def && tasks.has(def.ident)) problems.at(decl.statement, `Task '${def.ident}' is defined twice`);
    else if (def) tasks.set(def.ident, def);
  }
  const flow = readFlowDefinition(shape.flow, file, shape.interfaces, problems);
  if (!flow) return codeOnly(problems);
  const serve = shape.serve ? readServeOptions(shape.serve.value, problems) : undefined;

  const body = readBody(flow.fn.body, { tasks: new Map([...tasks].map(([k, d]) => [k, d.inputs.map((p) => p.name)])), imports: new Map([...shape.imports].map(([k, v]) => [k, v.flow])), params: new Set(flow.params.map((p) => p.name)) }, problems);

  // Imports the body does not call as subflows, and the Params interface if it sat in the header, are plain header code.
  const called = new Set(body.nodes.filter((n) => n.kind === "subflow").map((n) => n.ref));
  const paramsInterface = paramsInterfaceOf(flow, shape.interfaces);
  const header = [...shape.header, ...[...shape.imports].filter(([local]) => !called.has(local)).map(([, v]) => v.statement)]
    .filter((st) => st !== paramsInterface)
    .sort((a, b) => a.pos - b.pos);
  for (const [name, decl] of shape.interfaces) {
    if (decl !== paramsInterface && !shape.header.includes(decl)) problems.at(decl, `Interface '${name}' sits among the tasks: move it above them, into the header`);
  }

  const lastStatement = file.statements[file.statements.length - 1];
  const canvas = readCanvas(text, lastStatement ? lastStatement.end : 0);
  for (const line of canvas.badLines) problems.range(file.getPositionOfLineAndCharacter(line - 1, 0), file.getPositionOfLineAndCharacter(line - 1, 0), `Line ${line} of the canvas block is not a node entry`);
  const keep: Range[] = [...header.map((st) => [st.pos, st.end] as const), ...[...tasks.values()].map((d) => [d.body.getStart(file), d.body.end] as const), ...flow.members.map((m) => [m.pos, m.end] as const)];
  const first = file.statements[0];
  if (first && !header.includes(first)) keep.push([0, first.getStart(file)]);
  if (shape.firstDefinition) keep.push([shape.firstDefinition.pos, shape.firstDefinition.getStart(file)]);
  // With no tasks, the compiler writes the Params interface right after the header: comments above it end the header.
  const paramsLead = paramsInterface && shape.header.includes(paramsInterface) && header.every((st) => st.end <= paramsInterface.pos) ? paramsInterface : undefined;
  if (paramsLead) keep.push([paramsLead.pos, paramsLead.getStart(file)]);
  if (canvas.start >= 0) keep.push([canvas.start, text.length]);
  if (text.startsWith("#!")) problems.range(0, text.indexOf("\n"), "A #! line cannot be kept in a flow file");
  flagStrayComments(text, keep, problems);
  if (problems.any) return codeOnly(problems);

  const headerText = [first && !header.includes(first) ? text.slice(0, first.getStart(file)) : "", ...header.map((st) => text.slice(st.pos, st.end)), paramsLead ? text.slice(paramsLead.pos, paramsLead.getStart(file)) : "", shape.firstDefinition ? text.slice(shape.firstDefinition.pos, shape.firstDefinition.getStart(file)) : ""].join("");
  const graph = assemble(flow, serve, tasks, body.nodes, body.edges, shape.imports, canvas.entries, normalizeHeader(headerText), problems);
  if (!graph || problems.any) return codeOnly(problems);
  return { ok: true, graph };
}

function codeOnly(problems: Problems): ParseResult {
  const sorted = [...problems.list].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, reason: "code-only", problems: sorted };
}

function paramsInterfaceOf(flow: FlowDefinition, interfaces: ReadonlyMap<string, ts.InterfaceDeclaration>): ts.InterfaceDeclaration | undefined {
  const param = flow.fn.parameters[0];
  const type = param?.type;
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  return interfaces.get(type.typeName.text);
}

function assemble(
  flow: FlowDefinition,
  serve: GraphServe | undefined,
  tasks: ReadonlyMap<string, TaskDefinition>,
  bodyNodes: readonly BodyNode[],
  bodyEdges: readonly GraphEdge[],
  imports: ReadonlyMap<string, { flow: string }>,
  canvas: ReadonlyMap<string, CanvasEntry>,
  header: string,
  problems: Problems,
): FlowGraph | undefined {
  const used = new Map(bodyNodes.map((n) => [n.ref, n] as const));
  // Unconnected parameters and tasks still belong on the canvas.
  for (const ref of canvas.keys()) {
    const param = ref.startsWith("params.") ? ref.slice(7) : undefined;
    if (param && !used.has(ref) && flow.params.some((p) => p.name === param)) used.set(ref, { ref, kind: "input", scope: [] });
  }
  for (const ident of tasks.keys()) if (!used.has(ident)) used.set(ident, { ref: ident, kind: "task", scope: [] });

  const canvasOrder = new Map([...canvas.keys()].map((ref, i) => [ref, i] as const));
  const codeOrder = new Map([...flow.params.map((p) => `params.${p.name}`), ...tasks.keys()].map((ref, i) => [ref, i] as const));
  const rank = (n: BodyNode): number => {
    const i = canvasOrder.get(n.ref);
    if (i !== undefined) return i;
    const group = { input: 0, task: 1, map: 1, branch: 1, subflow: 2, output: 3 }[n.kind];
    return canvas.size + group * 1e6 + (codeOrder.get(n.ref) ?? 0);
  };
  const ordered = [...used.values()].map((n, i) => ({ n, i, r: rank(n) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.n);

  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of ordered) {
    let id = canvas.get(n.ref)?.id ?? n.ref;
    for (let k = 2; taken.has(id); k++) id = `${canvas.get(n.ref)?.id ?? n.ref}-${k}`;
    taken.add(id);
    ids.set(n.ref, id);
  }

  const nodes: GraphNode[] = [];
  for (const n of ordered) nodes.push(toNode(n, ids.get(n.ref)!, tasks, imports, canvas.get(n.ref), problems));
  const edges = bodyEdges.map((e) => ({ ...e, source: ids.get(e.source) ?? e.source, target: ids.get(e.target) ?? e.target }));
  const draft = { name: flow.name, ...(flow.description ? { description: flow.description } : {}), params: flow.params, options: flow.options, ...(serve ? { serve } : {}), header, nodes, edges };
  const laid = layeredPositions(draft as FlowGraph);
  const refs = new Map([...ids].map(([ref, id]) => [id, ref] as const));
  for (const node of nodes) if (!canvas.has(refs.get(node.id) ?? node.id)) node.position = laid.get(node.id) ?? node.position;

  const checked = flowGraphSchema.safeParse(draft);
  if (!checked.success) {
    for (const issue of checked.error.issues) problems.range(0, 0, `The graph read from this file is not valid at ${issue.path.join(".")}: ${issue.message}`);
    return undefined;
  }
  return normalizeGraph(checked.data);
}

function toNode(
  n: BodyNode,
  id: string,
  tasks: ReadonlyMap<string, TaskDefinition>,
  imports: ReadonlyMap<string, { flow: string }>,
  entry: CanvasEntry | undefined,
  problems: Problems,
): GraphNode {
  const position = { x: entry?.x ?? 0, y: entry?.y ?? 0 };
  switch (n.kind) {
    case "input": {
      const param = n.ref.slice("params.".length);
      return { id, kind: "input", title: entry?.title ?? param, position, param };
    }
    case "output":
      return { id, kind: "output", title: entry?.title ?? "Output", position };
    case "subflow":
      return { id, kind: "subflow", title: entry?.title ?? n.ref, position, flow: imports.get(n.ref)!.flow };
    case "task":
    case "map":
    case "branch": {
      const def = tasks.get(n.ref)!;
      const common = { id, title: def.title, position, inputs: def.inputs, code: def.code, options: def.options };
      if (n.kind === "branch") {
        if (def.output !== undefined && def.output.replace(/\s/g, "") !== "boolean") problems.at(def.statement, `'${n.ref}' decides a branch, so it must return Promise<boolean>`);
        return { ...common, kind: "branch" };
      }
      if (n.kind === "map") {
        if (def.inputs.length === 0) problems.at(def.statement, `'${n.ref}' is mapped over a list, so it needs an input for the item`);
        return { ...common, kind: "map", ...(def.output !== undefined ? { output: def.output } : {}) };
      }
      return { ...common, kind: "task", ...(def.output !== undefined ? { output: def.output } : {}), ...(entry?.template ? { template: entry.template } : {}) };
    }
  }
}
