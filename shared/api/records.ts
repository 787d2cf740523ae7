/** Zod schemas of what the store returns, as it crosses the API. They mirror shared/store/types.ts. */
import { z } from "zod";
import { STATE_TYPES } from "../sdk/states.ts";

export const stateTypeSchema = z.enum(STATE_TYPES);

export interface SerializedErrorShape {
  name: string;
  message: string;
  stack?: string | undefined;
  code?: string | undefined;
  retryable?: boolean | undefined;
  cause?: SerializedErrorShape | undefined;
}
export const serializedErrorSchema: z.ZodType<SerializedErrorShape> = z.lazy(() =>
  z.object({
    name: z.string(),
    message: z.string(),
    stack: z.string().optional(),
    code: z.string().optional(),
    retryable: z.boolean().optional(),
    cause: serializedErrorSchema.optional(),
  }),
);

const ownerSchema = z.object({ pid: z.number(), host: z.string(), startedAt: z.number() }).nullable();
const time = z.number().nullable();

/** What flow runs and task runs both carry. */
const runFields = {
  id: z.string(),
  name: z.string(),
  parentTaskRunId: z.string().nullable(),
  tags: z.array(z.string()),
  stateType: stateTypeSchema,
  stateName: z.string(),
  stateMessage: z.string().nullable(),
  createdAt: z.number(),
  startTime: time,
  endTime: time,
  runCount: z.number(),
  error: serializedErrorSchema.nullable(),
  resultPreview: z.string().nullable(),
  owner: ownerSchema,
};

export const flowRunSchema = z.object({
  ...runFields,
  flowName: z.string(),
  flowVersion: z.string().nullable(),
  parentFlowRunId: z.string().nullable(),
  parameters: z.string(),
});

export const taskRunSchema = z.object({
  ...runFields,
  taskName: z.string(),
  flowRunId: z.string().nullable(),
  maxRetries: z.number(),
  cacheKey: z.string().nullable(),
  upstream: z.array(z.string()),
  inputsPreview: z.string().nullable(),
});

export const stateRecordSchema = z.object({
  runId: z.string(),
  runKind: z.enum(["flow", "task"]),
  type: stateTypeSchema,
  name: z.string(),
  timestamp: z.number(),
  message: z.string().nullable(),
  error: serializedErrorSchema.nullable(),
});

export const logSchema = z.object({
  id: z.number(),
  flowRunId: z.string().nullable(),
  taskRunId: z.string().nullable(),
  level: z.number(),
  timestamp: z.number(),
  message: z.string(),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const stateCountsSchema = z.object(Object.fromEntries(STATE_TYPES.map((type) => [type, z.number()])) as Record<(typeof STATE_TYPES)[number], z.ZodNumber>);

/** The dashboard's figures (RunStats in shared/store/types.ts). */
export const runStatsSchema = z.object({
  since: z.number(),
  until: z.number(),
  bucketMs: z.number(),
  series: z.array(z.object({ start: z.number(), counts: stateCountsSchema })),
  totals: stateCountsSchema,
  failureRate: z.number().nullable(),
  slowestFlows: z.array(z.object({ flowName: z.string(), runs: z.number(), avgMs: z.number(), p95Ms: z.number(), maxMs: z.number() })),
  recentFailures: z.array(
    z.object({ runId: z.string(), flowName: z.string(), name: z.string(), stateType: stateTypeSchema, endTime: z.number().nullable(), message: z.string().nullable() }),
  ),
});
