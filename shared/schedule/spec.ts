/**
 * Schedules as data: what a user writes (in `serve()`, the CLI, the app or an
 * exported file) and the normalised timing the scheduler computes slots from.
 * Browser-safe: no node:*, no croner here (see timing.ts).
 */
import { z } from "zod";

/** What to do with slots missed while nothing could start them (app closed, machine asleep). */
export const CATCH_UP_POLICIES = ["skip", "latest", "all"] as const;
export type CatchUpPolicy = (typeof CATCH_UP_POLICIES)[number];

/** What a slot does while earlier runs of its flow are still going. */
export const OVERLAP_POLICIES = ["skip", "queue", "parallel"] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

/** When a schedule fires, normalised: times in ms since the epoch. */
export type ScheduleTiming =
  | { kind: "cron"; cron: string; timezone: string }
  | { kind: "interval"; everyMs: number; anchor: number }
  | { kind: "once"; at: number };

const common = {
  name: z.string().trim().min(1, "must not be empty").max(200).optional(),
  active: z.boolean().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  catchUp: z.enum(CATCH_UP_POLICIES).optional(),
  /** With catchUp "all": at most this many missed slots run (the newest). */
  maxCatchUp: z.number().int().min(1).max(1000).optional(),
};

/** A duration: milliseconds, or text like "90s", "15m", "1h30m", "2d". */
export const durationSchema = z.union([z.number().int().positive(), z.string().min(1)]);
/** A time: ms since the epoch, or an ISO 8601 string with a date. */
export const instantSchema = z.union([z.number().int().min(0), z.string().min(1)]);

/**
 * One schedule as people write it: exactly one of `cron`, `every` or `at`.
 * JSON-safe, so the same shape goes in `serve()`, exported files, the CLI and the API.
 */
export const scheduleSpecSchema = z.union([
  z.strictObject({ ...common, cron: z.string().min(1), timezone: z.string().min(1).optional() }),
  z.strictObject({ ...common, every: durationSchema, anchor: instantSchema.optional() }),
  z.strictObject({ ...common, at: instantSchema }),
]);
export type ScheduleSpec = z.infer<typeof scheduleSpecSchema>;

export const flowPolicySchema = z.strictObject({
  overlap: z.enum(OVERLAP_POLICIES),
  /** Runs of the flow the scheduler lets run at once; null: 1 for skip and queue, unlimited for parallel. */
  maxConcurrentRuns: z.number().int().min(1).max(1000).nullable(),
});
export type FlowPolicy = z.infer<typeof flowPolicySchema>;

export const DEFAULT_FLOW_POLICY: FlowPolicy = { overlap: "skip", maxConcurrentRuns: null };

/** How many runs of a flow the scheduler may have going at once under a policy. */
export function concurrencyCap(policy: FlowPolicy): number {
  if (policy.maxConcurrentRuns !== null) return policy.maxConcurrentRuns;
  return policy.overlap === "parallel" ? Number.POSITIVE_INFINITY : 1;
}
