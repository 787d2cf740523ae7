import { isRetryable, makeError, serializeError } from "../errors.ts";
import type { FlowRunRecord } from "../store/types.ts";
import { installConsoleCapture } from "./capture.ts";
import { currentFrame, runInFrame, type FlowFrame, type Frame } from "./context.ts";
import { cancelSource, guard, sleep, type Outcome } from "./guard.ts";
import { runHooks } from "./hooks.ts";
import { trackFlow } from "./lifecycle.ts";
import { flowRunName, newId } from "./names.ts";
import type { FlowHookInfo, FlowOptions } from "./options.ts";
import { getPlatform } from "./platform.ts";
import { retryDelayMs } from "./retry.ts";
import { getRecorder } from "./runtime.ts";
import { Semaphore } from "./semaphore.ts";
import { encodeValue, previewValue } from "./serialize.ts";
import type { State, StateName, StateType } from "./states.ts";
import { transition, type TransitionExtra } from "./transition.ts";

/** Internal: a flow definition as `flow()` built it. */
export interface FlowDef<A extends unknown[] = unknown[], R = unknown> {
  readonly name: string;
  readonly fn: (...args: A) => R | Promise<R>;
  readonly options: FlowOptions<A, R>;
  /** The file that defined it, when known. */
  readonly source: string | null;
}

export interface FlowRunHandle<R = unknown> {
  readonly id: string;
  readonly record: FlowRunRecord;
  state: State<R>;
  done: Promise<State<R>>;
  error: unknown;
}

export interface StartFlowOptions {
  /** Aborting it cancels the run. */
  signal?: AbortSignal;
  /** Use this id instead of a new one: an engine host names the run before its worker starts it. */
  id?: string;
}

const recordedDefinitions = new WeakMap<object, WeakSet<object>>();

export function startFlowRun<A extends unknown[], R>(def: FlowDef<A, R>, rawArgs: unknown[], opts: StartFlowOptions = {}): FlowRunHandle<R> {
  if (opts.id === "") throw makeError("invalid-options", [`flow '${def.name}'`, "a run id must not be empty"]);
  const parent = currentFrame();
  const id = opts.id ?? newId();
  const record: FlowRunRecord = {
    id,
    name: flowRunName(),
    flowName: def.name,
    flowVersion: def.options.version ?? null,
    parentFlowRunId: parent?.flow?.record.id ?? parent?.task?.flowRunId ?? null,
    parentTaskRunId: parent?.task?.id ?? null,
    parameters: parametersJson(rawArgs),
    tags: [],
    stateType: "PENDING",
    stateName: "Pending",
    stateMessage: null,
    createdAt: Date.now(),
    startTime: null,
    endTime: null,
    runCount: 0,
    error: null,
    resultPreview: null,
    owner: getPlatform().owner(),
  };
  recordDefinition(def);
  const handle: FlowRunHandle<R> = { id, record, state: undefined as unknown as State<R>, done: undefined as unknown as Promise<State<R>>, error: undefined };

  const controller = new AbortController();
  const frame: FlowFrame = {
    record,
    controller,
    cancel: cancelSource(controller),
    parameters: rawArgs.length <= 1 ? rawArgs[0] : rawArgs,
    logPrints: def.options.logPrints ?? parent?.logPrints ?? false,
    semaphore: def.options.taskConcurrency ? new Semaphore(def.options.taskConcurrency) : undefined,
    inFlight: new Set(),
    failedFutures: new Set(),
    attempt: 0,
    crashed: async (message) => runHooks(frameOf(frame, frame.cancel.signal), "onCrashed", def.options.onCrashed, () => hookInfo(handle, frame, message)),
  };
  if (frame.logPrints) installConsoleCapture();
  setFlowState(handle, "PENDING", "Pending");
  handle.done = executeFlow(def, handle, frame, rawArgs, parent, opts);
  trackFlow(frame, handle.done);
  return handle;
}

async function executeFlow<A extends unknown[], R>(
  def: FlowDef<A, R>,
  handle: FlowRunHandle<R>,
  frame: FlowFrame,
  rawArgs: unknown[],
  parent: Frame | undefined,
  opts: StartFlowOptions,
): Promise<State<R>> {
  const record = handle.record;
  const args = [...rawArgs] as A;
  if (def.options.params) {
    const parsed = def.options.params.safeParse(args[0]);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.message}`).join("; ");
      const error = makeError("invalid-params", [def.name, problems]);
      return finish(def, handle, frame, "FAILED", "Failed", { error });
    }
    args[0] = parsed.data;
    record.parameters = parametersJson(args);
    (frame as { parameters: unknown }).parameters = args.length <= 1 ? args[0] : args;
  }

  let cancelReason: string | undefined;
  const cancel = (reason: string): void => {
    if (cancelReason !== undefined) return;
    cancelReason = reason;
    frame.controller.abort(new Error(reason));
  };
  const unlink = linkCancellation(opts.signal, parent, cancel);
  try {
    const maxRetries = def.options.retries ?? 0;
    record.startTime = Date.now();
    for (let attempt = 1; ; attempt++) {
      if (cancelReason !== undefined) return await finishCancelled(def, handle, frame, cancelReason);
      if (attempt > 1) {
        frame.controller = new AbortController();
        frame.cancel = cancelSource(frame.controller);
        frame.failedFutures.clear();
      }
      frame.attempt = attempt;
      record.runCount = attempt;
      if (attempt === 1) setFlowState(handle, "RUNNING", "Running");
      else setFlowState(handle, "RUNNING", "Retrying", { message: `Attempt ${attempt} of ${maxRetries + 1}` });

      const outcome: Outcome<R> = await guard((signal) => runInFrame(frameOf(frame, signal), () => def.fn(...args)), {
        what: `Flow run '${record.name}'`,
        cancel: frame.cancel,
        ...(def.options.timeoutMs === undefined ? {} : { timeoutMs: def.options.timeoutMs }),
      });
      if (outcome.kind === "failed" && outcome.timedOut) frame.controller.abort(new Error("the flow run timed out"));
      if (outcome.kind === "cancelled") setFlowState(handle, "CANCELLING", "Cancelling", { message: outcome.reason });
      await settle(frame);

      if (outcome.kind === "cancelled") return await finishCancelled(def, handle, frame, cancelReason ?? outcome.reason);
      // Cancelled while waiting for tasks it submitted and never awaited: their Cancelled ends are not failures.
      if (cancelReason !== undefined) return await finishCancelled(def, handle, frame, cancelReason);
      let error: unknown;
      let timedOut = false;
      if (outcome.kind === "completed") {
        const unobserved = [...frame.failedFutures].filter((f) => !f.observed);
        if (unobserved.length === 0) return await finish(def, handle, frame, "COMPLETED", "Completed", { result: outcome.value });
        error = new Error(`${unobserved.length} submitted task run(s) failed and were never awaited; first: ${unobserved[0]!.state.message ?? unobserved[0]!.state.name}`);
      } else {
        error = outcome.error;
        timedOut = outcome.timedOut;
      }
      if (attempt > maxRetries || !isRetryable(error)) return await finish(def, handle, frame, "FAILED", timedOut ? "TimedOut" : "Failed", { error });
      const delay = Math.round(retryDelayMs(def.options.retryDelayMs, undefined, attempt));
      const serialized = serializeError(error);
      setFlowState(handle, "SCHEDULED", "AwaitingRetry", { message: `Retry ${attempt} of ${maxRetries} in ${delay} ms after: ${serialized.message}`, error: serialized });
      if (!(await sleep(delay, frame.cancel))) return await finishCancelled(def, handle, frame, cancelReason ?? "cancelled");
    }
  } finally {
    unlink();
    if (!record.parentFlowRunId) await getRecorder().flush();
  }
}

function frameOf(frame: FlowFrame, signal: AbortSignal): Frame {
  return { flow: frame, task: undefined, signal, logPrints: frame.logPrints, attempt: frame.attempt };
}

/** Waits for every task run of this attempt, including ones started while waiting. */
async function settle(frame: FlowFrame): Promise<void> {
  while (frame.inFlight.size > 0) await Promise.all([...frame.inFlight].map((h) => h.done));
}

function linkCancellation(signal: AbortSignal | undefined, parent: Frame | undefined, cancel: (reason: string) => void): () => void {
  const sources = [signal, parent?.signal].filter((s): s is AbortSignal => s !== undefined);
  const listeners = sources.map((source) => {
    const listener = (): void => cancel(source.reason instanceof Error ? source.reason.message : typeof source.reason === "string" ? source.reason : "cancelled");
    if (source.aborted) listener();
    else source.addEventListener("abort", listener, { once: true });
    return () => source.removeEventListener("abort", listener);
  });
  return () => listeners.forEach((off) => off());
}

async function finish<A extends unknown[], R>(
  def: FlowDef<A, R>,
  handle: FlowRunHandle<R>,
  frame: FlowFrame,
  type: "COMPLETED" | "FAILED",
  name: StateName,
  extra: { result?: R; error?: unknown },
): Promise<State<R>> {
  const record = handle.record;
  record.endTime = Date.now();
  const hookFrame = frameOf(frame, frame.cancel.signal);
  if (type === "COMPLETED") {
    record.resultPreview = previewValue(extra.result);
    setFlowState(handle, type, name, { result: extra.result as R });
    const hooks = runHooks(hookFrame, "onCompletion", def.options.onCompletion, () => hookInfo(handle, frame));
    if (hooks) await hooks;
  } else {
    const error = serializeError(extra.error);
    record.error = error;
    handle.error = extra.error;
    setFlowState(handle, type, name, { message: error.message, error });
    const hooks = runHooks(hookFrame, "onFailure", def.options.onFailure, () => hookInfo(handle, frame));
    if (hooks) await hooks;
  }
  return handle.state;
}

async function finishCancelled<A extends unknown[], R>(def: FlowDef<A, R>, handle: FlowRunHandle<R>, frame: FlowFrame, reason: string): Promise<State<R>> {
  handle.record.endTime = Date.now();
  handle.error = makeError("cancelled", [`Flow run '${handle.record.name}'`, reason]);
  setFlowState(handle, "CANCELLED", "Cancelled", { message: reason });
  const hooks = runHooks(frameOf(frame, frame.cancel.signal), "onCancellation", def.options.onCancellation, () => hookInfo(handle, frame));
  if (hooks) await hooks;
  return handle.state;
}

function hookInfo<R>(handle: FlowRunHandle<R>, frame: FlowFrame, crashMessage?: string): FlowHookInfo<R> {
  const r = handle.record;
  const state: State<R> = crashMessage === undefined ? handle.state : { type: "CRASHED", name: "Crashed", timestamp: Date.now(), message: crashMessage };
  return { flowName: r.flowName, flowRunId: r.id, flowRunName: r.name, parameters: frame.parameters, state };
}

function recordDefinition<A extends unknown[], R>(def: FlowDef<A, R>): void {
  const recorder = getRecorder();
  let seen = recordedDefinitions.get(recorder);
  if (!seen) recordedDefinitions.set(recorder, (seen = new WeakSet()));
  if (seen.has(def)) return;
  seen.add(def);
  recorder.flow({ name: def.name, description: def.options.description ?? null, version: def.options.version ?? null, source: def.source, updatedAt: Date.now() });
}

/** The parameters as JSON: the object for the usual one-object call, else the argument list. */
function parametersJson(args: unknown[]): string {
  const value = args.length === 1 ? args[0] : args.length === 0 ? {} : args;
  try {
    return encodeValue(value, "the parameters");
  } catch {
    return JSON.stringify({ $preview: previewValue(value) });
  }
}

function setFlowState<R>(handle: FlowRunHandle<R>, type: StateType, name: StateName, extra: TransitionExtra<R> = {}): void {
  handle.state = transition({ kind: "flow", record: handle.record }, type, name, extra);
}
