/** flows.*: saved flows are .ts files in the workspace; the graph is read from and written as code. */
import { isDeepStrictEqual } from "node:util";
import { ApiError } from "../../../shared/api/errors.ts";
import type { FlowDetail, FlowSummary } from "../../../shared/api/contract.ts";
import { compileGraph, normalizeGraph, parseFlowSource, validateGraph, type FlowGraph } from "../../../shared/graph/index.ts";
import { ensureWorkspace } from "../../graph/workspace.ts";
import type { HostContext } from "../context.ts";
import type { Handlers } from "../dispatch.ts";
import { slugOf, type FlowFile } from "../flow-files.ts";
import { adoptSchedules, followRename, withSchedules } from "../flow-schedules.ts";

export function flowHandlers(ctx: HostContext): Pick<Handlers, "flows.list" | "flows.get" | "flows.save" | "flows.rename" | "flows.delete" | "flows.import" | "flows.export"> {
  const summary = async (flow: FlowFile): Promise<FlowSummary> => {
    const last = (await ctx.store.listFlowRuns({ flowName: flow.name, parentFlowRunId: null, limit: 1 })).items[0];
    return {
      id: flow.id,
      name: flow.name,
      description: flow.description,
      kind: flow.parsed.ok ? "graph" : "code",
      file: flow.file,
      updatedAt: flow.updatedAt,
      lastRun: last ? { id: last.id, name: last.name, stateType: last.stateType, stateName: last.stateName, startTime: last.startTime, endTime: last.endTime } : null,
    };
  };
  const detail = async (flow: FlowFile): Promise<FlowDetail> => ({
    ...(await summary(flow)),
    source: flow.source,
    graph: flow.parsed.ok ? flow.parsed.graph : null,
    problems: flow.parsed.ok ? [] : flow.parsed.problems,
  });

  return {
    "flows.list": async () => ({ flows: await Promise.all(ctx.flows.list().map(summary)) }),
    "flows.get": async ({ id }) => detail(ctx.flows.get(id)),
    "flows.save": async (input) => {
      ensureWorkspace(ctx.flows.dir);
      if ("source" in input) return detail(ctx.flows.write(input.id, input.source, { ifUnchangedSince: input.ifUnchangedSince }));
      const code = codeFor(input.graph);
      const id = input.id ?? slugOf(input.graph.name);
      return detail(ctx.flows.write(id, code, { create: input.id === undefined, ifUnchangedSince: input.ifUnchangedSince }));
    },
    "flows.rename": async ({ id, name }) => {
      const flow = ctx.flows.get(id);
      const folder = id.includes("/") ? `${id.slice(0, id.lastIndexOf("/"))}/` : "";
      const to = `${folder}${slugOf(name)}`;
      const source = flow.parsed.ok ? codeFor({ ...flow.parsed.graph, name }) : flow.source;
      if (to === id) {
        const rewritten = ctx.flows.write(id, source);
        await followRename(ctx, { id, name: flow.name }, { id, name: rewritten.name });
        return detail(rewritten);
      }
      // Written under the new name first: a failure leaves the old file as it was.
      const renamed = ctx.flows.write(to, source, { create: true });
      ctx.flows.delete(id);
      await followRename(ctx, { id, name: flow.name }, { id: to, name: renamed.name });
      return detail(renamed);
    },
    "flows.delete": async ({ id }) => {
      ctx.flows.delete(id);
      return { id };
    },
    "flows.import": async ({ fileName, source, overwrite }) => {
      const base = fileName.split(/[\\/]/).pop()!.replace(/\.(m|c)?[tj]s$/, "");
      const id = slugOf(base);
      ensureWorkspace(ctx.flows.dir);
      const parsed = parseFlowSource(source);
      // Schedules in an exported file become the app's (the scheduler keeps them); the saved file has none, so they live in one place.
      if (parsed.ok && parsed.graph.serve) {
        if (!overwrite && ctx.flows.read(id)) throw new ApiError("conflict", `A flow '${id}' already exists; open it, or import under another name`);
        const graph = await adoptSchedules(ctx, id, parsed.graph);
        return detail(ctx.flows.write(id, codeFor(graph), { create: !overwrite }));
      }
      return detail(ctx.flows.write(id, source, { create: !overwrite }));
    },
    "flows.export": async ({ id }) => {
      const flow = ctx.flows.get(id);
      const fileName = `${id.split("/").pop()}.ts`;
      if (!flow.parsed.ok) return { fileName, source: flow.source };
      const graph = await withSchedules(ctx, id, flow.parsed.graph);
      return { fileName, source: graph === flow.parsed.graph ? flow.source : compileGraph(graph).code };
    },
  };
}

/**
 * The file a graph saves as. Only a graph whose file reads back as the same graph
 * is saved, so reopening never turns a flow into code or loses a node; a graph
 * with, say, a cycle is refused with its problems until they are fixed.
 */
function codeFor(graph: FlowGraph): string {
  const { code } = compileGraph(graph);
  const back = parseFlowSource(code);
  if (back.ok && isDeepStrictEqual(back.graph, normalizeGraph(graph))) return code;
  const problems = validateGraph(graph).problems.filter((p) => p.severity === "error");
  const first = problems[0]?.message ?? (back.ok ? "it would not read back as the same graph" : back.problems[0]?.message ?? "it would not read back");
  throw new ApiError("graph-invalid", `This graph cannot be saved as a flow file yet: ${first}`, problems);
}
