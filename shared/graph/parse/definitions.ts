/** Reads `[export] const x = task(...)`, the flow declaration and its Params. */
import ts from "typescript";
import type { z } from "zod";
import { literalLinesIn, normalizeCode } from "../code-text.ts";
import { flowOptionsSchema, taskOptionsSchema, type FlowGraphOptions, type FlowParam, type Port, type TaskGraphOptions } from "../model.ts";
import type { JsonValue } from "../print.ts";
import { literalValue, propertyKey } from "./literals.ts";
import type { Problems } from "./problems.ts";

/** `[export] const <ident> = task(...)` or `= flow(...)`. */
export interface Declaration {
  statement: ts.VariableStatement;
  ident: string;
  callee: "task" | "flow";
  call: ts.CallExpression;
}

export function matchDeclaration(st: ts.Statement): Declaration | undefined {
  if (!ts.isVariableStatement(st)) return undefined;
  const list = st.declarationList;
  if (!(list.flags & ts.NodeFlags.Const) || list.declarations.length !== 1) return undefined;
  const decl = list.declarations[0]!;
  if (!ts.isIdentifier(decl.name) || !decl.initializer || !ts.isCallExpression(decl.initializer)) return undefined;
  const callee = decl.initializer.expression;
  if (!ts.isIdentifier(callee) || (callee.text !== "task" && callee.text !== "flow")) return undefined;
  return { statement: st, ident: decl.name.text, callee: callee.text, call: decl.initializer };
}

export interface TaskDefinition {
  ident: string;
  statement: ts.Statement;
  title: string;
  options: TaskGraphOptions;
  inputs: Port[];
  output?: string;
  code: string;
  body: ts.Block;
}

export function readTaskDefinition(decl: Declaration, file: ts.SourceFile, problems: Problems): TaskDefinition | undefined {
  const parts = splitCall(decl, file, problems);
  if (!parts) return undefined;
  const { options, name: title } = readOptions(parts.options, taskOptionsSchema, ["name"], problems);
  const fn = parts.fn;
  const inputs: Port[] = [];
  for (const p of fn.parameters) {
    if (!ts.isIdentifier(p.name) || p.dotDotDotToken || p.initializer) {
      problems.at(p, `Task '${decl.ident}': each input must be a plain parameter like 'name: string' (no destructuring, defaults or rest)`);
      continue;
    }
    const port: Port = { name: p.name.text };
    if (p.type) port.type = p.type.getText(file);
    if (p.questionToken) port.optional = true;
    inputs.push(port);
  }
  const output = readReturnType(fn, decl.ident, file, problems);
  const def: TaskDefinition = {
    ident: decl.ident,
    statement: decl.statement,
    title: typeof title === "string" ? title : decl.ident,
    options: options as TaskGraphOptions,
    inputs,
    // The file's own syntax tree says which body lines lie inside literals: no second parse.
    code: normalizeCode(file.text.slice(fn.body.getStart(file) + 1, fn.body.end - 1), literalLinesIn(fn.body, file, fn.body.getStart(file) + 1)),
    body: fn.body,
  };
  if (output !== undefined) def.output = output;
  return def;
}

export interface FlowDefinition {
  name: string;
  description?: string;
  options: FlowGraphOptions;
  params: FlowParam[];
  fn: ts.FunctionExpression & { body: ts.Block };
  /** The Params interface members, whose descriptions are comments the file may keep. */
  members: readonly ts.TypeElement[];
}

export function readFlowDefinition(
  decl: Pick<Declaration, "ident" | "call">,
  file: ts.SourceFile,
  interfaces: ReadonlyMap<string, ts.InterfaceDeclaration>,
  problems: Problems,
): FlowDefinition | undefined {
  const parts = splitCall(decl as Declaration, file, problems);
  if (!parts) return undefined;
  const { options, name: title, description } = readOptions(parts.options, flowOptionsSchema, ["name", "description"], problems);
  const def: FlowDefinition = {
    name: typeof title === "string" ? title : decl.ident,
    options: options as FlowGraphOptions,
    params: [],
    fn: parts.fn,
    members: [],
  };
  if (typeof description === "string" && description !== "") def.description = description;
  readParams(def, file, interfaces, problems);
  return def;
}

function splitCall(decl: Declaration, file: ts.SourceFile, problems: Problems) {
  const args = decl.call.arguments;
  const what = decl.callee === "flow" ? "The flow" : `Task '${decl.ident}'`;
  const fn = args[args.length - 1];
  if (args.length < 1 || args.length > 2 || !fn) {
    problems.at(decl.call, `${what}: expected ${decl.callee}(options, async function ${decl.ident}(...) { ... })`);
    return undefined;
  }
  if (!ts.isFunctionExpression(fn) || !fn.body) {
    problems.at(fn, `${what}: write the function as 'async function ${decl.ident}(...) { ... }' (arrow functions and references cannot be shown as a node)`);
    return undefined;
  }
  const isAsync = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  if (!isAsync || fn.asteriskToken || fn.typeParameters) {
    problems.at(fn, `${what}: the function must be a plain 'async function' without type parameters`);
    return undefined;
  }
  if (fn.name?.text !== decl.ident && decl.callee === "task") {
    problems.at(fn.name ?? fn, `Task '${decl.ident}': name its function '${decl.ident}' like its constant, so runs are named after it`);
    return undefined;
  }
  const options = args.length === 2 ? args[0]! : undefined;
  return { fn: fn as ts.FunctionExpression & { body: ts.Block }, options };
}

/** An options object of literal values, checked against the graph's schema. */
function readOptions(expr: ts.Expression | undefined, schema: z.ZodObject, extra: string[], problems: Problems) {
  const out: Record<string, JsonValue> = {};
  const extras: Record<string, JsonValue> = {};
  if (!expr) return { options: out, ...extras };
  if (!ts.isObjectLiteralExpression(expr)) {
    problems.at(expr, "Options must be written as an object literal");
    return { options: out, ...extras };
  }
  const known = Object.keys(schema.shape);
  const nodes = new Map<string, ts.Node>();
  for (const prop of expr.properties) {
    const key = ts.isPropertyAssignment(prop) ? propertyKey(prop.name) : undefined;
    if (key === undefined || !ts.isPropertyAssignment(prop)) {
      problems.at(prop, "Options must be 'key: value' pairs");
      continue;
    }
    if (!known.includes(key) && !extra.includes(key)) {
      problems.at(prop, `Option '${key}' cannot be shown in the graph (it can: ${[...extra, ...known].join(", ")})`);
      continue;
    }
    const value = literalValue(prop.initializer);
    if (!value.ok) {
      problems.at(value.node, `Option '${key}' must be a literal value (a string, number, boolean or list), not code`);
      continue;
    }
    if (extra.includes(key)) {
      if (typeof value.value !== "string") problems.at(prop.initializer, `Option '${key}' must be a string`);
      else extras[key] = value.value;
    } else {
      out[key] = value.value;
      nodes.set(key, prop.initializer);
    }
  }
  const checked = schema.safeParse(out);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? "");
      const node = nodes.get(key) ?? expr;
      problems.at(node, `Option '${key}' ${issue.message}`);
    }
  }
  return { options: checked.success ? (checked.data as Record<string, JsonValue>) : out, ...extras } as {
    options: Record<string, JsonValue>;
    name?: JsonValue;
    description?: JsonValue;
  };
}

function readReturnType(fn: ts.FunctionExpression, ident: string, file: ts.SourceFile, problems: Problems): string | undefined {
  const type = fn.type;
  if (!type) return undefined;
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === "Promise" && type.typeArguments?.length === 1) {
    return type.typeArguments[0]!.getText(file);
  }
  problems.at(type, `Task '${ident}': its return type must be written Promise<...>`);
  return undefined;
}

function readParams(def: FlowDefinition, file: ts.SourceFile, interfaces: ReadonlyMap<string, ts.InterfaceDeclaration>, problems: Problems): void {
  const params = def.fn.parameters;
  if (params.length === 0) return;
  const param = params[0]!;
  if (params.length > 1 || !ts.isObjectBindingPattern(param.name)) {
    problems.at(param, "The flow takes one parameters object, destructured: async function f({ a, b = 1 }: Params)");
    return;
  }
  if (param.initializer && !(ts.isObjectLiteralExpression(param.initializer) && param.initializer.properties.length === 0)) {
    problems.at(param.initializer, "The parameters object may only default to {}");
  }
  let members: readonly ts.TypeElement[] = [];
  if (param.type && ts.isTypeReferenceNode(param.type) && ts.isIdentifier(param.type.typeName) && interfaces.has(param.type.typeName.text)) {
    members = interfaces.get(param.type.typeName.text)!.members;
  } else if (param.type && ts.isTypeLiteralNode(param.type)) {
    members = param.type.members;
  } else if (param.type) {
    problems.at(param.type, "Type the parameters with an interface declared in this file (export interface Params { ... })");
    return;
  }
  def.members = members;
  const defaults = new Map<string, JsonValue | undefined>();
  for (const el of param.name.elements) {
    if (el.dotDotDotToken || el.propertyName || !ts.isIdentifier(el.name)) {
      problems.at(el, "Each parameter must be destructured by its own name, like { since, limit = 10 }");
      continue;
    }
    let value: JsonValue | undefined;
    if (el.initializer) {
      const literal = literalValue(el.initializer);
      if (literal.ok) value = literal.value;
      else problems.at(el.initializer, `Parameter '${el.name.text}': a default must be a literal value (string, number, boolean, null, list or object)`);
    }
    defaults.set(el.name.text, value);
  }
  const declared = new Set<string>();
  for (const m of members) {
    const name = ts.isPropertySignature(m) ? propertyKey(m.name) : undefined;
    if (!ts.isPropertySignature(m) || name === undefined || !m.type) {
      problems.at(m, "Each parameter must be declared as 'name: type;'");
      continue;
    }
    declared.add(name);
    const p: FlowParam = { name, type: m.type.getText(file) };
    const value = defaults.get(name);
    if (value !== undefined) p.default = value;
    else if (m.questionToken) problems.at(m, `Parameter '${name}' is optional: give it a default in the flow's parameter list, like { ${name} = ... }`);
    const description = jsdocOf(m, file, problems);
    if (description) p.description = description;
    def.params.push(p);
  }
  for (const name of defaults.keys()) {
    if (!declared.has(name)) problems.at(param.name, `Parameter '${name}' has no type in the parameters' interface`);
  }
}

/** A member's one `/** ... *\/` comment as plain text; other comments there would be lost, so they are problems. */
function jsdocOf(member: ts.Node, file: ts.SourceFile, problems: Problems): string | undefined {
  const ranges = ts.getLeadingCommentRanges(file.text, member.pos) ?? [];
  let text: string | undefined;
  for (const r of ranges) {
    const raw = file.text.slice(r.pos, r.end);
    if (text === undefined && raw.startsWith("/**") && raw !== "/**/") {
      text = raw
        .slice(3, -2)
        .split("\n")
        .map((l) => l.replace(/^\s*\* ?/, "").trimEnd())
        .join("\n")
        .trim();
    } else {
      problems.range(r.pos, r.end, "Only one /** description */ per parameter can be kept; this comment would be lost");
    }
  }
  return text || undefined;
}
