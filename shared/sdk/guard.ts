import { CancelledError, TimeoutError, makeError } from "../errors.ts";

/** How one attempt of a flow or task ended. */
export type Outcome<T> =
  | { kind: "completed"; value: T }
  | { kind: "failed"; error: unknown; timedOut: boolean }
  | { kind: "cancelled"; reason: string };

/** A source of cancellation that is cheaper to watch than an AbortSignal's listeners. */
export interface CancelSource {
  readonly signal: AbortSignal;
  readonly watchers: Set<(reason: string) => void>;
}

const NEVER = new AbortController().signal;

export interface GuardOptions {
  what: string;
  timeoutMs?: number;
  /** Cancels the attempt; its signal is the one user code sees when no timeout applies. */
  cancel?: CancelSource;
  /** A parent signal that is not a CancelSource (a timed-out parent task, say). */
  outer?: AbortSignal;
}

/**
 * Runs one attempt so that a timeout or a cancel ends the wait at once, even when
 * the user's code ignores its signal (the code then finishes unobserved).
 */
export function guard<T>(start: (signal: AbortSignal) => T | Promise<T>, opts: GuardOptions): Promise<Outcome<T>> {
  const parentSignal = opts.outer ?? opts.cancel?.signal ?? NEVER;
  if (parentSignal.aborted) return Promise.resolve({ kind: "cancelled", reason: reasonText(parentSignal.reason) });
  const own = opts.timeoutMs !== undefined ? new AbortController() : undefined;
  const signal = own?.signal ?? parentSignal;

  return new Promise<Outcome<T>>((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unwatch: (() => void) | undefined;
    const finish = (outcome: Outcome<T>): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      unwatch?.();
      resolve(outcome);
    };
    const onCancel = (reason: string): void => {
      finish({ kind: "cancelled", reason });
      own?.abort(new CancelledError(makeError("cancelled", [opts.what, reason]).message));
    };
    if (opts.cancel && parentSignal === opts.cancel.signal) {
      const watchers = opts.cancel.watchers;
      watchers.add(onCancel);
      unwatch = () => watchers.delete(onCancel);
    } else if (parentSignal !== NEVER) {
      const listener = (): void => onCancel(reasonText(parentSignal.reason));
      parentSignal.addEventListener("abort", listener, { once: true });
      unwatch = () => parentSignal.removeEventListener("abort", listener);
    }
    if (own && opts.timeoutMs !== undefined) {
      const ms = opts.timeoutMs;
      timer = setTimeout(() => {
        const error = new TimeoutError(makeError("timed-out", [opts.what, ms]).message);
        finish({ kind: "failed", error, timedOut: true });
        own.abort(error);
      }, ms);
    }
    let result: T | Promise<T>;
    try {
      result = start(signal);
    } catch (error) {
      finish({ kind: "failed", error, timedOut: false });
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (value) => finish({ kind: "completed", value }),
        (error: unknown) => finish({ kind: "failed", error, timedOut: false }),
      );
    } else {
      finish({ kind: "completed", value: result });
    }
  });
}

/** Waits, unless cancelled first; true when the full delay passed. */
export function sleep(ms: number, cancel: CancelSource | undefined): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!cancel?.signal.aborted);
  return new Promise((resolve) => {
    const onCancel = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      cancel?.watchers.delete(onCancel);
      resolve(true);
    }, ms);
    cancel?.watchers.add(onCancel);
  });
}

export function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === "string") return reason;
  return "cancelled";
}

/** Makes a cancel source whose watchers fire when `signal` aborts. */
export function cancelSource(controller: AbortController): CancelSource {
  const watchers = new Set<(reason: string) => void>();
  controller.signal.addEventListener(
    "abort",
    () => {
      const reason = reasonText(controller.signal.reason);
      for (const watcher of [...watchers]) watcher(reason);
    },
    { once: true },
  );
  return { signal: controller.signal, watchers };
}
