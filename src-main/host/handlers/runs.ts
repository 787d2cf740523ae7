/** runs.* and logs.list: starting, stopping and reading runs; reads come from the store, so scripts' runs are there too. */
import { ApiError } from "../../../shared/api/errors.ts";
import { isTerminal } from "../../../shared/sdk/states.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";

export function runHandlers(ctx: HostContext): Pick<Handlers, "runs.start" | "runs.cancel" | "runs.retry" | "runs.list" | "runs.flowNames" | "runs.stats" | "runs.get" | "runs.taskRun" | "logs.list"> {
  const getRun = async (runId: string) => {
    const run = await ctx.store.getFlowRun(runId);
    if (!run) throw new ApiError("not-found", `There is no run '${runId}'`);
    return run;
  };
  return {
    "runs.start": async ({ flowId, params }) => ctx.engine.start({ file: ctx.flows.get(flowId).file, ...(params === undefined ? {} : { params }) }),
    "runs.cancel": async ({ runId }) => {
      if (await ctx.engine.cancel(runId)) return { runId, cancelled: true };
      const run = await getRun(runId);
      if (isTerminal(run.stateType)) return { runId, cancelled: false };
      const where = run.owner ? ` (pid ${run.owner.pid} on ${run.owner.host})` : "";
      throw new ApiError("conflict", `Run '${run.name}' is running in another process${where}; stop it there`);
    },
    "runs.retry": async ({ runId }) => {
      const run = await getRun(runId);
      const file = await fileOf(ctx, run.flowName);
      return ctx.engine.start({ file, params: JSON.parse(run.parameters) as unknown, flowName: run.flowName });
    },
    "runs.list": async (query) => ctx.store.listFlowRuns(query),
    "runs.flowNames": async () => ({ names: await ctx.store.listRunFlowNames() }),
    "runs.stats": async (query) => ctx.store.runStats(query),
    "runs.get": async ({ runId }) => {
      const run = await getRun(runId);
      const [taskRuns, states, subflows] = await Promise.all([
        ctx.store.listTaskRuns({ flowRunId: runId }),
        ctx.store.listStates(runId),
        ctx.store.listFlowRuns({ parentFlowRunId: runId, limit: 1000 }),
      ]);
      return { run, taskRuns, states, subflowRuns: subflows.items };
    },
    "runs.taskRun": async ({ runId, taskRunId }) => {
      await getRun(runId);
      const taskRun = (await ctx.store.listTaskRuns({ flowRunId: runId })).find((t) => t.id === taskRunId);
      if (!taskRun) throw new ApiError("not-found", `Run '${runId}' has no task run '${taskRunId}'`);
      return { taskRun, states: await ctx.store.listStates(taskRunId) };
    },
    "logs.list": async ({ runId, ...query }) => {
      await getRun(runId);
      return ctx.store.listLogs({ flowRunId: runId, ...query });
    },
  };
}

/** The file that defines a flow: a saved flow of that name, else where the SDK saw it defined. */
async function fileOf(ctx: HostContext, flowName: string): Promise<string> {
  const saved = ctx.flows.list().find((f) => f.name === flowName);
  if (saved) return saved.file;
  const known = (await ctx.store.listFlows()).find((f) => f.name === flowName);
  if (known?.source && !/^[a-z]+:\/\//.test(known.source)) return known.source;
  if (known?.source?.startsWith("file://")) return new URL(known.source).pathname;
  throw new ApiError("not-found", `Flow '${flowName}' is not in the workspace and its file is unknown, so it cannot run again`);
}
