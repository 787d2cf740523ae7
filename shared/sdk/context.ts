import { makeError } from "../errors.ts";
import type { FlowRunRecord, TaskRunRecord } from "../store/types.ts";
import { getPlatform, type ContextStorage } from "./platform.ts";
import type { TaskRunHandle } from "./future.ts";
import type { CancelSource } from "./guard.ts";
import type { Semaphore } from "./semaphore.ts";

/** Internal: one flow run in progress. */
export interface FlowFrame {
  readonly record: FlowRunRecord;
  /** Renewed for each attempt, so a timed-out attempt can be retried. */
  controller: AbortController;
  cancel: CancelSource;
  /** Runs the flow's onCrashed hooks; the host calls it when the process is being killed. */
  readonly crashed: (message: string) => Promise<void>;
  readonly parameters: unknown;
  readonly logPrints: boolean;
  readonly semaphore: Semaphore | undefined;
  /** Task runs started under this flow run and not yet settled. */
  readonly inFlight: Set<TaskRunHandle>;
  /** Futures that failed; the flow fails too unless someone looked at them. */
  readonly failedFutures: Set<TaskRunHandle>;
  attempt: number;
}

/** Internal: what the async call chain of a run can see. */
export interface Frame {
  readonly flow: FlowFrame | undefined;
  readonly task: TaskRunRecord | undefined;
  readonly signal: AbortSignal;
  readonly logPrints: boolean;
  readonly attempt: number;
}

let storage: ContextStorage<Frame> | undefined;

function contextStorage(): ContextStorage<Frame> {
  storage ??= getPlatform().createContextStorage<Frame>();
  return storage;
}

export function currentFrame(): Frame | undefined {
  return contextStorage().get();
}

export function runInFrame<R>(frame: Frame, fn: () => R): R {
  return contextStorage().run(frame, fn);
}

/** What a flow or task sees of the run it is part of. */
export interface RunContext {
  flowRunId: string | null;
  flowRunName: string | null;
  flowName: string | null;
  taskRunId: string | null;
  taskRunName: string | null;
  taskName: string | null;
  /** The flow run's parameters. */
  parameters: unknown;
  /** Aborted on timeout or cancellation: pass it to fetch, child processes and timers. */
  signal: AbortSignal;
  /** 1 on the first attempt of the innermost run, 2 on its first retry, ... */
  attempt: number;
}

export function getRunContext(): RunContext {
  const frame = currentFrame();
  if (!frame) throw makeError("no-run-context", []);
  const flow = frame.flow?.record;
  return {
    flowRunId: flow?.id ?? null,
    flowRunName: flow?.name ?? null,
    flowName: flow?.flowName ?? null,
    taskRunId: frame.task?.id ?? null,
    taskRunName: frame.task?.name ?? null,
    taskName: frame.task?.taskName ?? null,
    parameters: frame.flow?.parameters,
    signal: frame.signal,
    attempt: frame.attempt,
  };
}
