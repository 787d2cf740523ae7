import { CancelledError, deserializeError } from "../errors.ts";
import type { TaskRunRecord } from "../store/types.ts";
import type { FlowFrame } from "./context.ts";
import { PREVIEW } from "./serialize.ts";
import type { State } from "./states.ts";

/** Internal: the live side of one task run. */
export interface TaskRunHandle<T = unknown> {
  readonly id: string;
  /** UNRECORDED while the run waits for a concurrency slot. */
  record: TaskRunRecord;
  state: State<T>;
  done: Promise<State<T>>;
  /** The error as thrown, kept so callers can use instanceof on it. */
  error: unknown;
  /** Whether anyone has taken the outcome (awaited it, or used it as an input). */
  observed: boolean;
  /** Set for runs inside a flow run: the flow waits for them and notices unobserved failures. */
  flow?: FlowFrame;
  future?: boolean;
}

/** The record of a run still waiting for a concurrency slot: it is written when it starts. */
export const UNRECORDED: TaskRunRecord = Object.freeze({
  id: "", name: "", taskName: "", flowRunId: null, parentTaskRunId: null, tags: [], stateType: "PENDING", stateName: "Pending",
  stateMessage: null, createdAt: 0, startTime: null, endTime: null, runCount: 0, maxRetries: 0, cacheKey: null, upstream: [],
  inputsPreview: null, resultPreview: null, error: null, owner: null,
}) as TaskRunRecord;

/** Resolves to the value of a settled run, or throws why it did not complete. */
export function outcomeOf<T>(handle: { state: State<T>; error: unknown }): T {
  const state = handle.state;
  if (state.type === "COMPLETED") return state.result as T;
  if (handle.error !== undefined) throw handle.error;
  if (state.error) throw deserializeError(state.error);
  if (state.type === "CANCELLED") throw new CancelledError(state.message ?? "cancelled");
  throw new Error(`run ended in state ${state.name}`);
}

/**
 * A task run submitted to run concurrently. Await it for the result, or read
 * `.state` at any time. Passing it to another task makes that task wait for it
 * and records the dependency.
 */
export class TaskFuture<T> implements PromiseLike<T> {
  readonly #handle: TaskRunHandle<T>;

  constructor(handle: TaskRunHandle<T>) {
    this.#handle = handle;
  }

  get taskRunId(): string {
    return this.#handle.id;
  }

  /** The current state; it changes as the run progresses. */
  get state(): State<T> {
    return this.#handle.state;
  }

  /** Waits for the final state and never throws. */
  wait(): Promise<State<T>> {
    this.#handle.observed = true;
    return this.#handle.done;
  }

  /** Waits and returns the result, or throws the task's error. */
  result(): Promise<T> {
    this.#handle.observed = true;
    return this.#handle.done.then(() => outcomeOf(this.#handle));
  }

  then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    const handle = this.#handle;
    handle.observed = true;
    // One promise per await: Promise.all over 100k futures pays this 100k times.
    return handle.done.then((): A | B | PromiseLike<A | B> => {
      let value: T;
      try {
        value = outcomeOf(handle);
      } catch (error) {
        if (onRejected) return onRejected(error);
        throw error;
      }
      return onFulfilled ? onFulfilled(value) : (value as unknown as A);
    });
  }

  [PREVIEW](): string {
    return JSON.stringify({ $task: this.#handle.id });
  }

  /** Internal: used when the future is an input of another task. */
  static handleOf<T>(future: TaskFuture<T>): TaskRunHandle<T> {
    return future.#handle;
  }
}
