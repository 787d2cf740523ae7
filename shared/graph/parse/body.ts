/**
 * Reads the flow body back into nodes and edges. It accepts the compiler's
 * form and the obvious hand-written variants (`await t(x)`, `t(x)` un-awaited,
 * `await Promise.all(m.map(...))`); any other statement is a problem, since
 * the graph could not show it.
 */
import ts from "typescript";
import type { Scope } from "../analysis.ts";
import type { GraphEdge } from "../model.ts";
import { propertyKey } from "./literals.ts";
import type { Problems } from "./problems.ts";

export type BodyNodeKind = "task" | "map" | "branch" | "subflow" | "input" | "output";

export interface BodyNode {
  /** The code name: a task or subflow identifier, `params.<name>`, or `return`. */
  ref: string;
  kind: BodyNodeKind;
  scope: Scope;
}

/** Edges here name nodes by ref; the caller swaps in ids. */
export interface BodyGraph {
  nodes: BodyNode[];
  edges: GraphEdge[];
}

export interface BodyContext {
  /** Task definitions by identifier, with their input names in order. */
  tasks: ReadonlyMap<string, readonly string[]>;
  /** Default imports that may be subflows: local name → file. */
  imports: ReadonlyMap<string, string>;
  params: ReadonlySet<string>;
}

export function readBody(body: ts.Block, ctx: BodyContext, problems: Problems): BodyGraph {
  const nodes = new Map<string, BodyNode>();
  const edges: GraphEdge[] = [];
  const vars = new Map<string, string>(); // variable → ref
  const inputOf = (param: string): string => {
    const ref = `params.${param}`;
    if (!nodes.has(ref)) nodes.set(ref, { ref, kind: "input", scope: [] });
    return ref;
  };

  /** The node an argument reads, null for `undefined`, or a problem. */
  const source = (expr: ts.Expression): string | null | undefined => {
    let e = expr;
    while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
    if (ts.isCallExpression(e) && isPromiseAll(e.expression) && e.arguments.length === 1) e = e.arguments[0]!;
    if (ts.isIdentifier(e)) {
      if (e.text === "undefined") return null;
      const ref = vars.get(e.text);
      if (ref !== undefined) return ref;
      if (ctx.params.has(e.text)) return inputOf(e.text);
    }
    problems.at(expr, "An argument must be the result of an earlier step, a flow parameter, or undefined; other expressions cannot be shown as an edge");
    return undefined;
  };

  const addNode = (ref: string, kind: BodyNodeKind, scope: Scope, at: ts.Node): BodyNode | undefined => {
    if (nodes.has(ref)) {
      problems.at(at, `'${ref}' is called a second time; each graph node runs once (define another task to run it again)`);
      return undefined;
    }
    const node: BodyNode = { ref, kind, scope };
    nodes.set(ref, node);
    return node;
  };

  /** Puts a node on its path: a control edge unless one of its inputs already lies on it. */
  const place = (node: BodyNode, sources: string[]) => {
    const step = node.scope[node.scope.length - 1];
    if (!step) return;
    const onPath = sources.some((s) => (nodes.get(s)?.scope.length ?? 0) >= node.scope.length);
    if (!onPath) edges.push({ source: step.branch, target: node.ref, when: step.when });
  };

  const positional = (node: BodyNode, call: ts.CallExpression, ports: readonly string[]): string[] => {
    const sources: string[] = [];
    call.arguments.forEach((arg, i) => {
      const port = ports[i];
      if (port === undefined) {
        problems.at(arg, `'${node.ref}' takes ${ports.length} input${ports.length === 1 ? "" : "s"}; this argument has no input to go to`);
        return;
      }
      const s = source(arg);
      if (s) {
        edges.push({ source: s, target: node.ref, input: port });
        sources.push(s);
      }
    });
    return sources;
  };

  const named = (node: BodyNode, expr: ts.Expression | undefined, what: string): string[] => {
    const sources: string[] = [];
    if (!expr) return sources;
    if (!ts.isObjectLiteralExpression(expr)) {
      problems.at(expr, `${what} must be an object literal of step results and parameters`);
      return sources;
    }
    for (const prop of expr.properties) {
      const value = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
      const key = value && (ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) ? propertyKey(prop.name) : undefined;
      if (key === undefined || !value) {
        problems.at(prop, `${what}: each entry must be 'name: value'`);
        continue;
      }
      const s = source(value);
      if (s) {
        edges.push({ source: s, target: node.ref, input: key });
        sources.push(s);
      }
    }
    return sources;
  };

  /** A step: a task submitted or called, a map, or a subflow call. Returns its ref. */
  const step = (expr: ts.Expression, scope: Scope): string | undefined => {
    let e = expr;
    while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
    if (ts.isCallExpression(e) && isPromiseAll(e.expression) && e.arguments.length === 1) {
      e = e.arguments[0]!;
      while (ts.isParenthesizedExpression(e)) e = e.expression;
    }
    if (!ts.isCallExpression(e)) return fail(expr);
    const callee = e.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ctx.tasks.has(callee.expression.text)) {
      const method = callee.name.text;
      if (method !== "submit" && method !== "map") return fail(expr);
      const ident = callee.expression.text;
      const node = addNode(ident, method === "map" ? "map" : "task", scope, e);
      if (!node) return undefined;
      if (method === "map" && e.arguments.length === 0) problems.at(e, `'${ident}.map' needs the list to map over`);
      place(node, positional(node, e, ctx.tasks.get(ident)!));
      return ident;
    }
    if (ts.isIdentifier(callee) && ctx.tasks.has(callee.text)) {
      const node = addNode(callee.text, "task", scope, e);
      if (!node) return undefined;
      place(node, positional(node, e, ctx.tasks.get(callee.text)!));
      return callee.text;
    }
    if (ts.isIdentifier(callee) && ctx.imports.has(callee.text)) {
      const node = addNode(callee.text, "subflow", scope, e);
      if (!node) return undefined;
      if (e.arguments.length > 1) problems.at(e.arguments[1]!, "A subflow takes one parameters object");
      place(node, named(node, e.arguments[0], `The parameters of subflow '${callee.text}'`));
      return callee.text;
    }
    return fail(expr);
  };

  const fail = (at: ts.Node): undefined => {
    problems.at(at, "This is not a task call (x.submit(...), x.map(...)), a subflow call, a branch (if (await x(...))) or a return, so the graph cannot show it");
    return undefined;
  };

  const block = (statements: readonly ts.Statement[], scope: Scope): void => {
    statements.forEach((st, i) => {
      if (ts.isVariableStatement(st)) {
        const list = st.declarationList;
        const decl = list.declarations[0];
        if (!(list.flags & ts.NodeFlags.Const) || list.declarations.length !== 1 || !decl || !ts.isIdentifier(decl.name) || !decl.initializer) {
          problems.at(st, "Only 'const result = <task call>' declarations can be shown in the graph");
          return;
        }
        if (decl.type) problems.at(decl.type, "A result variable cannot carry a type annotation in the graph; type the task's output instead");
        const ref = step(decl.initializer, scope);
        if (ref !== undefined) vars.set(decl.name.text, ref);
        return;
      }
      if (ts.isExpressionStatement(st)) {
        step(st.expression, scope);
        return;
      }
      if (ts.isIfStatement(st)) {
        branch(st, scope);
        return;
      }
      if (ts.isReturnStatement(st)) {
        if (scope.length > 0) problems.at(st, "A return inside a branch cannot be shown: the output must be the flow's last statement");
        else if (i !== statements.length - 1) problems.at(st, "Code after the return never runs");
        else output(st);
        return;
      }
      fail(st);
    });
  };

  const branch = (st: ts.IfStatement, scope: Scope): void => {
    const cond = st.expression;
    const call = ts.isAwaitExpression(cond) ? cond.expression : undefined;
    if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !ctx.tasks.has(call.expression.text)) {
      problems.at(cond, "A branch's condition must be 'await <task>(...)', a task that returns a boolean");
      return;
    }
    const ident = call.expression.text;
    const node = addNode(ident, "branch", scope, call);
    if (!node) return;
    place(node, positional(node, call, ctx.tasks.get(ident)!));
    const path = (body: ts.Statement | undefined, when: "then" | "else") => {
      if (!body) return;
      if (!ts.isBlock(body)) {
        problems.at(body, `Write the ${when} path of '${ident}' as a { block }`);
        return;
      }
      block(body.statements, [...scope, { branch: ident, when }]);
    };
    path(st.thenStatement, "then");
    path(st.elseStatement, "else");
  };

  const output = (st: ts.ReturnStatement): void => {
    const node = addNode("return", "output", [], st)!;
    const expr = st.expression;
    if (!expr) return;
    let e = expr;
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isObjectLiteralExpression(e)) named(node, e, "The returned object");
    else {
      const s = source(expr);
      if (s) edges.push({ source: s, target: "return", input: "result" });
    }
  };

  block(body.statements, []);
  return { nodes: [...nodes.values()], edges };
}

function isPromiseAll(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "Promise" && e.name.text === "all";
}
