/**
 * The flow graph: plain, serialisable data that the canvas edits and that
 * compiles to (and parses back from) a TypeScript file. The zod schemas are
 * the definition; the types are inferred from them.
 */
import { z } from "zod";
import { flowPolicySchema, scheduleSpecSchema } from "../schedule/spec.ts";
import { isIdentifierPartCode, isIdentifierStartCode } from "./identifier-chars.ts";

export const NODE_KINDS = ["task", "map", "branch", "input", "output", "subflow"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const TEMPLATE_IDS = ["http-request", "shell-command", "read-file", "write-file", "json-transform", "delay", "log"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A JavaScript identifier, as port and parameter names become function parameters. */
export const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;
/**
 * An identifier both to this runtime and to TypeScript, whose Unicode tables
 * may be older: a letter only the runtime knows (Unicode 16's Garay, say)
 * would make the compiled file unreadable.
 */
export function isIdentifier(name: string): boolean {
  if (!IDENTIFIER.test(name)) return false;
  const codes = Array.from(name, (ch) => ch.codePointAt(0)!);
  return codes.every((c, i) => (i === 0 ? isIdentifierStartCode(c) : isIdentifierPartCode(c)));
}
const identifier = z.string().refine(isIdentifier, "must be a JavaScript identifier (letters, digits, _ or $, not starting with a digit)");

const position = z.strictObject({ x: z.number(), y: z.number() });

/** A typed input of a task, map or branch node: one parameter of its function. */
export const portSchema = z.strictObject({
  name: identifier,
  /** TypeScript type text; absent leaves the parameter untyped. */
  type: z.string().trim().min(1).optional(),
  optional: z.boolean().optional(),
});

const milliseconds = z.number().min(0);

/** Task options that are data. Function-valued options (hooks, retryIf) belong to hand-written code. */
export const taskOptionsSchema = z.strictObject({
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  retries: z.number().int().min(0).optional(),
  retryDelayMs: z.union([milliseconds, z.array(milliseconds)]).optional(),
  retryJitter: z.number().min(0).max(1).optional(),
  timeoutMs: z.number().positive().optional(),
  cacheKey: z.enum(["inputs", "source+inputs"]).optional(),
  cacheExpiresInMs: z.number().positive().optional(),
  refreshCache: z.boolean().optional(),
  persistResult: z.boolean().optional(),
  logPrints: z.boolean().optional(),
  runName: z.string().min(1).optional(),
});

export const flowOptionsSchema = z.strictObject({
  version: z.string().optional(),
  retries: z.number().int().min(0).optional(),
  retryDelayMs: z.union([milliseconds, z.array(milliseconds)]).optional(),
  timeoutMs: z.number().positive().optional(),
  logPrints: z.boolean().optional(),
  taskConcurrency: z.number().int().min(1).optional(),
});

const base = { id: z.string().min(1, "must not be empty"), title: z.string(), position };
const codeNode = {
  ...base,
  inputs: z.array(portSchema).default([]),
  /** The function body, without its braces. */
  code: z.string().default(""),
  options: taskOptionsSchema.default({}),
};

export const taskNodeSchema = z.strictObject({
  ...codeNode,
  kind: z.literal("task"),
  /** The result type (what the body returns, without Promise); absent lets TypeScript infer it. */
  output: z.string().trim().min(1).optional(),
  /** Which built-in template the node started from, for its icon; it is an ordinary task. */
  template: z.enum(TEMPLATE_IDS).optional(),
});

/** Runs its body once per item of the list wired to its first input; the rest are shared. */
export const mapNodeSchema = z.strictObject({ ...codeNode, kind: z.literal("map"), output: z.string().trim().min(1).optional() });

/** A task whose body returns a boolean; nodes wired to its `then` or `else` run only on that path. */
export const branchNodeSchema = z.strictObject({ ...codeNode, kind: z.literal("branch") });

/** A flow parameter as a node on the canvas. */
export const inputNodeSchema = z.strictObject({ ...base, kind: z.literal("input"), param: identifier });

/** The flow's return value: one input named `result` returns it as is, several return an object. */
export const outputNodeSchema = z.strictObject({ ...base, kind: z.literal("output") });

/** Calls another saved flow; its inputs are that flow's parameters, named by the edges. */
export const subflowNodeSchema = z.strictObject({
  ...base,
  kind: z.literal("subflow"),
  /** The other flow's file, relative to this one, without `.ts`: "weekly-report" or "../shared/report". */
  flow: z.string().regex(/^(\.\.\/)*[\w-][\w.-]*(\/[\w-][\w.-]*)*$/, "must be a relative file path without .ts, like weekly-report or ../shared/report")
    .refine((f) => !f.endsWith(".ts"), "must not end with .ts"),
});

export const nodeSchema = z.discriminatedUnion("kind", [taskNodeSchema, mapNodeSchema, branchNodeSchema, inputNodeSchema, outputNodeSchema, subflowNodeSchema]);

/** Carries a node's result to a named input of another. */
export const dataEdgeSchema = z.strictObject({ source: z.string().min(1), target: z.string().min(1), input: identifier });
/** Puts the target on a branch's `then` or `else` path. */
export const controlEdgeSchema = z.strictObject({ source: z.string().min(1), target: z.string().min(1), when: z.enum(["then", "else"]) });
export const edgeSchema = z.union([dataEdgeSchema, controlEdgeSchema]);

/**
 * JSON data, checked in place. Not z.json(): it rebuilds objects and drops
 * "__proto__" keys, which JSON.parse keeps, so a default would silently change.
 */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isJson(value[i])) return false;
    return true;
  }
  if (typeof value !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isJson);
}
const json = z.custom<z.core.util.JSONType>(isJson, "must be JSON data: strings, finite numbers, booleans, null, lists and objects");

export const paramSchema = z.strictObject({
  name: identifier,
  type: z.string().trim().min(1),
  default: json.optional(),
  description: z.string().optional(),
});

export const flowGraphSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty"),
  description: z.string().optional(),
  params: z.array(paramSchema).default([]),
  options: flowOptionsSchema.default({}),
  /** Schedules and run policy the file passes to serve() (`node flow.ts --serve`); absent: none. */
  serve: z.strictObject({ schedules: z.array(scheduleSpecSchema), policy: flowPolicySchema.optional() }).optional(),
  /** Imports and shared declarations, placed above the tasks. */
  header: z.string().default(""),
  nodes: z.array(nodeSchema).default([]),
  edges: z.array(edgeSchema).default([]),
});

export type Port = z.infer<typeof portSchema>;
export type TaskGraphOptions = z.infer<typeof taskOptionsSchema>;
export type FlowGraphOptions = z.infer<typeof flowOptionsSchema>;
export type TaskNode = z.infer<typeof taskNodeSchema>;
export type MapNode = z.infer<typeof mapNodeSchema>;
export type BranchNode = z.infer<typeof branchNodeSchema>;
export type InputNode = z.infer<typeof inputNodeSchema>;
export type OutputNode = z.infer<typeof outputNodeSchema>;
export type SubflowNode = z.infer<typeof subflowNodeSchema>;
export type GraphNode = z.infer<typeof nodeSchema>;
export type DataEdge = z.infer<typeof dataEdgeSchema>;
export type ControlEdge = z.infer<typeof controlEdgeSchema>;
export type GraphEdge = z.infer<typeof edgeSchema>;
export type FlowParam = z.infer<typeof paramSchema>;
export type FlowGraph = z.infer<typeof flowGraphSchema>;
/** What callers may pass in: defaults not yet applied. */
export type FlowGraphInput = z.input<typeof flowGraphSchema>;

/** Nodes whose code is a task definition. */
export type CodeNode = TaskNode | MapNode | BranchNode;

export function isCodeNode(node: GraphNode): node is CodeNode {
  return node.kind === "task" || node.kind === "map" || node.kind === "branch";
}

export function isControlEdge(edge: GraphEdge): edge is ControlEdge {
  return "when" in edge;
}

/** A stable id for an edge, for canvases that need one. */
export function edgeId(edge: GraphEdge): string {
  return isControlEdge(edge) ? `${edge.source}:${edge.when}->${edge.target}` : `${edge.source}->${edge.target}:${edge.input}`;
}

/** The order task options are written in. */
export const TASK_OPTION_KEYS = Object.keys(taskOptionsSchema.shape) as (keyof TaskGraphOptions)[];
export const FLOW_OPTION_KEYS = Object.keys(flowOptionsSchema.shape) as (keyof FlowGraphOptions)[];
