/**
 * Methods for flows that run by themselves: schedules, run policies, triggers
 * and automations. Spread into METHODS (contract.ts).
 */
import { z } from "zod";
import {
  automationActionSchema,
  automationEventSchema,
  automationRecordSchema,
  firingRecordSchema,
  flowPolicyRecordSchema,
  scheduleRecordSchema,
  triggerConfigSchema,
  triggerRecordSchema,
} from "../schedule/records.ts";
import { flowPolicySchema, scheduleSpecSchema } from "../schedule/spec.ts";
import { flowIdSchema } from "./flow-id.ts";
import { mutation, query } from "./method.ts";

const id = z.string().min(1, "must not be empty");

/** A schedule as the app shows it: the record, read as words, with its next fire times. */
export const scheduleViewSchema = scheduleRecordSchema.extend({
  description: z.string(),
  /** The next 5 fire times (ms), whether or not the schedule is active. */
  nextTimes: z.array(z.number()),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;

export const AUTOMATION_METHODS = {
  /** Every schedule, or one flow's (by flow name). */
  "schedules.list": query(z.strictObject({ flowName: z.string().optional() }), z.object({ schedules: z.array(scheduleViewSchema) })),
  /** Params are checked against the flow's parameters; a bad cron, time zone or parameter saves nothing. */
  "schedules.create": mutation(z.strictObject({ flowId: flowIdSchema, spec: scheduleSpecSchema }), scheduleViewSchema),
  "schedules.update": mutation(z.strictObject({ id, spec: scheduleSpecSchema }), scheduleViewSchema),
  /** Pausing removes the schedule's upcoming SCHEDULED runs; resuming plans them again from now. */
  "schedules.setActive": mutation(z.strictObject({ id, active: z.boolean() }), scheduleViewSchema),
  "schedules.delete": mutation(z.strictObject({ id }), z.object({ id: z.string() })),

  /** How the scheduler treats a flow's overlapping runs. */
  "flows.policy": query(z.strictObject({ flowName: z.string().min(1) }), flowPolicyRecordSchema),
  "flows.setPolicy": mutation(z.strictObject({ flowName: z.string().min(1), policy: flowPolicySchema }), flowPolicyRecordSchema),

  "triggers.list": query(z.strictObject({ flowName: z.string().optional() }), z.object({ triggers: z.array(triggerRecordSchema) })),
  "triggers.create": mutation(
    z.strictObject({ flowId: flowIdSchema, name: z.string().trim().min(1).max(200).optional(), config: triggerConfigSchema }),
    triggerRecordSchema,
  ),
  "triggers.setActive": mutation(z.strictObject({ id, active: z.boolean() }), triggerRecordSchema),
  /** A new webhook secret: the old URL stops working at once. */
  "triggers.rotateSecret": mutation(z.strictObject({ id }), triggerRecordSchema),
  "triggers.delete": mutation(z.strictObject({ id }), z.object({ id: z.string() })),

  "automations.list": query(z.strictObject({}), z.object({ automations: z.array(automationRecordSchema) })),
  "automations.create": mutation(
    z.strictObject({ name: z.string().trim().min(1).max(200), when: automationEventSchema, then: automationActionSchema, active: z.boolean().optional() }),
    automationRecordSchema,
  ),
  "automations.setActive": mutation(z.strictObject({ id, active: z.boolean() }), automationRecordSchema),
  "automations.delete": mutation(z.strictObject({ id }), z.object({ id: z.string() })),
  /** Newest first. */
  "automations.firings": query(
    z.strictObject({ automationId: z.string().optional(), limit: z.number().int().min(1).max(1000).optional() }),
    z.object({ firings: z.array(firingRecordSchema) }),
  ),
};
