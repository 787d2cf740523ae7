import { makeError } from "../errors.ts";
import type { RetryDelay } from "./retry.ts";
import type { State } from "./states.ts";

export type MaybeArray<T> = T | readonly T[];
export type Hook<I> = (info: I) => void | Promise<void>;

export interface TaskHookInfo<R = unknown> {
  taskName: string;
  taskRunId: string;
  taskRunName: string;
  flowRunId: string | null;
  state: State<R>;
}

export interface FlowHookInfo<R = unknown> {
  flowName: string;
  flowRunId: string;
  flowRunName: string;
  parameters: unknown;
  state: State<R>;
}

export interface CacheKeyContext {
  taskName: string;
  flowRunId: string | null;
  parameters: unknown;
}

export type CacheKeyOption<A extends unknown[]> =
  | "inputs"
  | "source+inputs"
  | ((ctx: CacheKeyContext, args: A) => string | null | undefined);

export interface TaskOptions<A extends unknown[] = unknown[], R = unknown> {
  name?: string;
  description?: string;
  tags?: readonly string[];
  /** How many times to run again after a failure. */
  retries?: number;
  retryDelayMs?: RetryDelay;
  /** 0 to 1: each delay is stretched by a random factor up to 1 + jitter. */
  retryJitter?: number;
  /** Return false to stop retrying this error. */
  retryIf?: (error: unknown, attempt: number) => boolean | Promise<boolean>;
  timeoutMs?: number;
  cacheKey?: CacheKeyOption<A>;
  cacheExpiresInMs?: number;
  /** Run and overwrite the cache entry even when one is valid. */
  refreshCache?: boolean;
  /** Store the encoded result in the history (implied by cacheKey). */
  persistResult?: boolean;
  /** Capture console.* inside the run as its logs. */
  logPrints?: boolean;
  runName?: string | ((args: A) => string);
  onCompletion?: MaybeArray<Hook<TaskHookInfo<R>>>;
  onFailure?: MaybeArray<Hook<TaskHookInfo<R>>>;
}

/** The subset of a zod schema the SDK relies on, so zod stays the caller's choice of version. */
export interface ParamsSchema<T = unknown> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export interface FlowOptions<A extends unknown[] = unknown[], R = unknown> {
  name?: string;
  description?: string;
  version?: string;
  retries?: number;
  retryDelayMs?: RetryDelay;
  timeoutMs?: number;
  logPrints?: boolean;
  /** Validates the flow's first argument (its parameters object). */
  params?: ParamsSchema<A[0]>;
  /** At most this many of the flow's own task runs execute at once. */
  taskConcurrency?: number;
  onCompletion?: MaybeArray<Hook<FlowHookInfo<R>>>;
  onFailure?: MaybeArray<Hook<FlowHookInfo<R>>>;
  onCancellation?: MaybeArray<Hook<FlowHookInfo<R>>>;
  onCrashed?: MaybeArray<Hook<FlowHookInfo<R>>>;
}

type Check = (value: unknown) => string | undefined;

const nonNegativeInt: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : "must be a whole number, 0 or more");
const positiveNumber: Check = (v) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? undefined : "must be a number of milliseconds above 0");
const positiveInt: Check = (v) => (Number.isInteger(v) && (v as number) >= 1 ? undefined : "must be a whole number, 1 or more");
const text: Check = (v) => (typeof v === "string" ? undefined : "must be a string");
const nonEmptyText: Check = (v) => (typeof v === "string" && v.trim() !== "" ? undefined : "must be a non-empty string");
const bool: Check = (v) => (typeof v === "boolean" ? undefined : "must be true or false");
const fn: Check = (v) => (typeof v === "function" ? undefined : "must be a function");
const hooks: Check = (v) =>
  typeof v === "function" || (Array.isArray(v) && v.every((h) => typeof h === "function")) ? undefined : "must be a function or a list of functions";
const tags: Check = (v) => (Array.isArray(v) && v.every((t) => typeof t === "string") ? undefined : "must be a list of strings");
const delay: Check = (v) => {
  if (typeof v === "function") return undefined;
  if (typeof v === "number") return v >= 0 && Number.isFinite(v) ? undefined : "must be 0 or more milliseconds";
  if (Array.isArray(v) && v.every((d) => typeof d === "number" && d >= 0 && Number.isFinite(d))) return undefined;
  return "must be milliseconds: a number, a list with one per retry, or (retry) => number";
};
const jitter: Check = (v) => (typeof v === "number" && v >= 0 && v <= 1 ? undefined : "must be a number from 0 to 1");
const cacheKey: Check = (v) => (v === "inputs" || v === "source+inputs" || typeof v === "function" ? undefined : `must be "inputs", "source+inputs" or (ctx, args) => string | null`);
const runName: Check = (v) => (typeof v === "string" || typeof v === "function" ? undefined : "must be a string or (args) => string");
const schema: Check = (v) => (v && typeof (v as ParamsSchema).safeParse === "function" ? undefined : "must be a zod schema (anything with safeParse)");

const TASK_CHECKS: Record<keyof TaskOptions, Check> = {
  name: nonEmptyText,
  description: text,
  tags,
  retries: nonNegativeInt,
  retryDelayMs: delay,
  retryJitter: jitter,
  retryIf: fn,
  timeoutMs: positiveNumber,
  cacheKey,
  cacheExpiresInMs: positiveNumber,
  refreshCache: bool,
  persistResult: bool,
  logPrints: bool,
  runName,
  onCompletion: hooks,
  onFailure: hooks,
};

const FLOW_CHECKS: Record<keyof FlowOptions, Check> = {
  name: nonEmptyText,
  description: text,
  version: text,
  retries: nonNegativeInt,
  retryDelayMs: delay,
  timeoutMs: positiveNumber,
  logPrints: bool,
  params: schema,
  taskConcurrency: positiveInt,
  onCompletion: hooks,
  onFailure: hooks,
  onCancellation: hooks,
  onCrashed: hooks,
};

export function validateTaskOptions(where: string, options: unknown): void {
  validate(where, options, TASK_CHECKS);
}

export function validateFlowOptions(where: string, options: unknown): void {
  validate(where, options, FLOW_CHECKS);
}

function validate(where: string, options: unknown, checks: Record<string, Check>): void {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw makeError("invalid-options", [where, "options must be an object"]);
  }
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const check = checks[key];
    if (!check) {
      throw makeError("invalid-options", [where, `unknown option '${key}' (known: ${Object.keys(checks).join(", ")})`]);
    }
    const problem = check(value);
    if (problem) throw makeError("invalid-options", [where, `'${key}' ${problem}`]);
  }
}

export function asList<T>(value: MaybeArray<T> | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
