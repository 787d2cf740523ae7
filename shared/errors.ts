/**
 * Errors that cross process and API boundaries as plain data.
 * Each carries whether retrying can help, so callers need no instanceof checks.
 */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  retryable?: boolean;
  cause?: SerializedError;
}

/** The catalogue: one code per failure a user can meet, with its message. */
export const ERRORS = {
  "invalid-options": (where: string, problem: string) => `Invalid options for ${where}: ${problem}`,
  "invalid-params": (flow: string, problems: string) => `Invalid parameters for flow '${flow}': ${problems}`,
  "timed-out": (what: string, ms: number) => `${what} timed out after ${ms} ms`,
  cancelled: (what: string, reason: string) => `${what} was cancelled: ${reason}`,
  "upstream-failed": (task: string, upstream: string) => `Task '${task}' did not run: upstream task run '${upstream}' failed`,
  "not-serializable": (what: string, reason: string) => `Cannot persist the result of ${what}: ${reason}`,
  "store-unavailable": (reason: string) => `The run history store cannot be used: ${reason}`,
  "no-run-context": () => "getRunContext() was called outside a flow or task run",
  "flow-not-found": (file: string, detail: string) => `No flow to run in ${file}: ${detail}`,
  "invalid-schedule": (problem: string) => `Invalid schedule: ${problem}`,
  "graph-invalid": (flow: string, count: number, first: string) =>
    `Flow '${flow}' was not run: it has ${count} problem${count === 1 ? "" : "s"}. ${count > 1 ? "The first: " : ""}${first}`,
} as const;
export type ErrorCode = keyof typeof ERRORS;

export class FlowbenchError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, opts: { retryable?: boolean; details?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "FlowbenchError";
    this.code = code;
    this.retryable = opts.retryable ?? false;
    if (opts.details !== undefined) this.details = opts.details;
  }
}

export function makeError<C extends ErrorCode>(
  code: C,
  args: Parameters<(typeof ERRORS)[C]>,
  opts: { retryable?: boolean; details?: unknown; cause?: unknown } = {},
): FlowbenchError {
  const format = ERRORS[code] as (...a: unknown[]) => string;
  return new FlowbenchError(code, format(...args), opts);
}

/** Thrown by user code to stop retries at once. */
export class NonRetryableError extends Error {
  readonly retryable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NonRetryableError";
  }
}

export class TimeoutError extends Error {
  readonly retryable = true;
  constructor(message: string) {
    super(message);
    this.name = "TimeoutError";
  }
}

export class CancelledError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = "CancelledError";
  }
}

export function isRetryable(error: unknown): boolean {
  if (error && typeof error === "object" && "retryable" in error) return (error as { retryable: unknown }).retryable !== false;
  return true;
}

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (error instanceof Error) {
    const out: SerializedError = { name: error.name, message: error.message };
    if (error.stack) out.stack = error.stack;
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string") out.code = code;
    out.retryable = isRetryable(error);
    if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
    return out;
  }
  if (error && typeof error === "object" && typeof (error as SerializedError).message === "string") {
    const e = error as SerializedError;
    return { name: typeof e.name === "string" ? e.name : "Error", message: e.message };
  }
  return { name: "Error", message: typeof error === "string" ? error : safeString(error) };
}

/** Rebuilds a throwable from its serialised form, keeping name, code and stack. */
export function deserializeError(data: SerializedError): Error {
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  if (data.code) (error as { code?: string }).code = data.code;
  if (data.retryable === false) Object.defineProperty(error, "retryable", { value: false, enumerable: false });
  return error;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
