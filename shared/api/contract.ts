/**
 * The API: one zod input and output per method. The HTTP routes, the Electron
 * preload's allowed calls, the host's input checks and the typed client all
 * come from this table, so a method exists everywhere or nowhere.
 */
import { z } from "zod";
import { flowGraphSchema } from "../graph/model.ts";
import { mutation, query, type MethodDef } from "./method.ts";
import { AUTOMATION_METHODS } from "./automation-contract.ts";
import { flowRunSchema, logSchema, pageOf, runStatsSchema, stateRecordSchema, stateTypeSchema, taskRunSchema } from "./records.ts";

export { FLOW_ID, flowIdSchema } from "./flow-id.ts";
import { flowIdSchema } from "./flow-id.ts";

const runId = z.string().min(1, "must not be empty");
const problemSchema = z.object({ line: z.number(), column: z.number(), endLine: z.number(), endColumn: z.number(), message: z.string() });
const graphProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeIndex: z.number().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  endLine: z.number().optional(),
  endColumn: z.number().optional(),
});

const lastRunSchema = z.object({ id: z.string(), name: z.string(), stateType: stateTypeSchema, stateName: z.string(), startTime: z.number().nullable(), endTime: z.number().nullable() });

export const flowSummarySchema = z.object({
  id: z.string(),
  /** The flow's name, as runs record it. */
  name: z.string(),
  description: z.string().nullable(),
  /** "graph" opens on the canvas; "code" is a flow the graph cannot show, opened as code. */
  kind: z.enum(["graph", "code"]),
  file: z.string(),
  updatedAt: z.number(),
  lastRun: lastRunSchema.nullable(),
});

export const flowDetailSchema = flowSummarySchema.extend({
  source: z.string(),
  graph: flowGraphSchema.nullable(),
  /** Why a code flow is not a graph: lines and messages. */
  problems: z.array(problemSchema),
});

const empty = z.strictObject({});


export const METHODS = {
  "app.info": query(
    empty,
    z.object({
      name: z.string(),
      version: z.string(),
      node: z.string(),
      platform: z.string(),
      pid: z.number(),
      home: z.string(),
      flowsDir: z.string(),
      databasePath: z.string(),
    }),
  ),

  "flows.list": query(empty, z.object({ flows: z.array(flowSummarySchema) })),
  "flows.get": query(z.strictObject({ id: flowIdSchema }), flowDetailSchema),
  "flows.save": mutation(
    z.union([
      z.strictObject({
        /** Absent: a new flow, named after the graph; refused if that file exists. */
        id: flowIdSchema.optional(),
        graph: flowGraphSchema,
        /** The file's updatedAt when it was opened: saving over a newer file (say, a git pull) is refused. */
        ifUnchangedSince: z.number().optional(),
      }),
      z.strictObject({ id: flowIdSchema, source: z.string(), ifUnchangedSince: z.number().optional() }),
    ]),
    flowDetailSchema,
  ),
  /** A graph flow takes the new name in its code and its file name; a code flow's file is renamed only. */
  "flows.rename": mutation(z.strictObject({ id: flowIdSchema, name: z.string().trim().min(1, "must not be empty") }), flowDetailSchema),
  "flows.delete": mutation(z.strictObject({ id: flowIdSchema }), z.object({ id: z.string() })),
  "flows.import": mutation(
    z.strictObject({ fileName: z.string().min(1), source: z.string(), overwrite: z.boolean().optional() }),
    flowDetailSchema,
  ),
  "flows.export": query(z.strictObject({ id: flowIdSchema }), z.object({ fileName: z.string(), source: z.string() })),

  "graph.validate": query(
    z.strictObject({ graph: z.unknown(), typecheck: z.boolean().optional() }),
    z.object({ ok: z.boolean(), problems: z.array(graphProblemSchema), code: z.string().nullable() }),
  ),

  "runs.start": mutation(z.strictObject({ flowId: flowIdSchema, params: z.unknown().optional() }), z.object({ runId: z.string() })),
  "runs.cancel": mutation(z.strictObject({ runId }), z.object({ runId: z.string(), cancelled: z.boolean() })),
  /** Runs the flow again with the run's parameters; the new run's id comes back. */
  "runs.retry": mutation(z.strictObject({ runId }), z.object({ runId: z.string() })),
  "runs.list": query(
    z.strictObject({
      flowName: z.string().optional(),
      states: z.array(stateTypeSchema).optional(),
      /** null: top-level runs only. */
      parentFlowRunId: z.string().nullable().optional(),
      since: z.number().optional(),
      until: z.number().optional(),
      /** Case-insensitive substring of the run's name, flow name or parameters JSON. */
      text: z.string().max(1000).optional(),
      /** newest (default), oldest, or longest (endTime - startTime; runs without both last). */
      sort: z.enum(["newest", "oldest", "longest"]).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      cursor: z.string().nullable().optional(),
    }),
    pageOf(flowRunSchema),
  ),
  /** Every flow name that has runs (scripts' too), sorted. */
  "runs.flowNames": query(empty, z.object({ names: z.array(z.string()) })),
  /** Top-level runs created in [since, until): counts per bucket and state, failure rate, slowest flows, newest failures. */
  "runs.stats": query(
    z
      .strictObject({
        since: z.number().int().min(0),
        until: z.number().int().min(0),
        buckets: z.number().int().min(1).max(500).optional(),
      })
      .refine((range) => range.until > range.since, { message: "must be after since", path: ["until"] }),
    runStatsSchema,
  ),
  "runs.get": query(
    z.strictObject({ runId }),
    z.object({ run: flowRunSchema, taskRuns: z.array(taskRunSchema), states: z.array(stateRecordSchema), subflowRuns: z.array(flowRunSchema) }),
  ),
  /** One task run with its state history: the attempts a node's details show. */
  "runs.taskRun": query(
    z.strictObject({ runId, taskRunId: runId }),
    z.object({ taskRun: taskRunSchema, states: z.array(stateRecordSchema) }),
  ),
  "logs.list": query(
    z.strictObject({
      runId,
      taskRunId: z.string().optional(),
      minLevel: z.number().int().optional(),
      text: z.string().optional(),
      /** Forward from a nextCursor. */
      cursor: z.string().nullable().optional(),
      /** Lines with id below this (a prevCursor as a number): the `limit` just before it. */
      beforeId: z.number().int().min(1).optional(),
      /** The last `limit` matching lines. Items ascend by id in every case. */
      tail: z.boolean().optional(),
      /** Also count the lines matching the filters: `total`. */
      withTotal: z.boolean().optional(),
      limit: z.number().int().min(1).max(10000).optional(),
    }),
    pageOf(logSchema).extend({ prevCursor: z.string().nullable(), total: z.number().optional() }),
  ),
  ...AUTOMATION_METHODS,
} satisfies Record<string, MethodDef>;

export type MethodName = keyof typeof METHODS;
export type MethodInput<M extends MethodName> = z.input<(typeof METHODS)[M]["input"]>;
export type MethodOutput<M extends MethodName> = z.output<(typeof METHODS)[M]["output"]>;
export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === "string" && Object.hasOwn(METHODS, name);
}

export type FlowSummary = z.infer<typeof flowSummarySchema>;
export type FlowDetail = z.infer<typeof flowDetailSchema>;
