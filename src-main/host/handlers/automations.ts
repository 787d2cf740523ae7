/** automations.*: rules that act when flow runs reach a state, with their firing history. */
import { ApiError } from "../../../shared/api/errors.ts";
import { newId } from "../../../shared/sdk/names.ts";
import type { AutomationAction } from "../../../shared/schedule/records.ts";
import { startFlowParams } from "../../automations/actions.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";

type AutomationMethods = "automations.list" | "automations.create" | "automations.setActive" | "automations.delete" | "automations.firings";

export function automationHandlers(ctx: HostContext, options: { changed?: () => void } = {}): Pick<Handlers, AutomationMethods> {
  const store = ctx.automations;
  const now = () => ctx.clock.now();
  const existing = async (id: string) => {
    const automation = await store.getAutomation(id);
    if (!automation) throw new ApiError("not-found", `There is no automation '${id}'`);
    return automation;
  };
  return {
    "automations.list": async () => ({ automations: await store.listAutomations() }),
    "automations.create": async ({ name, when, then, active }) => {
      await checkAction(ctx, then);
      const t = now();
      const record = { id: newId(t), name, active: active ?? true, when, then, createdAt: t, updatedAt: t };
      await store.putAutomation(record);
      options.changed?.();
      return record;
    },
    "automations.setActive": async ({ id, active }) => {
      const record = { ...(await existing(id)), active, updatedAt: now() };
      await store.putAutomation(record);
      options.changed?.();
      return record;
    },
    "automations.delete": async ({ id }) => {
      if (!(await store.deleteAutomation(id))) throw new ApiError("not-found", `There is no automation '${id}'`);
      return { id };
    },
    "automations.firings": async ({ automationId, limit }) => ({
      firings: await store.listFirings({ ...(automationId === undefined ? {} : { automationId }), limit: limit ?? 100 }),
    }),
  };
}

/** An action that could never succeed is refused when saved, naming the field. */
async function checkAction(ctx: HostContext, action: AutomationAction): Promise<void> {
  const bad = (field: string, message: string) => new ApiError("invalid-input", `Invalid automation: then.${field}: ${message}`, { issues: [{ path: ["then", field], message }] });
  if (action.kind === "start-flow") {
    const flow = ctx.flows.read(action.flowId);
    if (!flow) throw bad("flowId", `there is no flow '${action.flowId}' in ${ctx.flows.dir}`);
    if (!flow.parsed.ok) return;
    const declared = flow.parsed.graph.params;
    const names = declared.map((p) => p.name);
    if (action.runIdParam !== undefined && !names.includes(action.runIdParam)) throw bad("runIdParam", `flow '${flow.name}' has no parameter '${action.runIdParam}'`);
    if (action.resultParam !== undefined && !names.includes(action.resultParam)) throw bad("resultParam", `flow '${flow.name}' has no parameter '${action.resultParam}'`);
    // The same check a firing makes, with a stand-in run id; the result's type is only known then.
    const result = startFlowParams(action, declared, "run-id", undefined);
    if (!result.ok) throw bad("params", `flow '${flow.name}' would not start: ${result.problems.join("; ")}`);
  } else if (action.kind === "pause-schedule") {
    if (!(await ctx.automations.getSchedule(action.scheduleId))) throw bad("scheduleId", `there is no schedule '${action.scheduleId}'`);
  }
}
