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
/** Types the compiler imports with `type` (verbatimModuleSyntax). */
const GENERATED_SDK_TYPES = new Set<string>(["ServeOptions"]);

export interface ModuleShape {
  sdkImport?: ts.ImportDeclaration;
  /** `import x from "./other.ts"` before any other code: subflows if the body calls them. */
  imports: Map<string, { flow: string; statement: ts.ImportDeclaration }>;
  header: ts.Statement[];
  tasks: Declaration[];
  interfaces: Map<string, ts.InterfaceDeclaration>;
  flow?: { ident: string; call: ts.CallExpression; statements: ts.Statement[] };
  /** `export const serveOptions: ServeOptions = {...}` after the flow, which the main guard passes on. */
  serve?: { ident: string; statement: ts.VariableStatement; value: ts.Expression };
  /** The first statement the compiler writes after the header. */
  firstDefinition?: ts.Statement;
}

export function readModule(file: ts.SourceFile, problems: Problems): ModuleShape {
  const shape: ModuleShape = { imports: new Map(), header: [], tasks: [], interfaces: new Map() };
  const at: { phase: "imports" | "header" | "definitions" } = { phase: "imports" };
  const flowConsts = new Map<string, { call: ts.CallExpression; statement: ts.Statement }>();
  let guard: ts.CallExpression | undefined;

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
    const serve = at.phase === "definitions" ? serveDeclaration(st) : undefined;
    const call = at.phase === "definitions" && shape.flow ? mainGuardCall(st, shape.flow.ident) : undefined;
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
    } else if (serve) {
      if (shape.serve) problems.at(st, `Serve options are declared twice ('${shape.serve.ident}' and '${serve.ident}'): keep one`);
      else if (guard) problems.at(st, `Declare '${serve.ident}' before the line that runs the flow, which uses it`);
      else shape.serve = serve;
    } else if (call && shape.flow) {
      shape.flow.statements.push(st);
      guard = call;
      readServeArgument(call, shape.serve, problems);
    } else if (at.phase === "definitions") {
      problems.at(st, "Only task definitions, the parameters interface and the flow can follow the first task: move this code above the tasks, into the header");
    } else {
      at.phase = "header";
      shape.header.push(st);
      if (ts.isInterfaceDeclaration(st)) shape.interfaces.set(st.name.text, st);
    }
  }
  if (shape.serve && !guard?.arguments[1]) {
    const call = `if (import.meta.main) await runFromCommandLine(${shape.flow?.ident ?? "<flow>"}, { serve: ${shape.serve.ident} });`;
    problems.at(shape.serve.statement, `The serve options '${shape.serve.ident}' are not used: end the file with ${call}`);
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

/**
 * `if (import.meta.main) await runFromCommandLine(<flow>[, { serve: serveOptions }]);`,
 * which the compiler writes after the flow: its call, whose second argument the caller checks.
 */
function mainGuardCall(st: ts.Statement, ident: string): ts.CallExpression | undefined {
  if (!ts.isIfStatement(st) || st.elseStatement) return undefined;
  const cond = st.expression;
  if (!ts.isPropertyAccessExpression(cond) || cond.name.text !== "main" || !ts.isMetaProperty(cond.expression)) return undefined;
  let body: ts.Statement = st.thenStatement;
  if (ts.isBlock(body) && body.statements.length === 1) body = body.statements[0]!;
  if (!ts.isExpressionStatement(body)) return undefined;
  let e = body.expression;
  if (ts.isAwaitExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== "runFromCommandLine") return undefined;
  if (e.arguments.length < 1 || e.arguments.length > 2) return undefined;
  return ts.isIdentifier(e.arguments[0]!) && e.arguments[0].text === ident ? e : undefined;
}

/** The guard's second argument may only be `{ serve: <the serve options declared above> }`. */
function readServeArgument(call: ts.CallExpression, serve: ModuleShape["serve"], problems: Problems): void {
  const arg = call.arguments[1];
  if (!arg) return;
  const prop = ts.isObjectLiteralExpression(arg) && arg.properties.length === 1 ? arg.properties[0]! : undefined;
  const value = prop && ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && prop.name.text === "serve" ? prop.initializer : undefined;
  const name = serve?.ident ?? "serveOptions";
  if (!value) {
    problems.at(arg, `runFromCommandLine's options can only be { serve: ${name} }, with ${name} declared after the flow as: export const ${name}: ServeOptions = { schedules: [...] }`);
  } else if (!ts.isIdentifier(value) || value.text !== serve?.ident) {
    problems.at(value, `'serve' must name the serve options declared after the flow, as: export const ${name}: ServeOptions = { schedules: [...] }`);
  }
}

/** `[export] const <ident>: ServeOptions = <value>;` */
function serveDeclaration(st: ts.Statement): ModuleShape["serve"] {
  if (!ts.isVariableStatement(st) || st.modifiers?.some((m) => m.kind !== ts.SyntaxKind.ExportKeyword)) return undefined;
  const list = st.declarationList;
  if (!(list.flags & ts.NodeFlags.Const) || list.declarations.length !== 1) return undefined;
  const decl = list.declarations[0]!;
  const type = decl.type;
  if (!ts.isIdentifier(decl.name) || !decl.initializer || !type || !ts.isTypeReferenceNode(type) || type.typeArguments) return undefined;
  if (!ts.isIdentifier(type.typeName) || type.typeName.text !== "ServeOptions") return undefined;
  return { ident: decl.name.text, statement: st, value: decl.initializer };
}

/** `import { flow, task, ... } from "flowbench"` with nothing the compiler would not write itself. */
function isSdkImport(st: ts.Statement, problems: Problems): boolean {
  if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== "flowbench") return false;
  const clause = st.importClause;
  const named = clause?.namedBindings;
  if (!clause || clause.isTypeOnly || clause.name || !named || !ts.isNamedImports(named)) return false;
  const extra = named.elements.filter((el) => el.propertyName || !(el.isTypeOnly ? GENERATED_SDK_TYPES : GENERATED_SDK_NAMES).has(el.name.text));
  if (extra.length > 0) {
    const names = [...GENERATED_SDK_NAMES, ...[...GENERATED_SDK_TYPES].map((t) => `type ${t}`)];
    problems.at(extra[0]!, `The graph writes the 'flowbench' import itself with ${names.join(", ")}; import anything else from 'flowbench' in a second import statement`);
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
