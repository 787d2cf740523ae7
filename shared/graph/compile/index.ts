/**
 * Graph → TypeScript. The output is what a person would write with the SDK:
 * one exported task per code node, a default-exported flow whose body calls
 * them, and a trailing comment block with canvas positions. Deterministic:
 * the same graph always gives the same text.
 */
import ts from "typescript";
import { formatCanvas, type CanvasEntry } from "../canvas.ts";
import { isCodeNode, type FlowGraph } from "../model.ts";
import { SDK_AUTO_IMPORTS, identFromTitle } from "../names.ts";
import { normalizeHeader } from "../normalize.ts";
import { printString } from "../print.ts";
import { writeBody } from "./body.ts";
import { defaultTitle, makeContext, type CompileContext } from "./context.ts";
import { writeFlowDefinition, writeParamsInterface, writeTaskDefinition } from "./definitions.ts";
import { Output, type CompiledSpan } from "./output.ts";
import { serveVariable } from "./serve.ts";

export type { CompiledSpan, SpanRole } from "./output.ts";

export interface CompiledFlow {
  code: string;
  /** Which lines of `code` came from which node, for mapping compiler diagnostics back. */
  spans: CompiledSpan[];
}

export function compileGraph(graph: FlowGraph): CompiledFlow {
  const ctx = makeContext(graph);
  const out = new Output();
  const header = normalizeHeader(graph.header);

  out.add(`import { ${sdkImports(graph, header).join(", ")} } from "flowbench";`);
  for (const node of graph.nodes) {
    if (node.kind === "subflow") out.span(node.id, "definition", out.add(`import ${ctx.ident(node)} from ${printString(subflowSpecifier(node.flow))};`));
  }
  if (header) {
    out.blank();
    out.span(null, "header", out.add(header));
  }
  for (const node of graph.nodes) {
    if (!isCodeNode(node)) continue;
    out.blank();
    writeTaskDefinition(out, node, ctx.ident(node));
  }
  if (graph.params.length > 0) {
    out.blank();
    writeParamsInterface(out, graph.params);
  }
  out.blank();
  writeFlowDefinition(out, graph, () => writeBody(out, ctx), graph.serve ? serveVariable(moduleNames(graph, ctx, header)) : undefined);
  if (graph.nodes.length > 0) {
    out.blank();
    out.add(formatCanvas(canvasEntries(ctx)));
  }
  return { code: out.text(), spans: out.spans };
}

/** `weekly-report` → `./weekly-report.ts`; `../lib/report` → `../lib/report.ts`. */
export function subflowSpecifier(flow: string): string {
  return `${flow.startsWith("../") ? "" : "./"}${flow}.ts`;
}

function canvasEntries(ctx: CompileContext): CanvasEntry[] {
  return ctx.graph.nodes.map((node) => {
    const ref = node.kind === "input" ? `params.${node.param}` : node.kind === "output" ? "return" : ctx.ident(node);
    const entry: CanvasEntry = { ref, id: node.id, x: node.position.x, y: node.position.y };
    const codeCarriesTitle = isCodeNode(node);
    if (!codeCarriesTitle && node.title !== defaultTitle(node, ctx.ident(node))) entry.title = node.title;
    if (node.kind === "task" && node.template) entry.template = node.template;
    return entry;
  });
}

/**
 * `flow`, `task` when there are tasks, `type ServeOptions` with serve options,
 * and the SDK helpers the code uses but does not import itself.
 */
function sdkImports(graph: FlowGraph, header: string): string[] {
  const names = new Set<string>(["flow", "runFromCommandLine"]);
  if (graph.nodes.some(isCodeNode)) names.add("task");
  const texts = [header, ...graph.nodes.map((n) => (isCodeNode(n) ? n.code : ""))].join("\n");
  const bound = headerBindings(header);
  for (const name of SDK_AUTO_IMPORTS) if (!bound.has(name) && new RegExp(`\\b${name}\\b`).test(texts)) names.add(name);
  // A type: verbatimModuleSyntax needs `type`, or Node would look for a runtime export.
  const types = graph.serve && !bound.has("ServeOptions") ? ["ServeOptions"] : [];
  return [...names, ...types]
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map((name) => (types.includes(name) ? `type ${name}` : name));
}

/** Names taken at the top level of the file, which the serve options must not reuse. */
function moduleNames(graph: FlowGraph, ctx: CompileContext, header: string): Set<string> {
  const names = headerBindings(header);
  names.add(identFromTitle(graph.name));
  for (const node of graph.nodes) if (isCodeNode(node) || node.kind === "subflow") names.add(ctx.ident(node));
  return names;
}

/** Names the header declares or imports at its top level. */
function headerBindings(header: string): Set<string> {
  const names = new Set<string>();
  if (!header) return names;
  const file = ts.createSourceFile("header.ts", header, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const bind = (name: ts.BindingName | ts.Identifier | undefined) => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bind(el.name);
  };
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st) && st.importClause) {
      bind(st.importClause.name);
      const nb = st.importClause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) bind(nb.name);
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) bind(el.name);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) bind(d.name);
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name) {
      bind(st.name);
    }
  }
  return names;
}
