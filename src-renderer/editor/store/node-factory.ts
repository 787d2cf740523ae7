/**
 * New nodes from the palette, with defaults that compile and say what to do:
 * a task returns null, a map returns its `item`, a branch returns true. Each
 * body starts with a one-line comment on what the node is for.
 */
import { isIdentifier, type FlowGraph, type GraphNode } from "../../../shared/graph/model.ts";
import { nodeFromTemplate, TEMPLATES, withTemplateImports } from "../../../shared/graph/templates.ts";
import { takenNames, uniqueParamName, uniqueTitle } from "./naming.ts";
import type { PaletteItem, XY } from "./types.ts";

export const DEFAULT_CODE = {
  task: "// Your code here; what it returns goes to the connected steps\nreturn null;",
  map: "// Runs once for each item of the list connected to `item`\nreturn item;",
  branch: "// Return true to take the 'then' path, false for 'else'\nreturn true;",
} as const;

export const DEFAULT_TITLES = { task: "Task", map: "Map", branch: "Branch", output: "Output" } as const;

/** The type of a parameter made for an input node when the palette names none. */
export const DEFAULT_PARAM_TYPE = "string";

export type AddResult =
  /** A node was made; `graph` holds it (and any parameter or imports it needed). */
  | { created: true; graph: FlowGraph; id: string }
  /** The node exists already (the flow's one output, a parameter's node): select it instead. */
  | { created: false; id: string };

export function addPaletteNode(graph: FlowGraph, item: PaletteItem, at: XY, newId: (taken: Set<string>) => string): AddResult {
  const taken = takenNames(graph);
  const id = newId(taken.ids);
  const position = { x: at.x, y: at.y };
  const add = (node: GraphNode, patch: Partial<FlowGraph> = {}): AddResult => ({ created: true, id, graph: { ...graph, ...patch, nodes: [...graph.nodes, node] } });
  switch (item.kind) {
    case "task":
    case "branch":
      return add({ id, kind: item.kind, title: uniqueTitle(taken, DEFAULT_TITLES[item.kind], item.kind), position, inputs: [], code: DEFAULT_CODE[item.kind], options: {} });
    case "map":
      return add({ id, kind: "map", title: uniqueTitle(taken, DEFAULT_TITLES.map, "map"), position, inputs: [{ name: "item" }], code: DEFAULT_CODE.map, options: {} });
    case "template": {
      const node = nodeFromTemplate(item.template, id, position, uniqueTitle(taken, TEMPLATES[item.template].title, "task"));
      return add(node, { header: withTemplateImports(graph.header, item.template) });
    }
    case "subflow": {
      const base = item.title?.trim() || item.flow.split("/").pop() || "Subflow";
      return add({ id, kind: "subflow", title: uniqueTitle(taken, base, "subflow"), position, flow: item.flow });
    }
    case "output": {
      // A flow has one output: asking for another selects it.
      const existing = graph.nodes.find((n) => n.kind === "output");
      if (existing) return { created: false, id: existing.id };
      return add({ id, kind: "output", title: uniqueTitle(taken, DEFAULT_TITLES.output, "output"), position });
    }
    case "input": {
      // A parameter is on the canvas once (validation's duplicate-param-node): asking again selects its node.
      const existing = item.param === undefined ? undefined : graph.nodes.find((n) => n.kind === "input" && n.param === item.param);
      if (existing) return { created: false, id: existing.id };
      const known = item.param !== undefined && graph.params.some((p) => p.name === item.param);
      const name = known ? item.param! : item.param !== undefined && isIdentifier(item.param) ? item.param : uniqueParamName(graph);
      const params = known ? graph.params : [...graph.params, { name, type: DEFAULT_PARAM_TYPE }];
      return add({ id, kind: "input", title: name, position, param: name }, { params });
    }
  }
}
