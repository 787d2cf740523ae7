/**
 * What the scheduler, triggers and automations keep, as zod schemas (they cross
 * the API) with their types (the store works with these).
 */
import { z } from "zod";
import { stateTypeSchema } from "../api/records.ts";
import { CATCH_UP_POLICIES, flowPolicySchema, scheduleSpecSchema } from "./spec.ts";

export const scheduleTimingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cron"), cron: z.string(), timezone: z.string() }),
  z.object({ kind: z.literal("interval"), everyMs: z.number(), anchor: z.number() }),
  z.object({ kind: z.literal("once"), at: z.number() }),
]);

/** Who starts a schedule's runs: the app's host (workspace flows) or a script's `serve()`. */
export const SCHEDULE_RUNNERS = ["host", "serve"] as const;
export type ScheduleRunner = (typeof SCHEDULE_RUNNERS)[number];

export const scheduleRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The flow's name, as its runs record it. */
  flowName: z.string(),
  /** The workspace flow (host schedules). */
  flowId: z.string().nullable(),
  /** The script that serves it (serve schedules). */
  file: z.string().nullable(),
  runner: z.enum(SCHEDULE_RUNNERS),
  active: z.boolean(),
  timing: scheduleTimingSchema,
  /** As the user wrote it. */
  spec: scheduleSpecSchema,
  params: z.record(z.string(), z.unknown()),
  catchUp: z.enum(CATCH_UP_POLICIES),
  maxCatchUp: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Slots up to this time have been planned (or deliberately passed over); later ones not yet. */
  plannedUntil: z.number(),
});
export type ScheduleRecord = z.infer<typeof scheduleRecordSchema>;

/**
 * A slot's life: scheduled → (late) → starting → started, or → skipped.
 * `failed`: the run could not be started (its file is gone, say); its flow run says why.
 */
export const SLOT_STATUSES = ["scheduled", "late", "starting", "started", "skipped", "failed"] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

export const slotRecordSchema = z.object({
  scheduleId: z.string(),
  slotTime: z.number(),
  /** The flow run this slot is, SCHEDULED until it starts. */
  runId: z.string(),
  status: z.enum(SLOT_STATUSES),
  updatedAt: z.number(),
});
export type SlotRecord = z.infer<typeof slotRecordSchema>;

export const flowPolicyRecordSchema = flowPolicySchema.extend({ flowName: z.string() });
export type FlowPolicyRecord = z.infer<typeof flowPolicyRecordSchema>;

/** Webhooks start a run per valid POST; file watches a run per new or changed file. */
export const triggerConfigSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook") }),
  z.object({
    kind: z.literal("file"),
    /** An absolute folder. */
    folder: z.string().min(1),
    /** Matched against the path relative to the folder, e.g. "*.csv" or "incoming/**\/*.json". */
    glob: z.string().min(1),
    /** The flow parameter that receives the file's absolute path. */
    param: z.string().min(1),
    debounceMs: z.number().int().min(0).max(600_000).optional(),
  }),
]);
export type TriggerConfig = z.infer<typeof triggerConfigSchema>;

export const triggerRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  active: z.boolean(),
  config: triggerConfigSchema,
  /** Webhooks only: the last path segment of the URL. */
  secret: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type TriggerRecord = z.infer<typeof triggerRecordSchema>;

/** The event side of an automation: a flow run reaching a state (Late is SCHEDULED named Late). */
export const automationEventSchema = z.strictObject({
  kind: z.literal("flow-run-state"),
  /** Any flow when absent. */
  flowName: z.string().min(1).optional(),
  /** Runs carrying every one of these tags. */
  tags: z.array(z.string().min(1)).optional(),
  states: z.array(z.enum(["COMPLETED", "FAILED", "CRASHED", "CANCELLED", "LATE"])).min(1, "name at least one state"),
});
export type AutomationEvent = z.infer<typeof automationEventSchema>;

export const automationActionSchema = z.discriminatedUnion("kind", [
  /** The started run gets `{ [runIdParam]: <run id>, [resultParam]: <result> }` merged into `params`. */
  z.strictObject({
    kind: z.literal("start-flow"),
    flowId: z.string().min(1),
    params: z.record(z.string(), z.unknown()).optional(),
    runIdParam: z.string().min(1).optional(),
    resultParam: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal("cancel-run") }),
  z.strictObject({ kind: z.literal("pause-schedule"), scheduleId: z.string().min(1) }),
  z.strictObject({ kind: z.literal("notify"), title: z.string().min(1).optional(), body: z.string().optional() }),
  z.strictObject({ kind: z.literal("call-url"), url: z.url(), method: z.enum(["POST", "PUT", "GET"]).optional() }),
]);
export type AutomationAction = z.infer<typeof automationActionSchema>;

export const automationRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  when: automationEventSchema,
  then: automationActionSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type AutomationRecord = z.infer<typeof automationRecordSchema>;

export const firingRecordSchema = z.object({
  id: z.string(),
  automationId: z.string(),
  /** The run whose state change fired it. */
  runId: z.string(),
  flowName: z.string(),
  stateType: stateTypeSchema,
  stateName: z.string(),
  firedAt: z.number(),
  status: z.enum(["succeeded", "failed"]),
  /** What the action did ("started run abc", "HTTP 200") or why it failed. */
  detail: z.string(),
});
export type FiringRecord = z.infer<typeof firingRecordSchema>;
