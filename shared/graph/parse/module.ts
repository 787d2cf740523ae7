/**
 * Sorts a file's top-level statements into what the compiler writes (the SDK
 * import, subflow imports, task definitions, Params, the flow) and the
 * header the user wrote. Anything in between cannot be kept and is a problem.
 */
import ts from "typescript";
import { SDK_AUTO_IMPORTS } from "../names.ts";
import { matchDeclaration, type Declaration } from "./definitions.ts";
import type { Problems } from "./problems.ts";

const GENERATED_SDK_NAMES = new Set<string>(["flow", "task", "runFromCommandLine", ...SDK_AUTO_IMPORTS]);

export interface ModuleShape {
  sdkImport?: ts.ImportDeclaration;
  /** `import x from "./other.ts"` before any other code: subflows if the body calls them. */
  imports: Map<string, { flow: string; statement: ts.ImportDeclaration }>;
  header: ts.Statement[];
  tasks: Declaration[];
  interfaces: Map<string, ts.InterfaceDeclaration>;
  flow?: { ident: string; call: ts.CallExpression; statements: ts.Statement[] };
  /** The first statement the compiler writes after the header. */
  firstDefinition?: ts.Statement;
}

export function readModule(file: ts.SourceFile, problems: Problems): ModuleShape {
  const shape: ModuleShape = { imports: new Map(), header: [], tasks: [], interfaces: new Map() };
  const at: { phase: "imports" | "header" | "definitions" } = { phase: "imports" };
  const flowConsts = new Map<string, { call: ts.CallExpression; statement: ts.Statement }>();

  for (const st of file.statements) {
    if (at.phase === "imports" && !shape.sdkImport && isSdkImport(st, problems)) {
      shape.sdkImport = st as ts.ImportDeclaration;
      continue;
    }
    const sub = at.phase === "imports" ? subflowImport(st) : undefined;
    if (sub) {
      shape.imports.set(sub.local, { flow: sub.flow, statement: st as ts.ImportDeclaration });
      continue;
    }
    const decl = matchDeclaration(st);
    if (decl?.callee === "task") {
      enter(st);
      shape.tasks.push(decl);
    } else if (decl?.callee === "flow") {
      enter(st);
      flowConsts.set(decl.ident, { call: decl.call, statement: st });
    } else if (ts.isInterfaceDeclaration(st) && at.phase === "definitions") {
      shape.interfaces.set(st.name.text, st);
    } else if (ts.isExportAssignment(st) && !st.isExportEquals) {
      enter(st);
      readDefaultExport(st, flowConsts, shape, problems);
    } else if (at.phase === "definitions" && shape.flow && isMainGuard(st, shape.flow.ident)) {
      shape.flow.statements.push(st);
    } else if (at.phase === "definitions") {
      problems.at(st, "Only task definitions, the parameters interface and the flow can follow the first task: move this code above the tasks, into the header");
    } else {
      at.phase = "header";
      shape.header.push(st);
      if (ts.isInterfaceDeclaration(st)) shape.interfaces.set(st.name.text, st);
    }
  }
  return shape;

  function enter(st: ts.Statement): void {
    if (at.phase !== "definitions") shape.firstDefinition = st;
    at.phase = "definitions";
  }
}

function readDefaultExport(
  st: ts.ExportAssignment,
  flowConsts: Map<string, { call: ts.CallExpression; statement: ts.Statement }>,
  shape: ModuleShape,
  problems: Problems,
): void {
  const e = st.expression;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "flow") {
    const fn = e.arguments[e.arguments.length - 1];
    const ident = fn && ts.isFunctionExpression(fn) && fn.name ? fn.name.text : "flow";
    shape.flow = { ident, call: e, statements: [st] };
  } else if (ts.isIdentifier(e) && flowConsts.has(e.text)) {
    const found = flowConsts.get(e.text)!;
    shape.flow = { ident: e.text, call: found.call, statements: [found.statement, st] };
  } else {
    problems.at(st, "The default export must be the flow: export default flow(...)");
  }
}

/** `if (import.meta.main) await runFromCommandLine(<flow>);`, which the compiler writes after the flow. */
function isMainGuard(st: ts.Statement, ident: string): boolean {
  if (!ts.isIfStatement(st) || st.elseStatement) return false;
  const cond = st.expression;
  if (!ts.isPropertyAccessExpression(cond) || cond.name.text !== "main" || !ts.isMetaProperty(cond.expression)) return false;
  let body: ts.Statement = st.thenStatement;
  if (ts.isBlock(body) && body.statements.length === 1) body = body.statements[0]!;
  if (!ts.isExpressionStatement(body)) return false;
  let e = body.expression;
  if (ts.isAwaitExpression(e)) e = e.expression;
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "runFromCommandLine" && e.arguments.length === 1 && ts.isIdentifier(e.arguments[0]!) && e.arguments[0].text === ident;
}

/** `import { flow, task, ... } from "flowbench"` with nothing the compiler would not write itself. */
function isSdkImport(st: ts.Statement, problems: Problems): boolean {
  if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== "flowbench") return false;
  const clause = st.importClause;
  const named = clause?.namedBindings;
  if (!clause || clause.isTypeOnly || clause.name || !named || !ts.isNamedImports(named)) return false;
  const extra = named.elements.filter((el) => el.propertyName || el.isTypeOnly || !GENERATED_SDK_NAMES.has(el.name.text));
  if (extra.length > 0) {
    problems.at(extra[0]!, `The graph writes the 'flowbench' import itself with ${[...GENERATED_SDK_NAMES].join(", ")}; import anything else from 'flowbench' in a second import statement`);
  }
  return true;
}

function subflowImport(st: ts.Statement): { local: string; flow: string } | undefined {
  if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) return undefined;
  const spec = st.moduleSpecifier.text;
  const clause = st.importClause;
  if (!clause?.name || clause.namedBindings || clause.isTypeOnly || !/^\.\.?\/.*\.ts$/.test(spec)) return undefined;
  const flow = spec.slice(0, -3).replace(/^\.\//, "");
  return { local: clause.name.text, flow };
}
