/** Schema validation with messages that name the node, edge or parameter, never a bare JSON path. */
import type { z } from "zod";
import { NODE_KINDS, flowGraphSchema, type FlowGraph } from "../model.ts";
import { error, type GraphProblem } from "./problem.ts";

export function checkSchema(input: unknown): { graph: FlowGraph | null; problems: GraphProblem[] } {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { graph: null, problems: [error("schema", `A flow graph must be a JSON object with a name, nodes and edges; got ${describe(input)}`)] };
  }
  const raw = input as Record<string, unknown>;
  const problems: GraphProblem[] = [];
  const unknownKinds = new Set<number>();
  if (Array.isArray(raw.nodes)) {
    raw.nodes.forEach((node, i) => {
      const kind = (node as { kind?: unknown } | null)?.kind;
      if (node && typeof node === "object" && !(NODE_KINDS as readonly unknown[]).includes(kind)) {
        unknownKinds.add(i);
        problems.push(
          error("unknown-kind", `${nodeLabel(raw, i)} has ${kind === undefined ? "no kind" : `unknown kind ${JSON.stringify(kind)}`}; a node is one of: ${NODE_KINDS.join(", ")}`, {
            ...idOf(raw, i),
            path: ["nodes", i, "kind"],
          }),
        );
      }
    });
  }
  const parsed = flowGraphSchema.safeParse(input);
  if (parsed.success) return { graph: parsed.data, problems };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (path[0] === "nodes" && typeof path[1] === "number" && unknownKinds.has(path[1])) continue;
    problems.push(error("schema", messageFor(raw, path, issue), { path, ...(path[0] === "nodes" && typeof path[1] === "number" ? idOf(raw, path[1]) : {}), ...(path[0] === "edges" && typeof path[1] === "number" ? { edgeIndex: path[1] } : {}) }));
  }
  return { graph: null, problems };
}

function messageFor(raw: Record<string, unknown>, path: (string | number)[], issue: z.core.$ZodIssue): string {
  const [area, i, ...rest] = path;
  const field = rest.length ? `${rest.join(".")}: ` : "";
  const what =
    issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`
    : issue.code === "invalid_type" && /received undefined$/.test(issue.message) ? `missing (expected ${issue.expected})`
    : issue.message;
  if (area === "nodes" && typeof i === "number") return `${nodeLabel(raw, i)}: ${field}${what}`;
  if (area === "edges" && typeof i === "number") return `${edgeLabel(raw, i)}: ${field}${what}`;
  if (area === "params" && typeof i === "number") {
    const p = (raw.params as unknown[])[i] as { name?: unknown } | undefined;
    return `Parameter ${typeof p?.name === "string" ? `'${p.name}'` : `#${i + 1}`}: ${field}${what}`;
  }
  if (area === "options") return `Flow option ${rest.length ? `'${[i, ...rest].join(".")}'` : i !== undefined ? `'${i}'` : ""}: ${what}`.replace(": :", ":");
  return path.length ? `${path.join(".")}: ${what}` : what;
}

export function nodeLabel(raw: Record<string, unknown>, i: number): string {
  const node = Array.isArray(raw.nodes) ? (raw.nodes[i] as { id?: unknown; title?: unknown } | undefined) : undefined;
  if (node && typeof node.id === "string" && node.id) return `Node '${typeof node.title === "string" && node.title ? node.title : node.id}' (${node.id})`;
  return `Node #${i + 1}`;
}

function edgeLabel(raw: Record<string, unknown>, i: number): string {
  const edge = Array.isArray(raw.edges) ? (raw.edges[i] as { source?: unknown; target?: unknown } | undefined) : undefined;
  if (edge && typeof edge.source === "string" && typeof edge.target === "string") return `Connection ${edge.source} → ${edge.target}`;
  return `Connection #${i + 1}`;
}

function idOf(raw: Record<string, unknown>, i: number): { nodeId?: string } {
  const node = Array.isArray(raw.nodes) ? (raw.nodes[i] as { id?: unknown } | undefined) : undefined;
  return node && typeof node.id === "string" && node.id ? { nodeId: node.id } : {};
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? "a string" : typeof value;
}
