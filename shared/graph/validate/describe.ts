/** Words and types that validation and the canvas's connection check both use, so their messages agree. */
import type { Scope } from "../analysis.ts";
import type { GraphNode } from "../model.ts";
import { arrayOf } from "./types.ts";

export function describePath(scope: Scope, title: (id: string) => string): string {
  if (scope.length === 0) return "the main path";
  const step = scope[scope.length - 1]!;
  return `the '${step.when}' path of '${title(step.branch)}'`;
}

/** The type a node's value output carries, when known; `paramType` looks up a flow parameter's. */
export function sourceType(node: GraphNode, paramType: (name: string) => string | undefined): string | undefined {
  switch (node.kind) {
    case "task":
      return node.output;
    case "map":
      return node.output === undefined ? undefined : arrayOf(node.output);
    case "input":
      return paramType(node.param);
    case "subflow":
    case "branch":
    case "output":
      return undefined;
  }
}
