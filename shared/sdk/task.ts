import { makeError } from "../errors.ts";
import { registerCallPromise } from "./deps.ts";
import { TaskFuture, outcomeOf } from "./future.ts";
import { validateTaskOptions, type TaskOptions } from "./options.ts";
import { startTaskRun, type TaskDef } from "./run-task.ts";
import type { State } from "./states.ts";

/**
 * An argument may also be a future or promise of itself, or a list of them
 * (what `.map` returns): the task waits for them and records the links.
 */
export type MaybeFuture<T> = T | TaskFuture<T> | PromiseLike<T> | (T extends readonly (infer E)[] ? readonly (E | TaskFuture<E> | PromiseLike<E>)[] : never);
export type TaskInputs<A extends unknown[]> = { [K in keyof A]: MaybeFuture<A[K]> };

export interface RunOptions {
  /** Resolve to the final State instead of the result or the error. */
  returnState?: boolean;
}

export interface Task<A extends unknown[], R> {
  /** Runs the task and resolves to its result; a failure rejects with the task's error. */
  (...args: TaskInputs<A>): Promise<R>;
  /** Starts the task concurrently. */
  submit(...args: TaskInputs<A>): TaskFuture<R>;
  /** One future per item, each item being the first argument; the rest are shared by all. */
  map(items: Iterable<MaybeFuture<A[0]>>, ...rest: TaskInputs<Tail<A>>): TaskFuture<R>[];
  /** A copy with some options changed. */
  withOptions(options: Partial<TaskOptions<A, R>>): Task<A, R>;
  run(args: TaskInputs<A>, options: RunOptions & { returnState: true }): Promise<State<R>>;
  run(args: TaskInputs<A>, options?: RunOptions): Promise<R>;
  readonly taskName: string;
  readonly options: Readonly<TaskOptions<A, R>>;
  readonly fn: (...args: A) => R | Promise<R>;
}

type Tail<A extends unknown[]> = A extends [unknown, ...infer Rest] ? Rest : unknown[];
type Fn<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export const TASK_BRAND: unique symbol = Symbol.for("flowbench.task");

export function task<A extends unknown[], R>(fn: Fn<A, R>): Task<A, Awaited<R>>;
export function task<A extends unknown[], R>(options: TaskOptions<A, Awaited<R>>, fn: Fn<A, R>): Task<A, Awaited<R>>;
export function task<A extends unknown[], R>(a: TaskOptions<A, Awaited<R>> | Fn<A, R>, b?: Fn<A, R>): Task<A, Awaited<R>> {
  const [options, fn] = typeof a === "function" ? [{}, a] : [a, b];
  if (typeof fn !== "function") throw makeError("invalid-options", ["task()", "the last argument must be the task's function"]);
  return makeTask({ ...options }, fn as Fn<A, Awaited<R>>);
}

function makeTask<A extends unknown[], R>(options: TaskOptions<A, R>, fn: Fn<A, R>): Task<A, R> {
  const name = options.name ?? (fn.name || "anonymous-task");
  validateTaskOptions(`task '${name}'`, options);
  const def: TaskDef<A, R> = { name, fn, options };

  const call = (...args: unknown[]): Promise<R> => {
    const handle = startTaskRun(def, args, false);
    const promise = handle.done.then(() => outcomeOf(handle));
    registerCallPromise(promise, handle);
    return promise;
  };
  const submit = (...args: unknown[]): TaskFuture<R> => new TaskFuture(startTaskRun(def, args, true));
  const api = {
    submit,
    map: (items: Iterable<unknown>, ...rest: unknown[]) => Array.from(items, (item) => submit(item, ...rest)),
    withOptions: (changes: Partial<TaskOptions<A, R>>) => makeTask({ ...options, ...changes }, fn),
    run: (args: unknown[], runOptions: RunOptions = {}) => {
      const handle = startTaskRun(def, args, false);
      return handle.done.then((state) => (runOptions.returnState ? state : outcomeOf(handle)));
    },
    taskName: name,
    options,
    fn,
    [TASK_BRAND]: true,
  };
  return Object.assign(call, api) as unknown as Task<A, R>;
}

export function isTask(value: unknown): value is Task<unknown[], unknown> {
  return typeof value === "function" && (value as { [TASK_BRAND]?: boolean })[TASK_BRAND] === true;
}
