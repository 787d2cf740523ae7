/**
 * A workspace flow's schedules live in the history (the scheduler's state), so an
 * exported file carries them as serve() options and an imported one brings them back.
 */
import type { FlowGraph } from "../../shared/graph/index.ts";
import { DEFAULT_FLOW_POLICY, type ScheduleSpec } from "../../shared/schedule/spec.ts";
import { buildSchedule } from "../scheduler/definitions.ts";
import type { HostContext } from "./context.ts";

/** The graph with its flow's schedules and non-default policy as `serve`; unchanged when it has none. */
export async function withSchedules(ctx: HostContext, flowId: string, graph: FlowGraph): Promise<FlowGraph> {
  const schedules = (await ctx.automations.listSchedules({ flowName: graph.name, runner: "host" })).filter((s) => s.flowId === flowId);
  const { flowName: _name, ...policy } = await ctx.automations.getFlowPolicy(graph.name);
  const customPolicy = policy.overlap !== DEFAULT_FLOW_POLICY.overlap || policy.maxConcurrentRuns !== DEFAULT_FLOW_POLICY.maxConcurrentRuns;
  if (schedules.length === 0 && !customPolicy) return graph;
  const specs = schedules.map((s): ScheduleSpec => ({ ...s.spec, name: s.name, active: s.active }));
  return { ...graph, serve: { schedules: specs, ...(customPolicy ? { policy } : {}) } };
}

/** Creates an imported file's schedules (checked whole first) and policy; returns the graph without them. */
export async function adoptSchedules(ctx: HostContext, flowId: string, graph: FlowGraph): Promise<FlowGraph> {
  if (!graph.serve) return graph;
  const now = ctx.clock.now();
  const target = { flowName: graph.name, flowId, file: null, runner: "host" as const, params: graph.params };
  const records = graph.serve.schedules.map((spec) => buildSchedule(spec, target, now));
  for (const record of records) await ctx.automations.putSchedule(record, now);
  if (graph.serve.policy) await ctx.automations.setFlowPolicy({ flowName: graph.name, ...graph.serve.policy }, now);
  ctx.scheduler.poke();
  const { serve: _serve, ...rest } = graph;
  return rest;
}

/** A renamed flow keeps its schedules, triggers, policy and the automations that start it. */
export async function followRename(ctx: HostContext, from: { id: string; name: string }, to: { id: string; name: string }): Promise<void> {
  const now = ctx.clock.now();
  const a = ctx.automations;
  for (const s of await a.listSchedules({ flowName: from.name, runner: "host" })) {
    if (s.flowId === from.id) await a.putSchedule({ ...s, flowId: to.id, flowName: to.name, updatedAt: now }, now);
  }
  for (const t of await a.listTriggers({ flowName: from.name })) {
    if (t.flowId === from.id) await a.putTrigger({ ...t, flowId: to.id, flowName: to.name, updatedAt: now });
  }
  for (const rule of await a.listAutomations()) {
    const startsIt = rule.then.kind === "start-flow" && rule.then.flowId === from.id;
    const watchesIt = rule.when.flowName === from.name;
    if (!startsIt && !watchesIt) continue;
    const then = rule.then.kind === "start-flow" && startsIt ? { ...rule.then, flowId: to.id } : rule.then;
    await a.putAutomation({ ...rule, when: watchesIt ? { ...rule.when, flowName: to.name } : rule.when, then, updatedAt: now });
  }
  if (from.name !== to.name) {
    const { flowName: _old, ...policy } = await a.getFlowPolicy(from.name);
    await a.setFlowPolicy({ flowName: to.name, ...policy }, now);
  }
  ctx.scheduler.poke();
}
