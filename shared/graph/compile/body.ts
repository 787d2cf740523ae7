/**
 * The flow body. Tasks start as futures (`x.submit(...)`) so independent ones
 * run concurrently and every dependency is recorded; maps fan out with
 * `.map(...)`; branches are `if (await cond(...))`; subflows are awaited calls;
 * the output node is the `return`.
 */
import { planBody, type Unit } from "../analysis.ts";
import { isControlEdge, type DataEdge, type GraphNode } from "../model.ts";
import { printKey } from "../print.ts";
import type { CompileContext } from "./context.ts";
import type { Output } from "./output.ts";

/** How an argument is read: tasks resolve futures themselves, maps need the list, plain code needs values. */
type Reader = "task" | "items" | "value";

export function writeBody(out: Output, ctx: CompileContext): void {
  const units = planBody(ctx.index, ctx.scopes, (node) => priority(ctx, node));
  writeUnits(out, ctx, units, "  ");
}

/** Futures first, then whatever waits, and the return last. */
function priority(ctx: CompileContext, node: GraphNode): number {
  switch (node.kind) {
    case "input":
    case "task":
      return 0;
    case "map":
      return itemsSource(ctx, node)?.kind === "task" ? 1 : 0;
    case "branch":
    case "subflow":
      return 1;
    case "output":
      return 2;
  }
}

function writeUnits(out: Output, ctx: CompileContext, units: readonly Unit[], pad: string): void {
  for (const unit of units) writeUnit(out, ctx, unit, pad);
}

function writeUnit(out: Output, ctx: CompileContext, unit: Unit, pad: string): void {
  const node = unit.node;
  const assign = (call: string) => (ctx.isRead(node) ? `const ${ctx.resultOf(node)} = ${call};` : `${call};`);
  switch (node.kind) {
    case "input":
      return;
    case "task":
      out.span(node.id, "call", out.add(pad + assign(`${ctx.ident(node)}.submit(${positional(ctx, node)})`)));
      return;
    case "map":
      out.span(node.id, "call", out.add(pad + assign(`${ctx.ident(node)}.map(${positional(ctx, node)})`)));
      return;
    case "subflow":
      out.span(node.id, "call", out.add(pad + assign(`await ${ctx.ident(node)}(${named(ctx, node, "{}") ?? ""})`)));
      return;
    case "output": {
      const edges = dataEdgesInto(ctx, node);
      const only = edges.length === 1 && edges[0]!.input === "result" ? edges[0]! : undefined;
      const value = only ? read(ctx, only.source, "value") : named(ctx, node, "");
      out.span(node.id, "call", out.add(`${pad}return${value ? ` ${value}` : ""};`));
      return;
    }
    case "branch": {
      out.span(node.id, "call", out.add(`${pad}if (await ${ctx.ident(node)}(${positional(ctx, node)})) {`));
      writeUnits(out, ctx, unit.then, pad + "  ");
      if (unit.else.length > 0) {
        out.add(`${pad}} else {`);
        writeUnits(out, ctx, unit.else, pad + "  ");
      }
      out.add(`${pad}}`);
      return;
    }
  }
}

function dataEdgesInto(ctx: CompileContext, node: GraphNode): DataEdge[] {
  return (ctx.index.incoming.get(node.id) ?? []).filter((e): e is DataEdge => !isControlEdge(e));
}

/** Arguments in port order; a gap is `undefined`, trailing gaps are left out. */
function positional(ctx: CompileContext, node: GraphNode & { inputs: { name: string }[] }): string {
  const edges = dataEdgesInto(ctx, node);
  const args = node.inputs.map((port, i) => {
    const edge = edges.find((e) => e.input === port.name);
    if (!edge) return undefined;
    return read(ctx, edge.source, node.kind === "map" && i === 0 ? "items" : "task");
  });
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return args.map((a) => a ?? "undefined").join(", ");
}

/** `{ a: x, b: await y }` from the edges, keys in name order; `empty` when there are none. */
function named(ctx: CompileContext, node: GraphNode, empty: string): string | undefined {
  const edges = dataEdgesInto(ctx, node).sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  if (edges.length === 0) return empty || undefined;
  return `{ ${edges.map((e) => `${printKey(e.input)}: ${read(ctx, e.source, "value")}`).join(", ")} }`;
}

function itemsSource(ctx: CompileContext, node: GraphNode): GraphNode | undefined {
  const first = node.kind === "map" ? node.inputs[0] : undefined;
  const edge = first && dataEdgesInto(ctx, node).find((e) => e.input === first.name);
  return edge && ctx.index.byId.get(edge.source);
}

/** The expression that reads a node's result where `reader` needs it. */
function read(ctx: CompileContext, sourceId: string, reader: Reader): string {
  const source = ctx.index.byId.get(sourceId)!;
  const name = ctx.resultOf(source);
  switch (source.kind) {
    case "input":
    case "subflow":
      return name;
    case "task":
      return reader === "task" ? name : `await ${name}`;
    case "map":
      return reader === "value" ? `await Promise.all(${name})` : name;
    case "branch":
    case "output":
      // Not a value (validation says so); keep the file parseable.
      return "undefined";
  }
}
