/**
 * Live events. A client subscribes to what it watches: every flow run (for the
 * runs list), or some runs with their task runs and logs. Events come in batches,
 * each with a cursor; a client that reconnects passes the last cursor and gets
 * everything it missed, so nothing is dropped and a slow client never holds the engine up.
 */
import { z } from "zod";
import { flowRunSchema, logSchema, taskRunSchema } from "./records.ts";

export const subscriptionSchema = z.strictObject({
  /** Every flow run's changes (not their task runs or logs). */
  allRuns: z.boolean().optional(),
  /** These runs in full: their changes, task runs and logs. */
  runIds: z.array(z.string().min(1)).max(1000).optional(),
  /** Automations' notifications (server mode shows them as toasts; Electron as desktop notifications too). */
  notifications: z.boolean().optional(),
  /** From a previous batch; absent starts from now. */
  cursor: z.string().optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const apiEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("flow-run"), run: flowRunSchema }),
  z.object({ type: z.literal("task-run"), taskRun: taskRunSchema }),
  z.object({ type: z.literal("log"), log: logSchema }),
  z.object({ type: z.literal("notification"), notification: z.object({ id: z.string(), title: z.string(), body: z.string(), at: z.number(), runId: z.string().nullable() }) }),
]);
export type ApiEvent = z.infer<typeof apiEventSchema>;

export const eventBatchSchema = z.object({ events: z.array(apiEventSchema), cursor: z.string() });
export type EventBatch = z.infer<typeof eventBatchSchema>;
