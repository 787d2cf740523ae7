/**
 * What an automation does once it fired. Each action resolves to the line its
 * firing records ("started run abc", "HTTP 200") or throws with why it failed.
 */
import type { FlowParam } from "../../shared/graph/model.ts";
import { checkParams, type ParamCheck } from "../../shared/schedule/params.ts";
import type { AutomationAction, AutomationRecord } from "../../shared/schedule/records.ts";
import type { FlowRunRecord } from "../../shared/store/types.ts";
import type { HostContext } from "../host/context.ts";
import type { AutomationState } from "./match.ts";

export type ActionContext = Pick<HostContext, "store" | "automations" | "flows" | "engine" | "clock" | "scheduler" | "notify">;

export const CALL_URL_TIMEOUT_MS = 10_000;
const DEFAULT_RUN_ID_PARAM = "sourceRunId";

type StartFlow = Extract<AutomationAction, { kind: "start-flow" }>;

/**
 * The started run's parameters: `params` with the source run's id (and result) merged in.
 * For a graph flow that does not declare `sourceRunId`, the default name is left out
 * rather than failing every firing; a named `runIdParam` is always passed.
 * `result` undefined: not known yet (checking when saved), so that field is not checked.
 */
export function startFlowParams(action: StartFlow, declared: readonly FlowParam[] | null, runId: string, result: { value: unknown } | undefined): ParamCheck {
  const runIdParam = action.runIdParam ?? (declared === null || declared.some((p) => p.name === DEFAULT_RUN_ID_PARAM) ? DEFAULT_RUN_ID_PARAM : undefined);
  const params: Record<string, unknown> = { ...(action.params ?? {}) };
  if (runIdParam !== undefined) params[runIdParam] = runId;
  if (action.resultParam !== undefined && result) params[action.resultParam] = result.value;
  if (declared === null) return { ok: true, params };
  const check = checkParams(declared, params);
  if (check.ok || result || action.resultParam === undefined) return check;
  const problems = check.problems.filter((p) => !p.startsWith(`${action.resultParam}:`));
  return problems.length ? { ok: false, problems } : { ok: true, params };
}

export interface FiringEvent {
  automation: AutomationRecord;
  run: FlowRunRecord;
  state: AutomationState;
}

/** `started`: told the id of a run the action started. `signal`: aborts a URL call when the host closes. */
export async function runAction(ctx: ActionContext, event: FiringEvent, options: { started?: (runId: string) => void; signal?: AbortSignal } = {}): Promise<string> {
  const { automation, run, state } = event;
  const action = automation.then;
  switch (action.kind) {
    case "start-flow": {
      const flow = ctx.flows.get(action.flowId);
      const result = action.resultParam === undefined ? undefined : { value: await resultOf(ctx, run) };
      const check = startFlowParams(action, flow.parsed.ok ? flow.parsed.graph.params : null, run.id, result);
      if (!check.ok) throw new Error(`flow '${flow.name}' would not start: ${check.problems.join("; ")}`);
      const { runId } = await ctx.engine.start({ file: flow.file, params: check.params, flowName: flow.name });
      options.started?.(runId);
      return `started run ${runId}`;
    }
    case "cancel-run": {
      if (await ctx.engine.cancel(run.id)) return `cancelled run ${run.id}`;
      throw new Error(`run ${run.id} is not running in this host (it is ${run.stateName})`);
    }
    case "pause-schedule": {
      const schedule = await ctx.automations.setScheduleActive(action.scheduleId, false, ctx.clock.now());
      if (!schedule) throw new Error(`there is no schedule '${action.scheduleId}'`);
      ctx.scheduler.poke();
      return `paused schedule ${schedule.name}`;
    }
    case "notify": {
      const words = { flow: run.flowName, run: run.name, state: stateWord(state) };
      const fill = (text: string) => text.replace(/\{(flow|run|state)\}/g, (_m, key: keyof typeof words) => words[key]);
      const title = fill(action.title ?? "{flow}: {state}");
      const body = fill(action.body ?? (run.stateMessage ? `Run {run} is {state}: ${run.stateMessage}` : "Run {run} is {state}"));
      ctx.notify({ title, body, runId: run.id });
      return `notified: ${title}`;
    }
    case "call-url": {
      const method = action.method ?? "POST";
      const response = await fetch(action.url, {
        method,
        signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(CALL_URL_TIMEOUT_MS)]) : AbortSignal.timeout(CALL_URL_TIMEOUT_MS),
        ...(method === "GET"
          ? {}
          : { headers: { "content-type": "application/json" }, body: JSON.stringify({ automation: automation.name, event: { runId: run.id, flowName: run.flowName, state } }) }),
      }).catch((error: unknown) => {
        const e = error as Error & { cause?: { code?: string; message?: string } };
        if (options.signal?.aborted) throw new Error(`${method} ${action.url}: stopped, the host was closing`);
        if (e.name === "TimeoutError") throw new Error(`${method} ${action.url}: no answer in ${CALL_URL_TIMEOUT_MS / 1000} s`);
        throw new Error(`${method} ${action.url}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
      });
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) throw new Error(`HTTP ${response.status} from ${method} ${action.url}`);
      return `HTTP ${response.status}`;
    }
  }
}

/** The source run's return value: the persisted result, else its preview (which may be cut short). */
async function resultOf(ctx: ActionContext, run: FlowRunRecord): Promise<unknown> {
  const text = (await ctx.store.getResult(run.id)) ?? run.resultPreview;
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function stateWord(state: AutomationState): string {
  return state === "LATE" ? "late" : state.toLowerCase();
}
