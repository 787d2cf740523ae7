import { TaskFuture, outcomeOf, type TaskRunHandle } from "./future.ts";

/** Promises returned by direct task calls, so passing one un-awaited still records the link. */
const promiseHandles = new WeakMap<object, TaskRunHandle>();
/** Objects returned by task runs: passing one on records where it came from. */
const resultOwners = new WeakMap<object, string>();

export function registerCallPromise(promise: Promise<unknown>, handle: TaskRunHandle): void {
  promiseHandles.set(promise, handle);
}

export function registerResult(value: unknown, taskRunId: string): void {
  if (value !== null && typeof value === "object") resultOwners.set(value, taskRunId);
}

/** Thrown while resolving inputs when an upstream run did not complete. */
export class UpstreamFailure extends Error {
  readonly upstreamId: string;
  readonly upstreamName: string;
  readonly original: unknown;
  constructor(upstreamId: string, upstreamName: string, original: unknown) {
    super(`upstream task run '${upstreamName}' failed`);
    this.upstreamId = upstreamId;
    this.upstreamName = upstreamName;
    this.original = original;
  }
}

export interface ResolvedArgs {
  args: unknown[];
  upstream: string[];
}

const MAX_DEPTH = 2;
const NO_UPSTREAM: string[] = Object.freeze([]) as unknown as string[];

/**
 * Replaces futures and promises in the arguments (also inside arrays and plain
 * objects, two levels deep) by their values and lists the runs they came from.
 * Stays synchronous when nothing needs waiting for, which is the common case.
 */
export function resolveArgs(args: unknown[]): ResolvedArgs | Promise<ResolvedArgs> {
  const upstream: string[] = [];
  let async = false;
  for (const arg of args) if (scan(arg, 0, upstream)) async = true;
  // Most runs have no upstream: share one empty list rather than keep one per run.
  if (!async) return { args, upstream: upstream.length ? upstream : NO_UPSTREAM };
  upstream.length = 0;
  return Promise.all(args.map((arg) => resolveValue(arg, 0, upstream))).then((resolved) => ({ args: resolved, upstream: unique(upstream) }));
}

function scan(value: unknown, depth: number, upstream: string[]): boolean {
  if (value === null || typeof value !== "object") return false;
  if (value instanceof TaskFuture || isThenable(value)) return true;
  const owner = resultOwners.get(value);
  if (owner !== undefined) {
    upstream.push(owner);
    return false;
  }
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => scan(item, depth + 1, upstream));
  if (isPlainObject(value)) return Object.values(value).some((item) => scan(item, depth + 1, upstream));
  return false;
}

async function resolveValue(value: unknown, depth: number, upstream: string[]): Promise<unknown> {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof TaskFuture) return fromHandle(TaskFuture.handleOf(value), upstream);
  if (isThenable(value)) {
    const handle = promiseHandles.get(value);
    if (handle) return fromHandle(handle, upstream);
    return await value;
  }
  const owner = resultOwners.get(value);
  if (owner !== undefined) {
    upstream.push(owner);
    return value;
  }
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return Promise.all(value.map((item) => resolveValue(item, depth + 1, upstream)));
  if (isPlainObject(value)) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveValue(v, depth + 1, upstream)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

async function fromHandle(handle: TaskRunHandle, upstream: string[]): Promise<unknown> {
  handle.observed = true;
  upstream.push(handle.id);
  await handle.done;
  try {
    return outcomeOf(handle);
  } catch (error) {
    throw new UpstreamFailure(handle.id, handle.record.name, error);
  }
}

function isThenable(value: object): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown }).then === "function";
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function unique(ids: string[]): string[] {
  return ids.length < 2 ? ids : [...new Set(ids)];
}
