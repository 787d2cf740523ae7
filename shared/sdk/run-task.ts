import { CancelledError, isRetryable, makeError, serializeError } from "../errors.ts";
import { LOG_LEVELS, type RunStore, type TaskRunRecord } from "../store/types.ts";
import { computeCacheKey } from "./cache.ts";
import { installConsoleCapture } from "./capture.ts";
import { limitedAmong, mayBeLimited, waitForSlots } from "./concurrency.ts";
import { currentFrame, runInFrame, type FlowFrame, type Frame } from "./context.ts";
import type { Job, Semaphore } from "./semaphore.ts";
import { UpstreamFailure, registerResult, resolveArgs, type ResolvedArgs } from "./deps.ts";
import { UNRECORDED, type TaskRunHandle } from "./future.ts";
import { guard, reasonText, sleep, type Outcome } from "./guard.ts";
import { runHooks } from "./hooks.ts";
import { writeLog } from "./logger.ts";
import { newId, taskRunName } from "./names.ts";
import type { TaskHookInfo, TaskOptions } from "./options.ts";
import { getPlatform } from "./platform.ts";
import { retryDelayMs } from "./retry.ts";
import { getRecorder } from "./runtime.ts";
import { decodeValue, encodeValue, previewValue } from "./serialize.ts";
import { isTerminal, type State, type StateName, type StateType } from "./states.ts";
import { trackOrphan } from "./lifecycle.ts";
import { transition, type TransitionExtra } from "./transition.ts";
import { eventLoopTurn } from "./yield.ts";

/** Internal: a task definition as `task()` built it. */
export interface TaskDef<A extends unknown[] = unknown[], R = unknown> {
  readonly name: string;
  readonly fn: (...args: A) => R | Promise<R>;
  readonly options: TaskOptions<A, R>;
}

// Shared by every run without tags or links: 100k queued runs need not hold 200k empty arrays.
const EMPTY_LIST: string[] = Object.freeze([]) as unknown as string[];

/** Starts a task run now; its outcome arrives on `handle.done`, which never rejects. */
export function startTaskRun<A extends unknown[], R>(def: TaskDef<A, R>, rawArgs: unknown[], asFuture: boolean): TaskRunHandle<R> {
  const parent = currentFrame();
  const flow = parent?.flow;
  // Only a flow's direct tasks count against its limit: nested ones would deadlock it.
  const semaphore = parent?.task ? undefined : flow?.semaphore;
  const resolved = resolveArgs(rawArgs);
  if (semaphore && flow && !semaphore.hasFreeSlot() && !(resolved instanceof Promise)) {
    return queueTaskRun(def, resolved, asFuture, parent!, flow, semaphore);
  }
  const id = newId();
  const handle: TaskRunHandle<R> = { id, record: makeRecord(def, id, parent), state: undefined as unknown as State<R>, done: undefined as unknown as Promise<State<R>>, error: undefined, observed: !asFuture };
  if (flow) {
    handle.flow = flow;
    handle.future = asFuture;
    flow.inFlight.add(handle as TaskRunHandle);
  }
  setTaskState(handle, "PENDING", "Pending");
  const started = resolved instanceof Promise ? resolved.then((r) => admit(def, handle, r, parent, semaphore), (error: unknown) => inputsFailed(def, handle, parent, error)) : admit(def, handle, resolved, parent, semaphore);
  // A run with no parent writes its history before it resolves, as a top-level flow does.
  handle.done = parent ? started : started.then(async (state) => (await getRecorder().flush(), state));
  if (!parent) trackOrphan(handle);
  return handle;
}

/**
 * A run that must wait for a slot of the flow's concurrency limit is recorded only when
 * it gets one: until then it is an id, a Pending state and this small job, so a .map
 * over 100,000 items does not hold 100,000 full records (nor write each one twice).
 */
class QueuedRun<A extends unknown[], R> implements Job {
  resolve!: (started: Promise<State<R>>) => void;
  private readonly def: TaskDef<A, R>;
  private readonly handle: TaskRunHandle<R>;
  private readonly resolved: ResolvedArgs;
  private readonly parent: Frame;
  private readonly semaphore: Semaphore;

  constructor(def: TaskDef<A, R>, handle: TaskRunHandle<R>, resolved: ResolvedArgs, parent: Frame, semaphore: Semaphore) {
    this.def = def;
    this.handle = handle;
    this.resolved = resolved;
    this.parent = parent;
    this.semaphore = semaphore;
  }

  start(): void {
    const { def, handle, parent, semaphore } = this;
    handle.record = makeRecord(def, handle.id, parent);
    setTaskState(handle, "PENDING", "Pending");
    const started = admit(def, handle, this.resolved, parent, undefined);
    started.then(semaphore.release, semaphore.release);
    this.resolve(started);
  }
}

function queueTaskRun<A extends unknown[], R>(def: TaskDef<A, R>, resolved: ResolvedArgs, asFuture: boolean, parent: Frame, flow: FlowFrame, semaphore: Semaphore): TaskRunHandle<R> {
  const state: State<R> = { type: "PENDING", name: "Pending", timestamp: Date.now() };
  const handle: TaskRunHandle<R> = { id: newId(), record: UNRECORDED, state, done: undefined as unknown as Promise<State<R>>, error: undefined, observed: !asFuture, flow, future: asFuture };
  flow.inFlight.add(handle as TaskRunHandle);
  const job = new QueuedRun(def, handle, resolved, parent, semaphore);
  handle.done = new Promise((resolve) => (job.resolve = resolve));
  semaphore.enqueue(job);
  return handle;
}

function makeRecord<A extends unknown[], R>(def: TaskDef<A, R>, id: string, parent: Frame | undefined): TaskRunRecord {
  return {
    id,
    name: taskRunName(def.name, id),
    taskName: def.name,
    flowRunId: parent?.flow?.record.id ?? parent?.task?.flowRunId ?? null,
    parentTaskRunId: parent?.task?.id ?? null,
    tags: (def.options.tags as string[] | undefined) ?? EMPTY_LIST,
    stateType: "PENDING",
    stateName: "Pending",
    stateMessage: null,
    createdAt: Date.now(),
    startTime: null,
    endTime: null,
    runCount: 0,
    maxRetries: def.options.retries ?? 0,
    cacheKey: null,
    upstream: EMPTY_LIST,
    inputsPreview: null,
    resultPreview: null,
    error: null,
    owner: parent ? null : getPlatform().owner(),
  };
}

/** Inputs are known: record them, then run now or queue for the flow's concurrency limit. */
function admit<A extends unknown[], R>(def: TaskDef<A, R>, handle: TaskRunHandle<R>, resolved: ResolvedArgs, parent: Frame | undefined, semaphore: Semaphore | undefined): Promise<State<R>> {
  const record = handle.record;
  const args = resolved.args as A;
  record.upstream = resolved.upstream;
  record.inputsPreview = previewValue(args, 1000);
  if (def.options.runName !== undefined) record.name = runNameOf(def, args);
  if (!semaphore) return attempts(def, handle, args, parent);
  return semaphore.run(() => attempts(def, handle, args, parent));
}

function inputsFailed<A extends unknown[], R>(def: TaskDef<A, R>, handle: TaskRunHandle<R>, parent: Frame | undefined, error: unknown): State<R> | Promise<State<R>> {
  if (error instanceof UpstreamFailure) {
    handle.record.upstream = [error.upstreamId];
    const failure = makeError("upstream-failed", [def.name, error.upstreamName], { cause: error.original });
    return finishFailed(def, handle, parent, failure, "UpstreamFailed");
  }
  return finishFailed(def, handle, parent, error, "Failed");
}

async function attempts<A extends unknown[], R>(def: TaskDef<A, R>, handle: TaskRunHandle<R>, args: A, parent: Frame | undefined): Promise<State<R>> {
  const record = handle.record;
  const options = def.options;
  const flow = parent?.flow;

  const cacheKey = options.cacheKey ? cacheKeyOf(def, args, parent) : null;
  record.cacheKey = cacheKey;
  if (cacheKey !== null && !options.refreshCache) {
    const hit = await readCache(cacheKey);
    if (hit) {
      const now = Date.now();
      record.startTime = now;
      record.endTime = now;
      record.resultPreview = previewValue(hit.value);
      registerResult(hit.value, record.id);
      const state = setTaskState(handle, "COMPLETED", "Cached", { message: `Result from task run ${hit.from ?? "unknown"}`, result: hit.value as R });
      const hooks = runHooks(parent, "onCompletion", options.onCompletion, () => hookInfo(handle));
      if (hooks) await hooks;
      return state;
    }
  }

  const turn = eventLoopTurn();
  if (turn) await turn;
  const maxRetries = options.retries ?? 0;
  for (let attempt = 1; ; attempt++) {
    if (flow?.cancel.signal.aborted) return finishCancelled(handle, "the flow run was cancelled");
    // Untagged tasks (nearly all) skip slots with one length check; tags known to be unlimited, with a cache lookup.
    let slots: SlotsHeld | undefined;
    const store = record.tags.length > 0 ? getRecorder().store : undefined;
    if (store?.acquireConcurrencySlots && mayBeLimited(store, record.tags)) {
      const taken = await takeSlots(handle, parent, store);
      if (taken.kind === "cancelled") return finishCancelled(handle, taken.reason);
      if (taken.kind === "failed") return finishFailed(def, handle, parent, taken.error, "Failed");
      slots = taken.slots;
    }
    let delay: number;
    // The slots go back once the attempt has left RUNNING (its end is stamped first, so no
    // other holder's RUNNING can start before it), and before any retry delay.
    try {
      record.runCount = attempt;
      if (attempt === 1) {
        record.startTime = Date.now();
        setTaskState(handle, "RUNNING", "Running");
      } else {
        setTaskState(handle, "RUNNING", "Retrying", { message: `Attempt ${attempt} of ${maxRetries + 1}` });
      }
      const outcome = await runAttempt(def, handle, args, parent, attempt);
      if (outcome.kind === "completed") return finishCompleted(def, handle, parent, outcome.value, cacheKey);
      if (outcome.kind === "cancelled") return finishCancelled(handle, outcome.reason);
      const retry = attempt <= maxRetries && (await shouldRetry(def, parent, outcome.error, attempt));
      if (!retry) return finishFailed(def, handle, parent, outcome.error, outcome.timedOut ? "TimedOut" : "Failed");
      delay = Math.round(retryDelayMs(options.retryDelayMs, options.retryJitter, attempt));
      const error = serializeError(outcome.error);
      setTaskState(handle, "SCHEDULED", "AwaitingRetry", { message: `Retry ${attempt} of ${maxRetries} in ${delay} ms after: ${error.message}`, error });
    } finally {
      if (slots) await releaseSlots(slots, parent);
    }
    if (!(await sleep(delay, flow?.cancel))) return finishCancelled(handle, "the flow run was cancelled");
  }
}

interface SlotsHeld {
  store: RunStore;
  taskRunId: string;
}

type SlotOutcome = { kind: "held"; slots: SlotsHeld | undefined } | { kind: "cancelled"; reason: string } | { kind: "failed"; error: unknown };

/**
 * Waits for a slot of each limited tag of the task run, showing AwaitingConcurrencySlot
 * meanwhile. Nothing is held (and the store is not asked) when none of its tags has a limit.
 */
async function takeSlots<R>(handle: TaskRunHandle<R>, parent: Frame | undefined, store: RunStore): Promise<SlotOutcome> {
  const record = handle.record;
  const signal = parent?.signal ?? parent?.flow?.cancel.signal;
  try {
    if ((await limitedAmong(store, record.tags)).length === 0) return { kind: "held", slots: undefined };
    const acquired = await waitForSlots({
      store,
      tags: record.tags,
      taskRunId: record.id,
      owner: getPlatform().owner(),
      signal,
      onBlocked: ({ tag, limit }) => {
        setTaskState(handle, "PENDING", "AwaitingConcurrencySlot", { message: `Waiting for a slot of tag '${tag}' (limit ${limit})` });
      },
    });
    if (!acquired) return { kind: "cancelled", reason: signal?.aborted ? reasonText(signal.reason) : "cancelled" };
    return { kind: "held", slots: { store, taskRunId: record.id } };
  } catch (error) {
    return { kind: "failed", error };
  }
}

async function releaseSlots(slots: SlotsHeld, parent: Frame | undefined): Promise<void> {
  try {
    await slots.store.releaseConcurrencySlots?.(slots.taskRunId);
  } catch (error) {
    // The attempt's outcome stands; a leaked slot is reclaimed once the run is recorded as ended.
    writeLog(parent, LOG_LEVELS.warning, `Could not release the concurrency slots of task run ${slots.taskRunId}: ${serializeError(error).message}`);
  }
}

function runAttempt<A extends unknown[], R>(def: TaskDef<A, R>, handle: TaskRunHandle<R>, args: A, parent: Frame | undefined, attempt: number): Promise<Outcome<R>> {
  const flow = parent?.flow;
  const logPrints = def.options.logPrints ?? parent?.logPrints ?? false;
  if (logPrints) installConsoleCapture();
  return guard(
    (signal) => {
      const frame: Frame = { flow, task: handle.record, signal, logPrints, attempt };
      return runInFrame(frame, () => def.fn(...args));
    },
    {
      what: `Task run '${handle.record.name}'`,
      ...(def.options.timeoutMs === undefined ? {} : { timeoutMs: def.options.timeoutMs }),
      ...(flow && (!parent?.task || parent.signal === flow.cancel.signal) ? { cancel: flow.cancel } : parent ? { outer: parent.signal } : {}),
    },
  );
}

async function shouldRetry<A extends unknown[], R>(def: TaskDef<A, R>, parent: Frame | undefined, error: unknown, attempt: number): Promise<boolean> {
  if (!isRetryable(error)) return false;
  if (!def.options.retryIf) return true;
  try {
    return Boolean(await def.options.retryIf(error, attempt));
  } catch (hookError) {
    writeLog(parent, LOG_LEVELS.error, `retryIf of task '${def.name}' threw, so no retry: ${serializeError(hookError).message}`);
    return false;
  }
}

function finishCompleted<A extends unknown[], R>(def: TaskDef<A, R>, handle: TaskRunHandle<R>, parent: Frame | undefined, value: R, cacheKey: string | null): State<R> | Promise<State<R>> {
  const record = handle.record;
  record.endTime = Date.now();
  record.resultPreview = previewValue(value);
  registerResult(value, record.id);
  if (def.options.persistResult || cacheKey !== null) persist(def, record, parent, value, cacheKey);
  const state = setTaskState(handle, "COMPLETED", "Completed", { result: value });
  // Without hooks the state is returned as is: no promise to adopt, no extra microtask.
  const hooks = runHooks(parent, "onCompletion", def.options.onCompletion, () => hookInfo(handle));
  return hooks ? hooks.then(() => state) : state;
}

function finishFailed<A extends unknown[], R>(def: TaskDef<A, R>, handle: TaskRunHandle<R>, parent: Frame | undefined, error: unknown, name: StateName): State<R> | Promise<State<R>> {
  const record = handle.record;
  const serialized = serializeError(error);
  record.endTime = Date.now();
  record.error = serialized;
  handle.error = error;
  const state = setTaskState(handle, "FAILED", name, { message: serialized.message, error: serialized });
  const hooks = runHooks(parent, "onFailure", def.options.onFailure, () => hookInfo(handle));
  return hooks ? hooks.then(() => state) : state;
}

function finishCancelled<R>(handle: TaskRunHandle<R>, reason: string): State<R> {
  handle.record.endTime = Date.now();
  handle.error = new CancelledError(makeError("cancelled", [`Task run '${handle.record.name}'`, reason]).message);
  return setTaskState(handle, "CANCELLED", "Cancelled", { message: reason });
}

function persist<A extends unknown[], R>(def: TaskDef<A, R>, record: TaskRunRecord, parent: Frame | undefined, value: R, cacheKey: string | null): void {
  let encoded: string;
  try {
    encoded = encodeValue(value, `task run '${record.name}'`);
  } catch (error) {
    writeLog(parent ?? { flow: undefined, task: record, signal: new AbortController().signal, logPrints: false, attempt: 1 }, LOG_LEVELS.warning, `${serializeError(error).message}; it is not cached or persisted`);
    return;
  }
  const recorder = getRecorder();
  recorder.result({ runId: record.id, value: encoded });
  if (cacheKey !== null) {
    const expires = def.options.cacheExpiresInMs;
    recorder.cacheEntry({ key: cacheKey, value: encoded, createdAt: Date.now(), expiresAt: expires === undefined ? null : Date.now() + expires, taskRunId: record.id });
  }
}

async function readCache(key: string): Promise<{ value: unknown; from: string | null } | undefined> {
  const now = Date.now();
  const recorder = getRecorder();
  const pending = recorder.pendingCacheEntry(key);
  const entry = pending && (pending.expiresAt === null || pending.expiresAt > now) ? pending : await recorder.store.getCacheEntry(key, now);
  if (!entry) return undefined;
  try {
    return { value: decodeValue(entry.value), from: entry.taskRunId };
  } catch {
    return undefined; // an unreadable entry is a miss, and the run overwrites it
  }
}

function cacheKeyOf<A extends unknown[], R>(def: TaskDef<A, R>, args: A, parent: Frame | undefined): string | null {
  try {
    const ctx = { taskName: def.name, flowRunId: parent?.flow?.record.id ?? null, parameters: parent?.flow?.parameters };
    return computeCacheKey(def.options.cacheKey!, def.name, () => def.fn.toString(), ctx, args);
  } catch (error) {
    writeLog(parent, LOG_LEVELS.warning, `Task '${def.name}' runs without cache: its cache key could not be computed (${serializeError(error).message})`);
    return null;
  }
}

function runNameOf<A extends unknown[], R>(def: TaskDef<A, R>, args: A): string {
  const option = def.options.runName!;
  if (typeof option === "string") return option;
  try {
    return String(option(args));
  } catch {
    return taskRunName(def.name, newId());
  }
}

function hookInfo<R>(handle: TaskRunHandle<R>): TaskHookInfo<R> {
  const r = handle.record;
  return { taskName: r.taskName, taskRunId: r.id, taskRunName: r.name, flowRunId: r.flowRunId, state: handle.state };
}

function setTaskState<R>(handle: TaskRunHandle<R>, type: StateType, name: StateName, extra: TransitionExtra<R> = {}): State<R> {
  const flow = handle.flow;
  handle.state = transition({ kind: "task", record: handle.record }, type, name, extra);
  // Leaving the flow's in-flight set here, not in a .then, spares a promise per task run.
  if (flow && isTerminal(type)) {
    flow.inFlight.delete(handle as TaskRunHandle);
    if (handle.future && type !== "COMPLETED") flow.failedFutures.add(handle as TaskRunHandle);
  }
  return handle.state;
}
