/**
 * Copy and paste between flows, as JSON text on the system clipboard:
 *
 *   {"flowbench/clipboard":1,"nodes":[...],"edges":[...],"params":[...],"header":"..."}
 *
 * `edges` are those between copied nodes, `params` those the copied input
 * nodes stand for, `header` the import statements of the source flow (its
 * other declarations are not carried). Pasting makes new ids and unique
 * titles, adds missing parameters and imports, and reuses what the target
 * has one of: a parameter's input node, the flow's output.
 */
import { z } from "zod";
import { edgeSchema, isControlEdge, nodeSchema, paramSchema, type FlowGraph, type GraphEdge, type GraphNode } from "../../../shared/graph/model.ts";
import { withTemplateImports } from "../../../shared/graph/templates.ts";
import { claim, takenNames, uniqueTitle } from "./naming.ts";
import type { XY } from "./types.ts";

export const CLIPBOARD_MARKER = "flowbench/clipboard";

const payloadSchema = z.object({
  [CLIPBOARD_MARKER]: z.literal(1),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema).default([]),
  params: z.array(paramSchema).default([]),
  header: z.string().default(""),
});
export type ClipboardPayload = z.infer<typeof payloadSchema>;

/** The nodes with these ids as clipboard text, or null when none of them exists. */
export function copyNodes(graph: FlowGraph, ids: readonly string[]): string | null {
  const wanted = new Set(ids);
  const nodes = graph.nodes.filter((n) => wanted.has(n.id));
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((e) => wanted.has(e.source) && wanted.has(e.target));
  const used = new Set(nodes.flatMap((n) => (n.kind === "input" ? [n.param] : [])));
  const params = graph.params.filter((p) => used.has(p.name));
  return JSON.stringify({ [CLIPBOARD_MARKER]: 1, nodes, edges, params, header: importStatements(graph.header).join("\n") });
}

/** The payload of clipboard text, or null if it is not Flowbench nodes. */
export function readClipboard(text: string): ClipboardPayload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Adds a payload's nodes to a graph: `at` centres them there, else they sit
 * 40px right and below where they were. Returns the new graph and the ids of
 * the nodes made (reused nodes are not among them).
 */
export function pasteNodes(graph: FlowGraph, payload: ClipboardPayload, newId: (taken: Set<string>) => string, at?: XY): { graph: FlowGraph; ids: string[] } {
  const taken = takenNames(graph);
  const shift = offset(payload.nodes, at);
  const idOf = new Map<string, string>();
  const made = new Set<string>();
  const nodes = [...graph.nodes];
  const params = [...graph.params];
  let header = graph.header;
  for (const node of payload.nodes) {
    if (idOf.has(node.id)) continue;
    const reuse =
      node.kind === "output" ? nodes.find((n) => n.kind === "output") :
      node.kind === "input" ? nodes.find((n) => n.kind === "input" && n.param === node.param) : undefined;
    if (reuse) {
      idOf.set(node.id, reuse.id);
      continue;
    }
    if (node.kind === "input" && !params.some((p) => p.name === node.param)) {
      params.push(payload.params.find((p) => p.name === node.param) ?? { name: node.param, type: "unknown" });
      taken.idents.add(node.param);
    }
    const id = newId(taken.ids);
    const title = node.kind === "input" ? node.title : uniqueTitle(taken, node.title, node.kind);
    const copy = { ...structuredClone(node), id, title, position: { x: node.position.x + shift.x, y: node.position.y + shift.y } } as GraphNode;
    claim(taken, copy);
    if (copy.kind === "task" && copy.template) header = withTemplateImports(header, copy.template);
    nodes.push(copy);
    idOf.set(node.id, id);
    made.add(id);
  }
  const edges = [...graph.edges];
  for (const e of payload.edges) {
    const source = idOf.get(e.source);
    const target = idOf.get(e.target);
    // Only edges among pasted nodes; an edge between two reused nodes would be a new connection nobody drew.
    if (!source || !target || (!made.has(source) && !made.has(target))) continue;
    const edge: GraphEdge = isControlEdge(e) ? { source, target, when: e.when } : { source, target, input: e.input };
    const clash = isControlEdge(edge)
      ? edges.some((x) => isControlEdge(x) && x.source === source && x.target === target)
      : edges.some((x) => !isControlEdge(x) && x.target === target && x.input === edge.input);
    if (!clash) edges.push(edge);
  }
  header = mergeImports(header, payload.header);
  return { graph: { ...graph, nodes, edges, params, header }, ids: [...made] };
}

function offset(nodes: readonly GraphNode[], at: XY | undefined): XY {
  if (!at || nodes.length === 0) return { x: 40, y: 40 };
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  return { x: at.x - (Math.min(...xs) + Math.max(...xs)) / 2, y: at.y - (Math.min(...ys) + Math.max(...ys)) / 2 };
}

const IMPORT = /^import\b[^;]*?["'][^"'\n]+["'][^\S\n]*(?:with\s*\{[^}]*\}[^\S\n]*)?;?/gm;

/** The import statements of a header, a multi-line one as one item. */
export function importStatements(header: string): string[] {
  return header.match(IMPORT) ?? [];
}

/** `header` with the import statements of `from` it lacks, placed after its own imports. */
export function mergeImports(header: string, from: string): string {
  // Layout does not matter: `import {\n  a,\n} from "x"` is `import { a } from "x"`.
  const key = (s: string) => s.replace(/\s+/g, "").replace(/,\}/g, "}").replace(/;$/, "");
  const have = new Set(importStatements(header).map(key));
  const missing = importStatements(from).filter((s) => !have.has(key(s)));
  if (missing.length === 0) return header;
  let end = 0;
  for (const m of header.matchAll(IMPORT)) end = m.index + m[0].length;
  if (end === 0) return header === "" ? missing.join("\n") : `${missing.join("\n")}\n\n${header}`;
  return `${header.slice(0, end)}\n${missing.join("\n")}${header.slice(end)}`;
}
