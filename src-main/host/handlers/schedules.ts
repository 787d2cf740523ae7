/** schedules.* and flows.policy: schedules of workspace flows, run by the host's scheduler. */
import { ApiError } from "../../../shared/api/errors.ts";
import type { AutomationStore } from "../../../shared/store/automation-types.ts";
import { buildSchedule, scheduleView, type ScheduleTarget } from "../../scheduler/definitions.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";

type ScheduleMethods = "schedules.list" | "schedules.create" | "schedules.update" | "schedules.setActive" | "schedules.delete" | "flows.policy" | "flows.setPolicy";

export function scheduleHandlers(ctx: HostContext): Pick<Handlers, ScheduleMethods> {
  const store: AutomationStore = ctx.automations;
  const now = () => ctx.clock.now();
  const target = (flowId: string): ScheduleTarget => {
    const flow = ctx.flows.get(flowId);
    return { flowName: flow.name, flowId, file: null, runner: "host", params: flow.parsed.ok ? flow.parsed.graph.params : null };
  };
  const existing = async (id: string) => {
    const schedule = await store.getSchedule(id);
    if (!schedule) throw new ApiError("not-found", `There is no schedule '${id}'`);
    return schedule;
  };
  return {
    "schedules.list": async ({ flowName }) => {
      const t = now();
      const schedules = await store.listSchedules(flowName === undefined ? {} : { flowName });
      return { schedules: schedules.map((s) => scheduleView(s, t)) };
    },
    "schedules.create": async ({ flowId, spec }) => {
      const record = buildSchedule(spec, target(flowId), now());
      await store.putSchedule(record, now());
      ctx.scheduler.poke();
      return scheduleView((await store.getSchedule(record.id)) ?? record, now());
    },
    "schedules.update": async ({ id, spec }) => {
      const old = await existing(id);
      const t = old.flowId ? target(old.flowId) : { flowName: old.flowName, flowId: null, file: old.file, runner: old.runner, params: null };
      const record = buildSchedule(spec, t, now(), old);
      await store.putSchedule(record, now());
      ctx.scheduler.poke();
      return scheduleView((await store.getSchedule(id)) ?? record, now());
    },
    "schedules.setActive": async ({ id, active }) => {
      await existing(id);
      const record = await store.setScheduleActive(id, active, now());
      ctx.scheduler.poke();
      return scheduleView(record!, now());
    },
    "schedules.delete": async ({ id }) => {
      if (!(await store.deleteSchedule(id))) throw new ApiError("not-found", `There is no schedule '${id}'`);
      return { id };
    },
    "flows.policy": async ({ flowName }) => store.getFlowPolicy(flowName),
    "flows.setPolicy": async ({ flowName, policy }) => {
      await store.setFlowPolicy({ flowName, ...policy }, now());
      ctx.scheduler.poke();
      return store.getFlowPolicy(flowName);
    },
  };
}
