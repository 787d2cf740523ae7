import { serializeError, type SerializedError } from "../../shared/errors.ts";

/** How a run ended when its worker could not say so itself. */
export interface RunEnding {
  type: "CRASHED" | "CANCELLED" | "FAILED";
  message: string;
  error: SerializedError | null;
}

/** What the host saw of a worker that ended without a `done` message. */
export interface WorkerDeath {
  /** The worker's exit code; null when it never started. */
  code: number | null;
  /** From an `error` event: an uncaught exception, or running out of memory. */
  error?: Error;
  /** From a `failed-to-start` message, or the Worker constructor throwing. */
  failedToStart?: SerializedError;
  /** The host terminated it because it did not stop after a cancel. */
  terminated?: boolean;
}

/** Node's code when a worker outgrows resourceLimits. */
const OUT_OF_MEMORY = "ERR_WORKER_OUT_OF_MEMORY";
/** Node's exit code when top-level await never settles: nothing was left that could settle it. */
const UNSETTLED_AWAIT = 13;

/** Words the death the way a user can act on it: what happened, in their code's terms. */
export function endingOf(death: WorkerDeath, limits: { memoryLimitMb: number; cancelGraceMs: number }): RunEnding {
  if (death.failedToStart) return { type: "FAILED", message: death.failedToStart.message, error: death.failedToStart };
  if (death.terminated) {
    const seconds = Number((limits.cancelGraceMs / 1000).toFixed(3));
    return { type: "CANCELLED", message: `Cancelled: the run did not stop within ${seconds} s, so its worker was terminated`, error: null };
  }
  if (death.error && (death.error as { code?: unknown }).code === OUT_OF_MEMORY) {
    return crashed(`The run's worker ran out of memory (limit ${limits.memoryLimitMb} MB)`, serializeError(death.error));
  }
  if (death.error) return crashed(`The run's worker threw an uncaught error: ${death.error.message}`, serializeError(death.error));
  if (death.code === UNSETTLED_AWAIT) {
    return crashed(`The run's worker exited with code ${UNSETTLED_AWAIT} (the flow waited on a promise that nothing was left to settle)`);
  }
  // Our worker only ever exits after `done` or `failed-to-start`, so any other exit is the flow's own process.exit.
  return crashed(`The run's worker exited with code ${death.code} (process.exit was called in the flow's code)`);
}

function crashed(message: string, error: SerializedError = { name: "Error", message }): RunEnding {
  return { type: "CRASHED", message, error };
}
